package dev.volsim.core.kubelet;

import dev.volsim.core.api.ApiServer;
import dev.volsim.model.core.Container;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.PersistentVolumeClaimPhase;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.VolumeDevice;
import dev.volsim.model.core.VolumeMount;
import dev.volsim.model.volume.PersistentVolumeClaimVolumeSource;
import dev.volsim.model.volume.Volume;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Upstream's {@code desiredStateOfWorldPopulator} (populator/desired_state_of_world_populator.go):
 * adds the volumes of Pods that should run ({@code findAndAddNewPods}) and removes those of Pods
 * whose containers are gone ({@code findAndRemoveDeletedPods}).
 */
final class DesiredStateOfWorldPopulator {
  private final ApiServer api;
  private final DesiredStateOfWorld dsw;
  private final VolumeSetUps plugins;
  private final Set<String> processedPods = new HashSet<>();

  DesiredStateOfWorldPopulator(ApiServer api, DesiredStateOfWorld dsw, VolumeSetUps plugins) {
    this.api = api;
    this.dsw = dsw;
    this.plugins = plugins;
  }

  /** {@code ReprocessPod}: the next pass processes the Pod's volumes again. */
  void reprocessPod(String podUid) {
    processedPods.remove(podUid);
  }

  /**
   * One pass. {@code active} are the Pods that should run; {@code removable} tells whether a Pod's
   * runtime is gone. Returns whether there is still work (a Pod not processed).
   */
  boolean populate(Iterable<Pod> active, java.util.function.Predicate<String> keep) {
    // findAndRemoveDeletedPods
    Set<String> uids = new TreeSet<>();
    for (var v : dsw.volumes.values()) {
      uids.addAll(v.pods.keySet());
    }
    for (String uid : uids) {
      if (!keep.test(uid)) {
        dsw.deletePod(uid);
        processedPods.remove(uid);
      }
    }
    // findAndAddNewPods
    boolean work = false;
    for (Pod pod : active) {
      String uid = pod.metadata().uid();
      if (!processedPods.contains(uid)) {
        if (processPodVolumes(pod)) {
          processedPods.add(uid);
          // upstream: "Remove any stored errors for the pod, everything went well in this processPodVolumes"
          dsw.popPodErrors(uid);
        } else {
          work = true;
        }
      }
    }
    return work;
  }

  /** Adds the Pod's used volumes; false when one failed (the error is stored on the Pod). */
  private boolean processPodVolumes(Pod pod) {
    Set<String> used = usedVolumes(pod);
    boolean ok = true;
    for (Volume v : pod.spec().volumes()) {
      if (!used.contains(v.name())) {
        continue; // "Skipping unused volume"
      }
      try {
        Object source = v.source();
        String specName = v.name();
        if (v.source() instanceof PersistentVolumeClaimVolumeSource c) {
          PersistentVolume pv = getPVCExtractPV(pod.metadata().namespace(), c.claimName());
          checkVolumeModeMatchesUse(pod, v.name(), pv);
          source = pv.spec().source();
          specName = pv.metadata().name();
        } else if (v.source() instanceof dev.volsim.model.volume.EphemeralVolumeSource) {
          // Generic ephemeral volume: the claim "<pod>-<volume>" the ephemeral volume controller made.
          String claimName = pod.metadata().name() + "-" + v.name();
          PersistentVolume pv = getPVCExtractPV(pod.metadata().namespace(), claimName);
          volumeIsForPod(pod, claimName);
          checkVolumeModeMatchesUse(pod, v.name(), pv);
          source = pv.spec().source();
          specName = pv.metadata().name();
        }
        final String name = specName;
        Optional<VolumeSetUp> setUp = plugins.find(pod, specName, source);
        if (setUp.isEmpty()) {
          // AddPodToVolume: FindPluginBySpec's error, wrapped.
          throw new IllegalStateException("failed to get Plugin from volumeSpec for volume \"" + name
              + "\" err=no volume plugin matched");
        }
        dsw.addPodToVolume(pod, v.name(), specName, setUp.get());
      } catch (IllegalStateException e) {
        dsw.addErrorToPod(pod.metadata().uid(), e.getMessage());
        ok = false;
      }
    }
    return ok;
  }

  private PersistentVolume getPVCExtractPV(String namespace, String claimName) {
    String prefix = "error processing PVC " + namespace + "/" + claimName + ": ";
    Optional<PersistentVolumeClaim> pvc = api.get(PersistentVolumeClaim.class, namespace, claimName);
    if (pvc.isEmpty()) {
      throw new IllegalStateException(prefix + "failed to fetch PVC from API server: persistentvolumeclaims \""
          + claimName + "\" not found");
    }
    PersistentVolumeClaim c = pvc.get();
    if (c.metadata().deletionTimestamp() != null) {
      throw new IllegalStateException(prefix + "PVC is being deleted");
    }
    if (c.status() == null || c.status().phase() != PersistentVolumeClaimPhase.BOUND) {
      throw new IllegalStateException(prefix + "PVC is not bound");
    }
    String pvName = c.spec().volumeName();
    if (pvName == null || pvName.isEmpty()) {
      throw new IllegalStateException(prefix + "PVC has empty pvc.Spec.VolumeName");
    }
    Optional<PersistentVolume> pv = api.get(PersistentVolume.class, "", pvName);
    if (pv.isEmpty()) {
      throw new IllegalStateException(prefix + "failed to fetch PV " + pvName
          + " from API server: persistentvolumes \"" + pvName + "\" not found");
    }
    if (pv.get().spec().claimRef() == null) {
      throw new IllegalStateException(prefix + "found PV object " + pvName
          + " but it has a nil pv.Spec.ClaimRef indicating it is not yet bound to the claim");
    }
    String refUid = pv.get().spec().claimRef().uid();
    if (refUid == null || !refUid.equals(c.metadata().uid())) {
      throw new IllegalStateException(prefix + "found PV object " + pvName + " but its pv.Spec.ClaimRef.UID "
          + refUid + " does not point to claim.UID " + c.metadata().uid());
    }
    return pv.get();
  }

  /**
   * {@code createVolumeSpec}'s volume mode check: a Block PV cannot be in a container's
   * volumeMounts, a Filesystem PV not in its volumeDevices.
   */
  private static void checkVolumeModeMatchesUse(Pod pod, String volumeName, PersistentVolume pv) {
    dev.volsim.model.core.PersistentVolumeMode mode = pv.spec().volumeMode();
    boolean mounted = false;
    boolean device = false;
    for (Container c : pod.spec().allContainers()) {
      mounted |= c.volumeMounts().stream().anyMatch(m -> m.name().equals(volumeName));
      device |= c.volumeDevices().stream().anyMatch(d -> d.name().equals(volumeName));
    }
    if (mounted && mode != dev.volsim.model.core.PersistentVolumeMode.FILESYSTEM) {
      throw new IllegalStateException("volume " + volumeName + " has volumeMode " + mode.wire()
          + ", but is specified in volumeMounts");
    }
    if (device && mode != dev.volsim.model.core.PersistentVolumeMode.BLOCK) {
      throw new IllegalStateException("volume " + volumeName + " has volumeMode " + mode.wire()
          + ", but is specified in volumeDevices");
    }
  }

  /** {@code ephemeral.VolumeIsForPod}: the claim must be controlled by the Pod. */
  private void volumeIsForPod(Pod pod, String claimName) {
    PersistentVolumeClaim pvc = api.get(PersistentVolumeClaim.class, pod.metadata().namespace(), claimName).orElseThrow();
    boolean owned = pvc.metadata().ownerReferences().stream()
        .anyMatch(o -> Boolean.TRUE.equals(o.controller()) && pod.metadata().uid().equals(o.uid()));
    if (!owned) {
      throw new IllegalStateException("PVC " + pod.metadata().namespace() + "/" + claimName + " was not created for pod "
          + pod.metadata().namespace() + "/" + pod.metadata().name() + " (pod is not owner)");
    }
  }

  /** {@code GetPodVolumeNames}: names in any container's volumeMounts or volumeDevices. */
  static Set<String> usedVolumes(Pod pod) {
    Set<String> used = new TreeSet<>();
    for (Container c : pod.spec().allContainers()) {
      for (VolumeMount m : c.volumeMounts()) {
        used.add(m.name());
      }
      for (VolumeDevice d : c.volumeDevices()) {
        used.add(d.name());
      }
    }
    return used;
  }
}
