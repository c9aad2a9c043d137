package dev.volsim.core.controller.persistentvolume;

import static dev.volsim.core.controller.persistentvolume.PvHelpers.ANN_BIND_COMPLETED;
import static dev.volsim.core.controller.persistentvolume.PvHelpers.ANN_BOUND_BY_CONTROLLER;

import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.Quantity;
import dev.volsim.model.Records;
import dev.volsim.model.core.ObjectReference;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.PersistentVolumeClaimPhase;
import dev.volsim.model.core.PersistentVolumeClaimStatus;
import dev.volsim.model.core.PersistentVolumePhase;
import dev.volsim.model.core.PersistentVolumeSpec;
import dev.volsim.model.core.PersistentVolumeStatus;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The PV controller's writes ({@code bind}, {@code bindVolumeToClaim}, {@code updateVolumePhase},
 * {@code bindClaimToVolume}, {@code updateClaimStatus}, {@code unbindVolume}): each writes through
 * the API and stores the answer in the local cache; each returns null when the API refused, and
 * the caller stops there: the next sync retries from the step that failed.
 */
final class Writes {
  private final PersistentVolumeController ctrl;

  Writes(PersistentVolumeController ctrl) {
    this.ctrl = ctrl;
  }

  /** {@code bind}: PV claimRef, PV phase Bound, claim volumeName and annotations, claim phase Bound. */
  boolean bind(PersistentVolume volume, PersistentVolumeClaim claim) {
    boolean wasBound = volume.status().phase() == PersistentVolumePhase.BOUND
        && claim.status().phase() == PersistentVolumeClaimPhase.BOUND;
    PersistentVolume updatedVolume = bindVolumeToClaim(volume, claim);
    if (updatedVolume == null) {
      return false; // "error binding volume to claim: failed saving the volume"
    }
    updatedVolume = updateVolumePhase(updatedVolume, PersistentVolumePhase.BOUND, null);
    if (updatedVolume == null) {
      return false; // "failed saving the volume status"
    }
    PersistentVolumeClaim updatedClaim = bindClaimToVolume(claim, updatedVolume);
    if (updatedClaim == null) {
      return false; // "failed saving the claim"
    }
    updatedClaim = updateClaimStatus(updatedClaim, PersistentVolumeClaimPhase.BOUND, updatedVolume);
    if (updatedClaim == null) {
      return false; // "failed saving the claim status"
    }
    if (!wasBound) {
      ctrl.client.trace("Bound", ObjectKey.of(updatedClaim).ref(), "claim " + PvHelpers.claimToClaimKey(updatedClaim)
          + " bound to volume " + updatedVolume.metadata().name(),
          "claim", PvHelpers.claimToClaimKey(updatedClaim), "volume", updatedVolume.metadata().name());
    } else {
      // already bound both ways: the sync confirmed it
    }
    return true;
  }

  /** {@code bindVolumeToClaim} / {@code GetBindVolumeToClaim}. */
  PersistentVolume bindVolumeToClaim(PersistentVolume volume, PersistentVolumeClaim claim) {
    ObjectReference ref = volume.spec().claimRef();
    boolean dirty = false;
    boolean shouldSetBoundByController = !PvHelpers.isVolumeBoundToClaim(volume, claim);
    PersistentVolume clone = volume;
    if (ref == null || !Objects.equals(ref.name(), claim.metadata().name())
        || !Objects.equals(ref.namespace(), claim.metadata().namespace())
        || !Objects.equals(ref.uid(), claim.metadata().uid())) {
      ObjectReference claimRef = new ObjectReference("PersistentVolumeClaim", claim.metadata().namespace(),
          claim.metadata().name(), claim.metadata().uid(), "v1", claim.metadata().resourceVersion(), null);
      clone = new PersistentVolume(clone.metadata(), Records.with(clone.spec(), "claimRef", claimRef), clone.status());
      dirty = true;
    } else {
      // the claimRef already names this claim with its uid
    }
    if (shouldSetBoundByController && !PvHelpers.hasAnnotation(clone, ANN_BOUND_BY_CONTROLLER)) {
      clone = Records.withMetadata(clone, PvHelpers.withAnnotation(clone.metadata(), ANN_BOUND_BY_CONTROLLER, "yes"));
      dirty = true;
    } else {
      // pre-bound by a user, or already annotated
    }
    if (!dirty) {
      return volume;
    }
    return updateVolume(clone);
  }

  PersistentVolume updateVolume(PersistentVolume volume) {
    try {
      PersistentVolume updated = ctrl.client.update(volume);
      ctrl.storeVolumeUpdate(updated);
      return updated;
    } catch (ApiException e) {
      return null; // Conflict and the like: logged upstream, retried by the next sync
    }
  }

  /** {@code updateVolumePhase}: a no-op when the phase is already that. */
  PersistentVolume updateVolumePhase(PersistentVolume volume, PersistentVolumePhase phase, String message) {
    if (volume.status().phase() == phase) {
      return volume;
    }
    PersistentVolumeStatus status = new PersistentVolumeStatus(phase, message, null, ctrl.ctx.engine().wallTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    try {
      PersistentVolume updated = ctrl.client.updateStatus(new PersistentVolume(volume.metadata(), volume.spec(), status));
      ctrl.storeVolumeUpdate(updated);
      if (phase == PersistentVolumePhase.RELEASED) {
        ObjectReference ref = volume.spec().claimRef();
        ctrl.client.trace("Released", ObjectKey.of(updated).ref(), "volume " + volume.metadata().name()
            + " released: its claim " + (ref == null ? "" : PvHelpers.claimrefToClaimKey(ref) + " ") + "is gone",
            "volume", volume.metadata().name(), "claim", ref == null ? null : PvHelpers.claimrefToClaimKey(ref));
      }
      return updated;
    } catch (ApiException e) {
      return null;
    }
  }

  /** {@code updateVolumePhaseWithEvent}: the event only on a change of phase. */
  PersistentVolume updateVolumePhaseWithEvent(PersistentVolume volume, PersistentVolumePhase phase,
      boolean warning, String reason, String message) {
    if (volume.status().phase() == phase) {
      return volume; // "updateVolumePhaseWithEvent: phase already set"
    }
    PersistentVolume updated = updateVolumePhase(volume, phase, message);
    if (updated == null) {
      return null;
    }
    event(updated, warning, reason, message);
    return updated;
  }

  /** {@code bindClaimToVolume}. */
  PersistentVolumeClaim bindClaimToVolume(PersistentVolumeClaim claim, PersistentVolume volume) {
    boolean dirty = false;
    boolean shouldBindByController = false;
    PersistentVolumeClaim clone = claim;
    if (!Objects.equals(claim.spec().volumeName(), volume.metadata().name())) {
      clone = new PersistentVolumeClaim(clone.metadata(),
          Records.with(clone.spec(), "volumeName", volume.metadata().name()), clone.status());
      shouldBindByController = true;
      dirty = true;
    } else {
      // pre-bound by the user through spec.volumeName, or set by an earlier sync
    }
    if (shouldBindByController && !PvHelpers.hasAnnotation(clone, ANN_BOUND_BY_CONTROLLER)) {
      clone = Records.withMetadata(clone, PvHelpers.withAnnotation(clone.metadata(), ANN_BOUND_BY_CONTROLLER, "yes"));
      dirty = true;
    } else {
      // nothing to mark
    }
    if (!PvHelpers.hasAnnotation(clone, ANN_BIND_COMPLETED)) {
      clone = Records.withMetadata(clone, PvHelpers.withAnnotation(clone.metadata(), ANN_BIND_COMPLETED, "yes"));
      dirty = true;
    } else {
      // already marked complete
    }
    if (!dirty) {
      return claim;
    }
    return updateClaim(clone);
  }

  PersistentVolumeClaim updateClaim(PersistentVolumeClaim claim) {
    try {
      PersistentVolumeClaim updated = ctrl.client.update(claim);
      ctrl.storeClaimUpdate(updated);
      return updated;
    } catch (ApiException e) {
      return null;
    }
  }

  /**
   * {@code updateClaimStatus}: the phase, and with a volume its access modes and capacity; with no
   * volume both cleared.
   */
  PersistentVolumeClaim updateClaimStatus(PersistentVolumeClaim claim, PersistentVolumeClaimPhase phase,
      PersistentVolume volume) {
    PersistentVolumeClaimStatus s = claim.status();
    PersistentVolumeClaimStatus next = Records.with(s, "phase", phase);
    if (volume == null) {
      next = Records.with(Records.with(next, "accessModes", null), "capacity", null);
    } else {
      if (!s.accessModes().equals(volume.spec().accessModes())) {
        next = Records.with(next, "accessModes", volume.spec().accessModes());
      } else {
        // access modes already those of the volume
      }
      Quantity size = volume.spec().capacity().get("storage");
      if (size != null && (s.phase() != phase || !s.capacity().containsKey("storage"))) {
        TreeMap<String, Quantity> cap = new TreeMap<>(s.capacity());
        cap.put("storage", size);
        next = Records.with(next, "capacity", com.google.common.collect.ImmutableSortedMap.copyOf(cap));
      } else {
        // capacity already reported
      }
    }
    if (next.equals(s)) {
      return claim;
    }
    try {
      PersistentVolumeClaim updated = ctrl.client.updateStatus(new PersistentVolumeClaim(claim.metadata(), claim.spec(), next));
      ctrl.storeClaimUpdate(updated);
      return updated;
    } catch (ApiException e) {
      return null;
    }
  }

  /** {@code updateClaimStatusWithEvent}: the event only on a change of phase. */
  PersistentVolumeClaim updateClaimStatusWithEvent(PersistentVolumeClaim claim, PersistentVolumeClaimPhase phase,
      PersistentVolume volume, boolean warning, String reason, String message) {
    if (claim.status().phase() == phase) {
      return claim;
    }
    PersistentVolumeClaim updated = updateClaimStatus(claim, phase, volume);
    if (updated == null) {
      return null;
    }
    event(updated, warning, reason, message);
    return updated;
  }

  /**
   * {@code unbindVolume}: a controller-made binding loses its claimRef and annotation; a user's
   * pre-binding only its uid, so the volume stays reserved for that claim. Then Available.
   */
  PersistentVolume unbindVolume(PersistentVolume volume) {
    PersistentVolume clone;
    if (PvHelpers.hasAnnotation(volume, ANN_BOUND_BY_CONTROLLER)) {
      ObjectMeta meta = PvHelpers.withoutAnnotation(volume.metadata(), ANN_BOUND_BY_CONTROLLER);
      clone = new PersistentVolume(meta, Records.with(volume.spec(), "claimRef", null), volume.status());
    } else {
      ObjectReference ref = volume.spec().claimRef();
      ObjectReference kept = new ObjectReference(ref.kind(), ref.namespace(), ref.name(), null, ref.apiVersion(),
          null, ref.fieldPath());
      clone = new PersistentVolume(volume.metadata(), Records.with(volume.spec(), "claimRef", kept), volume.status());
    }
    PersistentVolume updated = updateVolume(clone);
    if (updated == null) {
      return null;
    }
    return updateVolumePhase(updated, PersistentVolumePhase.AVAILABLE, null);
  }

  void event(dev.volsim.model.KubeObject o, boolean warning, String reason, String message) {
    if (warning) {
      ctrl.recorder.warning(o, reason, message);
    } else {
      ctrl.recorder.normal(o, reason, message);
    }
  }

  static PersistentVolumeSpec specWithClaimRef(PersistentVolumeSpec spec, ObjectReference ref) {
    return Records.with(spec, "claimRef", ref);
  }
}
