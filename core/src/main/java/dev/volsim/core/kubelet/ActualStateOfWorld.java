package dev.volsim.core.kubelet;

import dev.volsim.core.world.MountSource;
import java.util.TreeMap;

/**
 * Upstream's kubelet {@code cache.ActualStateOfWorld}: the volumes attached to this node as the
 * kubelet knows it, whether each is globally mounted, and the Pods it is set up for with what
 * their containers mount. Only a finished operation changes it.
 */
final class ActualStateOfWorld {
  /** An attached volume ({@code attachedVolume}). */
  static final class AttachedVolume {
    final String volumeName;
    final VolumeSetUp setUp;
    boolean deviceMounted;
    /** Mounted Pods by uid. */
    final TreeMap<String, MountedVolume> mountedPods = new TreeMap<>();

    AttachedVolume(String volumeName, VolumeSetUp setUp) {
      this.volumeName = volumeName;
      this.setUp = setUp;
    }
  }

  /** A volume set up for one Pod ({@code MountedVolume}). */
  record MountedVolume(String podUid, String podKey, String outerVolumeSpecName, VolumeSetUp setUp, MountSource source,
      String traceVolume) {}

  final TreeMap<String, AttachedVolume> volumes = new TreeMap<>();

  void markVolumeAsAttached(String volumeName, VolumeSetUp setUp) {
    volumes.computeIfAbsent(volumeName, k -> new AttachedVolume(k, setUp));
  }

  boolean isAttached(String volumeName) {
    return volumes.containsKey(volumeName);
  }

  boolean isMounted(String volumeName, String podUid) {
    AttachedVolume v = volumes.get(volumeName);
    return v != null && v.mountedPods.containsKey(podUid);
  }

  boolean podHasMountedVolumes(String podUid) {
    return volumes.values().stream().anyMatch(v -> v.mountedPods.containsKey(podUid));
  }

  /** What the Pod's containers mount, by outer volume name. */
  TreeMap<String, MountSource> mountedVolumesForPod(String podUid) {
    TreeMap<String, MountSource> out = new TreeMap<>();
    for (AttachedVolume v : volumes.values()) {
      MountedVolume m = v.mountedPods.get(podUid);
      if (m != null) {
        out.put(m.outerVolumeSpecName(), m.source());
      }
    }
    return out;
  }
}
