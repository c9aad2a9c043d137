package dev.volsim.core.controller.persistentvolume;

import static dev.volsim.core.controller.persistentvolume.PvHelpers.ANN_BIND_COMPLETED;
import static dev.volsim.core.controller.persistentvolume.PvHelpers.ANN_BOUND_BY_CONTROLLER;
import static dev.volsim.core.controller.persistentvolume.PvHelpers.ANN_SELECTED_NODE;

import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.PersistentVolumeClaimPhase;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodPhase;
import dev.volsim.model.storage.StorageClass;
import dev.volsim.model.storage.VolumeBindingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** {@code syncClaim}, {@code syncUnboundClaim} and {@code syncBoundClaim} of pv_controller.go. */
final class ClaimSync {
  private final PersistentVolumeController ctrl;

  ClaimSync(PersistentVolumeController ctrl) {
    this.ctrl = ctrl;
  }

  void syncClaim(PersistentVolumeClaim claim) {
    if (!PvHelpers.hasAnnotation(claim, ANN_BIND_COMPLETED)) {
      syncUnboundClaim(claim);
    } else {
      syncBoundClaim(claim);
    }
  }

  private void syncUnboundClaim(PersistentVolumeClaim claim) {
    Writes w = ctrl.writes;
    if (PvHelpers.isEmpty(claim.spec().volumeName())) {
      // User did not care which PV they get.
      boolean delayBinding = isDelayBindingMode(claim);
      PersistentVolume volume = ctrl.volumes.findBestMatchForClaim(claim, delayBinding);
      if (volume == null) {
        // No PV could be found.
        if (delayBinding && !PvHelpers.hasAnnotation(claim, ANN_SELECTED_NODE)) {
          emitEventForUnboundDelayBindingClaim(claim);
        } else if (!PvHelpers.getPersistentVolumeClaimClass(claim).isEmpty()) {
          ctrl.provisioning.provisionClaim(claim);
          return; // provisioning is asynchronous; no status write
        } else {
          w.event(claim, false, "FailedBinding", "no persistent volumes available for this claim and no storage class is set");
        }
        // Mark the claim as Pending and try to find a match in the next periodic syncClaim.
        w.updateClaimStatus(claim, PersistentVolumeClaimPhase.PENDING, null);
      } else /* volume != null */ {
        // Found a PV for this claim: bind them.
        w.bind(volume, claim);
      }
    } else /* claim.spec.volumeName != "" */ {
      // User asked for a specific PV.
      PersistentVolume volume = ctrl.volumes.get(claim.spec().volumeName());
      if (volume == null) {
        // "volume requested and not found, will try again next time"
        w.updateClaimStatus(claim, PersistentVolumeClaimPhase.PENDING, null);
      } else if (volume.spec().claimRef() == null) {
        // The volume is unbound: check it can be bound to this claim.
        String mismatch = checkVolumeSatisfyClaim(volume, claim);
        if (mismatch != null) {
          w.event(claim, true, "VolumeMismatch",
              "Cannot bind to requested volume \"" + volume.metadata().name() + "\": " + mismatch);
          w.updateClaimStatus(claim, PersistentVolumeClaimPhase.PENDING, null);
        } else {
          w.bind(volume, claim);
        }
      } else if (PvHelpers.isVolumeBoundToClaim(volume, claim)) {
        // The volume is pre-bound to this claim (or bound already): finish the binding.
        w.bind(volume, claim);
      } else /* volume bound to another claim */ {
        if (!PvHelpers.hasAnnotation(claim, ANN_BOUND_BY_CONTROLLER)) {
          // The user asked for a PV that is claimed by someone else.
          w.event(claim, true, "FailedBinding",
              "volume \"" + volume.metadata().name() + "\" already bound to a different claim.");
          w.updateClaimStatus(claim, PersistentVolumeClaimPhase.PENDING, null);
        } else {
          // "invalid binding of claim to volume: volume already claimed by ..." - an error, logged
        }
      }
    }
  }

  private void syncBoundClaim(PersistentVolumeClaim claim) {
    Writes w = ctrl.writes;
    if (PvHelpers.isEmpty(claim.spec().volumeName())) {
      // Claim was bound before but not any more.
      w.updateClaimStatusWithEvent(claim, PersistentVolumeClaimPhase.LOST, null, true, "ClaimLost",
          "Bound claim has lost reference to PersistentVolume. Data on the volume is lost!");
      return;
    }
    PersistentVolume volume = ctrl.volumes.get(claim.spec().volumeName());
    if (volume == null) {
      // Claim is bound to a non-existing volume.
      w.updateClaimStatusWithEvent(claim, PersistentVolumeClaimPhase.LOST, null, true, "ClaimLost",
          "Bound claim has lost its PersistentVolume. Data on the volume is lost!");
    } else if (volume.spec().claimRef() == null) {
      // Claim is bound but the volume is not: bind() fixes it.
      w.bind(volume, claim);
    } else if (java.util.Objects.equals(volume.spec().claimRef().uid(), claim.metadata().uid())) {
      // All is well; bind() fills in whatever step is still missing (a no-op otherwise).
      w.bind(volume, claim);
    } else /* volume bound to another claim */ {
      w.updateClaimStatusWithEvent(claim, PersistentVolumeClaimPhase.LOST, null, true, "ClaimMisbound",
          "Two claims are bound to the same volume, this one is bound incorrectly");
    }
  }

  /** {@code checkVolumeSatisfyClaim}: the reason a pre-bound claim's volume does not fit, or null. */
  private static String checkVolumeSatisfyClaim(PersistentVolume volume, PersistentVolumeClaim claim) {
    if (volume.metadata().deletionTimestamp() != null) {
      return "the volume is marked for deletion \"" + volume.metadata().name() + "\"";
    } else if (PvHelpers.storageOf(volume).compareTo(PvHelpers.requestOf(claim)) < 0) {
      return "requested PV is too small";
    } else if (!PvHelpers.getPersistentVolumeClass(volume).equals(PvHelpers.getPersistentVolumeClaimClass(claim))) {
      return "storageClassName does not match";
    } else if (volume.spec().volumeMode() != claim.spec().volumeMode()) {
      return "incompatible volumeMode";
    } else if (!PvHelpers.modesOf(volume.spec().accessModes()).containsAll(PvHelpers.modesOf(claim.spec().accessModes()))) {
      return "incompatible accessMode";
    } else {
      return null;
    }
  }

  /** {@code IsDelayBindingMode}: the claim's class exists and waits for the first consumer. */
  boolean isDelayBindingMode(PersistentVolumeClaim claim) {
    String className = PvHelpers.getPersistentVolumeClaimClass(claim);
    if (className.isEmpty()) {
      return false;
    }
    Optional<StorageClass> cls = ctrl.storageClass(className);
    if (cls.isEmpty()) {
      return false; // a missing class is not delayed binding
    } else {
      return cls.get().volumeBindingMode() == VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER;
    }
  }

  /** {@code emitEventForUnboundDelayBindingClaim}. */
  private void emitEventForUnboundDelayBindingClaim(PersistentVolumeClaim claim) {
    String reason = "WaitForFirstConsumer";
    String message = "waiting for first consumer to be created before binding";
    List<String> podNames = findNonScheduledPodsByPVC(claim);
    if (!podNames.isEmpty()) {
      reason = "WaitForPodScheduled";
      if (podNames.size() > 1) {
        message = "waiting for pods " + String.join(",", podNames) + " to be scheduled";
      } else {
        message = "waiting for pod " + podNames.get(0) + " to be scheduled";
      }
    } else {
      // no Pod uses the claim yet
    }
    ctrl.writes.event(claim, false, reason, message);
  }

  private List<String> findNonScheduledPodsByPVC(PersistentVolumeClaim claim) {
    List<String> out = new ArrayList<>();
    for (String name : ctrl.podsByClaim.getOrDefault(PvHelpers.claimToClaimKey(claim), new TreeSet<>())) {
      Optional<Pod> pod = ctrl.podInformer.get(claim.metadata().namespace(), name);
      if (pod.isEmpty()) {
        continue;
      }
      Pod p = pod.get();
      PodPhase phase = p.status() == null ? null : p.status().phase();
      boolean terminated = phase == PodPhase.SUCCEEDED || phase == PodPhase.FAILED;
      if (!terminated && (p.spec().nodeName() == null || p.spec().nodeName().isEmpty())) {
        out.add(name);
      } else {
        // scheduled or finished: not waiting
      }
    }
    return out;
  }
}
