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
    /** The trace's {@code volume} of the device (the PV's name), once MountDevice ran. */
    String deviceTraceVolume;
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

  /** Plugins whose volumes are set up again at every pod sync ({@code RequiresRemount}). */
  static final java.util.Set<String> REMOUNT_PLUGINS = java.util.Set.of("kubernetes.io/configmap",
      "kubernetes.io/secret", "kubernetes.io/downward-api", "kubernetes.io/projected");

  /** Mounted volumes to set up again, as {@code <volumeName>|<podUid>}. */
  private final java.util.TreeSet<String> remountRequired = new java.util.TreeSet<>();

  /** {@code MarkRemountRequired}: the Pod's mounted volumes whose plugin requires remount. */
  void markRemountRequired(String podUid) {
    for (AttachedVolume v : volumes.values()) {
      MountedVolume m = v.mountedPods.get(podUid);
      if (m != null && REMOUNT_PLUGINS.contains(m.setUp().pluginName())) {
        remountRequired.add(v.volumeName + "|" + podUid);
      }
    }
  }

  boolean isRemountRequired(String volumeName, String podUid) {
    return remountRequired.contains(volumeName + "|" + podUid) && isMounted(volumeName, podUid);
  }

  /** A remount finished (or the volume is no longer mounted for the Pod). */
  void clearRemountRequired(String volumeName, String podUid) {
    remountRequired.remove(volumeName + "|" + podUid);
  }
}
