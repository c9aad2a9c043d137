package dev.volsim.core.kubelet;

import dev.volsim.model.core.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Upstream's kubelet {@code cache.DesiredStateOfWorld}: the volumes that should be mounted, each
 * with the Pods that want it, whether it was reported in use, and per-Pod processing errors.
 * Iteration is in unique-name and Pod-uid order.
 */
final class DesiredStateOfWorld {
  /** A volume that should be mounted ({@code VolumeToMount} per Pod). */
  static final class VolumeToMount {
    final String volumeName;
    final boolean attachable;
    final boolean deviceMountable;
    boolean reportedInUse;
    /** Pods by uid. */
    final TreeMap<String, PodToMount> pods = new TreeMap<>();

    VolumeToMount(String volumeName, boolean attachable, boolean deviceMountable) {
      this.volumeName = volumeName;
      this.attachable = attachable;
      this.deviceMountable = deviceMountable;
    }
  }

  /** One Pod's use of a volume. */
  record PodToMount(Pod pod, String outerVolumeSpecName, String specName, VolumeSetUp setUp) {}

  final TreeMap<String, VolumeToMount> volumes = new TreeMap<>();
  private final TreeMap<String, List<String>> podErrors = new TreeMap<>();

  void addPodToVolume(Pod pod, String outerName, String specName, VolumeSetUp setUp) {
    VolumeToMount v = volumes.computeIfAbsent(setUp.uniqueVolumeName(),
        k -> new VolumeToMount(k, setUp.isAttachable(), setUp.requiresMountDevice()));
    v.pods.put(pod.metadata().uid(), new PodToMount(pod, outerName, specName, setUp));
  }

  void deletePod(String podUid) {
    volumes.values().removeIf(v -> {
      v.pods.remove(podUid);
      return v.pods.isEmpty();
    });
    podErrors.remove(podUid);
  }

  boolean podExists(String podUid) {
    return volumes.values().stream().anyMatch(v -> v.pods.containsKey(podUid));
  }

  /** The Pod's volumes: outer name to unique name. */
  Map<String, String> volumesOfPod(String podUid) {
    Map<String, String> out = new TreeMap<>();
    for (VolumeToMount v : volumes.values()) {
      PodToMount p = v.pods.get(podUid);
      if (p != null) {
        out.put(p.outerVolumeSpecName(), v.volumeName);
      }
    }
    return out;
  }

  void addErrorToPod(String podUid, String error) {
    List<String> errs = podErrors.computeIfAbsent(podUid, k -> new ArrayList<>());
    if (!errs.contains(error)) {
      errs.add(error);
    }
  }

  List<String> popPodErrors(String podUid) {
    List<String> errs = podErrors.remove(podUid);
    // PopPodErrors returns the stored sets.String's List(): sorted.
    return errs == null ? List.of() : errs.stream().sorted().toList();
  }

  List<String> podErrors(String podUid) {
    return podErrors.getOrDefault(podUid, List.of());
  }
}
