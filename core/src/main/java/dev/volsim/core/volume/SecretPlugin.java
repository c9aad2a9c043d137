package dev.volsim.core.volume;

import static com.google.common.base.Preconditions.checkArgument;

import dev.volsim.core.world.NodeDisk;
import dev.volsim.model.core.Pod;
import dev.volsim.model.volume.SecretVolumeSource;
import dev.volsim.model.volume.Volume;
import dev.volsim.model.volume.VolumeSource;
import java.util.Map;

/**
 * {@code kubernetes.io/secret} (pkg/volume/secret/secret.go): the Secret's keys (or the listed
 * items) written by the atomic writer into a tmpfs, so they never touch the node's disk; mounted
 * read-only.
 */
final class SecretPlugin implements VolumePlugin {
  static final String NAME = "kubernetes.io/secret";

  @Override
  public String pluginName() {
    return NAME;
  }

  @Override
  public boolean canSupport(VolumeSource source) {
    return source instanceof SecretVolumeSource;
  }

  @Override
  public Mounter newMounter(Pod pod, Volume volume) {
    checkArgument(volume.source() instanceof SecretVolumeSource, "not a secret volume: %s", volume.name());
    SecretVolumeSource source = (SecretVolumeSource) volume.source();
    return new ProjectingMounter(Payloads.volumePath(pod, NAME, volume.name()), true, pod) {
      @Override
      Map<String, FileProjection> payload(NodeContext node, Pod currentPod) {
        return Payloads.secret(node, currentPod, source.secretName(), source.items(), source.defaultMode(),
            Boolean.TRUE.equals(source.optional()));
      }
    };
  }

  @Override
  public Unmounter newUnmounter(String podUid, String volumeName) {
    return EmptyDirPlugin.unmounter(NodeDisk.podVolumeDirectory(podUid, NAME, volumeName));
  }
}
