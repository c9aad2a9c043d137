package dev.volsim.core.volume;

import static com.google.common.base.Preconditions.checkArgument;

import dev.volsim.core.world.NodeDisk;
import dev.volsim.model.core.Pod;
import dev.volsim.model.volume.DownwardAPIVolumeSource;
import dev.volsim.model.volume.Volume;
import dev.volsim.model.volume.VolumeSource;
import java.util.Map;

/**
 * {@code kubernetes.io/downward-api} (pkg/volume/downwardapi/downwardapi.go): the Pod's own fields
 * (metadata.name, namespace, uid, labels, annotations) and its containers' limits and requests
 * (divided by the divisor, rounded up) as files; mounted read-only. Like secret and projected
 * volumes it lives on a tmpfs: upstream's {@code wrappedVolumeSpec} is an emptyDir of medium Memory.
 */
final class DownwardApiPlugin implements VolumePlugin {
  static final String NAME = "kubernetes.io/downward-api";

  @Override
  public String pluginName() {
    return NAME;
  }

  @Override
  public boolean canSupport(VolumeSource source) {
    return source instanceof DownwardAPIVolumeSource;
  }

  @Override
  public Mounter newMounter(Pod pod, Volume volume) {
    checkArgument(volume.source() instanceof DownwardAPIVolumeSource, "not a downwardAPI volume: %s", volume.name());
    DownwardAPIVolumeSource source = (DownwardAPIVolumeSource) volume.source();
    return new ProjectingMounter(Payloads.volumePath(pod, NAME, volume.name()), true, pod) {
      @Override
      Map<String, FileProjection> payload(NodeContext node, Pod currentPod) {
        return Payloads.downwardApi(node, currentPod, source.items(), source.defaultMode());
      }
    };
  }

  @Override
  public Unmounter newUnmounter(String podUid, String volumeName) {
    return EmptyDirPlugin.unmounter(NodeDisk.podVolumeDirectory(podUid, NAME, volumeName));
  }
}
