package dev.volsim.core.volume;

import static com.google.common.base.Preconditions.checkArgument;

import dev.volsim.core.world.NodeDisk;
import dev.volsim.model.core.Pod;
import dev.volsim.model.volume.ConfigMapVolumeSource;
import dev.volsim.model.volume.Volume;
import dev.volsim.model.volume.VolumeSource;
import java.util.Map;

/**
 * {@code kubernetes.io/configmap} (pkg/volume/configmap/configmap.go): the ConfigMap's keys (or the
 * listed items) written by the atomic writer into an emptyDir on the node's disk; {@code optional}
 * turns a missing object into an empty volume; mounted read-only.
 */
final class ConfigMapPlugin implements VolumePlugin {
  static final String NAME = "kubernetes.io/configmap";

  @Override
  public String pluginName() {
    return NAME;
  }

  @Override
  public boolean canSupport(VolumeSource source) {
    return source instanceof ConfigMapVolumeSource;
  }

  @Override
  public Mounter newMounter(Pod pod, Volume volume) {
    checkArgument(volume.source() instanceof ConfigMapVolumeSource, "not a configMap volume: %s", volume.name());
    ConfigMapVolumeSource source = (ConfigMapVolumeSource) volume.source();
    return new ProjectingMounter(Payloads.volumePath(pod, NAME, volume.name()), false, pod) {
      @Override
      Map<String, FileProjection> payload(NodeContext node, Pod currentPod) {
        return Payloads.configMap(node, currentPod, source.name(), source.items(), source.defaultMode(),
            Boolean.TRUE.equals(source.optional()));
      }
    };
  }

  @Override
  public Unmounter newUnmounter(String podUid, String volumeName) {
    return EmptyDirPlugin.unmounter(NodeDisk.podVolumeDirectory(podUid, NAME, volumeName));
  }
}
