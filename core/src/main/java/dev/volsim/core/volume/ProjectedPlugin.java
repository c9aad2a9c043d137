package dev.volsim.core.volume;

import static com.google.common.base.Preconditions.checkArgument;

import dev.volsim.core.world.NodeDisk;
import dev.volsim.model.core.Pod;
import dev.volsim.model.volume.ProjectedVolumeSource;
import dev.volsim.model.volume.Volume;
import dev.volsim.model.volume.VolumeProjection;
import dev.volsim.model.volume.VolumeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code kubernetes.io/projected} (pkg/volume/projected/projected.go): secret, configMap,
 * downwardAPI and serviceAccountToken sources merged into one tmpfs by the atomic writer; errors of
 * all sources are aggregated; mounted read-only.
 */
final class ProjectedPlugin implements VolumePlugin {
  static final String NAME = "kubernetes.io/projected";

  @Override
  public String pluginName() {
    return NAME;
  }

  @Override
  public boolean canSupport(VolumeSource source) {
    return source instanceof ProjectedVolumeSource;
  }

  @Override
  public Mounter newMounter(Pod pod, Volume volume) {
    checkArgument(volume.source() instanceof ProjectedVolumeSource, "not a projected volume: %s", volume.name());
    ProjectedVolumeSource source = (ProjectedVolumeSource) volume.source();
    return new ProjectingMounter(Payloads.volumePath(pod, NAME, volume.name()), true, pod) {
      @Override
      Map<String, FileProjection> payload(NodeContext node, Pod currentPod) {
        return ProjectedPlugin.collect(node, currentPod, source);
      }
    };
  }

  @Override
  public Unmounter newUnmounter(String podUid, String volumeName) {
    return EmptyDirPlugin.unmounter(NodeDisk.podVolumeDirectory(podUid, NAME, volumeName));
  }

  /** projected.go {@code collectData}: every source's files; failures aggregated ({@code [a, b]}). */
  static Map<String, FileProjection> collect(NodeContext node, Pod pod, ProjectedVolumeSource source) {
    int mode = source.defaultMode();
    TreeMap<String, FileProjection> payload = new TreeMap<>();
    List<String> errors = new ArrayList<>();
    for (VolumeProjection p : source.sources()) {
      try {
        if (p.secret() != null) {
          payload.putAll(Payloads.secret(node, pod, p.secret().name(), p.secret().items(), mode,
              Boolean.TRUE.equals(p.secret().optional())));
        } else if (p.configMap() != null) {
          payload.putAll(Payloads.configMap(node, pod, p.configMap().name(), p.configMap().items(), mode,
              Boolean.TRUE.equals(p.configMap().optional())));
        } else if (p.downwardAPI() != null) {
          payload.putAll(Payloads.downwardApi(node, pod, p.downwardAPI().items(), mode));
        } else if (p.serviceAccountToken() != null) {
          var token = p.serviceAccountToken();
          payload.put(token.path(), new FileProjection(
              Payloads.token(pod, token.audience(), token.expirationSeconds()), mode));
        } else if (p.clusterTrustBundle() != null) {
          throw new VolumeSetUpException("clusterTrustBundle projections are not simulated by volsim");
        }
      } catch (VolumeSetUpException e) {
        errors.add(e.getMessage());
      }
    }
    if (errors.size() == 1) {
      throw new VolumeSetUpException(errors.get(0));
    } else if (errors.size() > 1) {
      throw new VolumeSetUpException("[" + String.join(", ", errors) + "]");
    }
    return payload;
  }
}
