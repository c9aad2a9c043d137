package dev.volsim.core.controller.persistentvolume;

import static dev.volsim.core.controller.persistentvolume.PvHelpers.ANN_BOUND_BY_CONTROLLER;
import static dev.volsim.core.controller.persistentvolume.PvHelpers.ANN_DYNAMICALLY_PROVISIONED;
import static dev.volsim.core.controller.persistentvolume.PvHelpers.PV_DELETION_IN_TREE_PROTECTION_FINALIZER;

import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.cluster.OperationFaults;
import dev.volsim.model.Records;
import dev.volsim.model.core.ObjectReference;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.PersistentVolumePhase;
import dev.volsim.model.core.PersistentVolumeReclaimPolicy;
import dev.volsim.model.volume.CSIPersistentVolumeSource;
import dev.volsim.model.volume.HostPathVolumeSource;
import dev.volsim.model.volume.NFSVolumeSource;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@code syncVolume} and reclaim ({@code reclaimVolume}, delete and recycle operations). */
final class VolumeSync {
  private final PersistentVolumeController ctrl;

  VolumeSync(PersistentVolumeController ctrl) {
    this.ctrl = ctrl;
  }

  void syncVolume(PersistentVolume volume) {
    Writes w = ctrl.writes;
    volume = updateVolumeMigrationAnnotationsAndFinalizers(volume);
    if (volume == null) {
      return;
    }
    ObjectReference ref = volume.spec().claimRef();
    if (ref == null) {
      // Volume is unused.
      w.updateVolumePhase(volume, PersistentVolumePhase.AVAILABLE, null);
      return;
    }
    if (PvHelpers.isEmpty(ref.uid())) {
      // Volume is pre-bound to a claim that does not exist yet (or was unbound): keep it Available.
      w.updateVolumePhase(volume, PersistentVolumePhase.AVAILABLE, null);
      return;
    }
    // The volume is bound to a claim: get the claim.
    PersistentVolumeClaim claim = findClaim(volume);
    if (claim != null && !ref.uid().equals(claim.metadata().uid())) {
      claim = null; // the claim was deleted and re-created with the same name
    }
    if (claim == null) {
      // The claim is gone: the volume is Released, and the reclaim policy runs.
      if (volume.status().phase() != PersistentVolumePhase.RELEASED
          && volume.status().phase() != PersistentVolumePhase.FAILED) {
        volume = w.updateVolumePhase(volume, PersistentVolumePhase.RELEASED, null);
        if (volume == null) {
          return;
        }
      } else {
        // already Released or Failed
      }
      reclaimVolume(volume);
    } else if (PvHelpers.isEmpty(claim.spec().volumeName())) {
      if (claim.spec().volumeMode() != volume.spec().volumeMode()) {
        // Binding for the volume won't be called in syncUnboundClaim, so report the mismatch.
        w.event(volume, true, "VolumeMismatch", "Cannot bind PersistentVolume to requested PersistentVolumeClaim \""
            + claim.metadata().name() + "\" due to incompatible volumeMode.");
        w.event(claim, true, "VolumeMismatch", "Cannot bind PersistentVolume \"" + volume.metadata().name()
            + "\" to requested PersistentVolumeClaim due to incompatible volumeMode.");
      } else {
        // The binding is not completed (or the volume was provisioned for it): let syncClaim finish it.
        ctrl.enqueueClaim(PvHelpers.claimToClaimKey(claim));
      }
    } else if (claim.spec().volumeName().equals(volume.metadata().name())) {
      // Volume is bound to a claim that points back to it.
      w.updateVolumePhase(volume, PersistentVolumePhase.BOUND, null);
    } else /* claim bound to another volume */ {
      if (PvHelpers.hasAnnotation(volume, ANN_DYNAMICALLY_PROVISIONED)
          && volume.spec().persistentVolumeReclaimPolicy() == PersistentVolumeReclaimPolicy.DELETE) {
        // A provisioned volume the claim did not take: release and delete it.
        if (volume.status().phase() != PersistentVolumePhase.RELEASED
            && volume.status().phase() != PersistentVolumePhase.FAILED) {
          volume = w.updateVolumePhase(volume, PersistentVolumePhase.RELEASED, null);
          if (volume == null) {
            return;
          }
        } else {
          // already Released or Failed
        }
        reclaimVolume(volume);
      } else if (PvHelpers.hasAnnotation(volume, ANN_BOUND_BY_CONTROLLER)) {
        // The controller bound it; the claim went elsewhere: unbind (claimRef cleared).
        w.unbindVolume(volume);
      } else {
        // A user pre-bound it: unbind keeps the reservation, clearing only the uid.
        w.unbindVolume(volume);
      }
    }
  }

  /** The claim from the cache, else the informer, else (unless Released/Failed) a live GET. */
  private PersistentVolumeClaim findClaim(PersistentVolume volume) {
    String key = PvHelpers.claimrefToClaimKey(volume.spec().claimRef());
    PersistentVolumeClaim claim = ctrl.claims.get(key);
    if (claim != null) {
      return claim;
    }
    PersistentVolumePhase phase = volume.status().phase();
    if (phase == PersistentVolumePhase.RELEASED || phase == PersistentVolumePhase.FAILED) {
      return null; // no need to look further for a claim of a released volume
    }
    ObjectReference ref = volume.spec().claimRef();
    Optional<PersistentVolumeClaim> found = ctrl.claimInformer.get(ref.namespace(), ref.name());
    if (found.isEmpty()) {
      found = ctrl.client.get(PersistentVolumeClaim.class, ref.namespace(), ref.name());
    } else {
      // the informer had it before the worker did
    }
    if (found.isPresent()) {
      ctrl.storeClaimUpdate(found.get());
      return found.get();
    }
    return null;
  }

  /**
   * {@code updateVolumeMigrationAnnotationsAndFinalizers}, HonorPVReclaimPolicy part: in-tree
   * provisioned volumes with Delete carry {@code kubernetes.io/pv-controller}, others not.
   */
  private PersistentVolume updateVolumeMigrationAnnotationsAndFinalizers(PersistentVolume volume) {
    String provisioner = volume.metadata().annotations().get(ANN_DYNAMICALLY_PROVISIONED);
    boolean inTree = provisioner != null && provisioner.startsWith("kubernetes.io/")
        && !(volume.spec().source() instanceof CSIPersistentVolumeSource);
    if (!ctrl.ctx.featureGate("HonorPVReclaimPolicy") || !inTree || volume.metadata().deletionTimestamp() != null) {
      return volume;
    }
    boolean wants = volume.spec().persistentVolumeReclaimPolicy() == PersistentVolumeReclaimPolicy.DELETE;
    boolean has = volume.metadata().hasFinalizer(PV_DELETION_IN_TREE_PROTECTION_FINALIZER);
    if (wants && !has) {
      return ctrl.writes.updateVolume(Records.withMetadata(volume,
          PvHelpers.withFinalizer(volume.metadata(), PV_DELETION_IN_TREE_PROTECTION_FINALIZER)));
    } else if (!wants && has) {
      return ctrl.writes.updateVolume(Records.withMetadata(volume,
          PvHelpers.withoutFinalizer(volume.metadata(), PV_DELETION_IN_TREE_PROTECTION_FINALIZER)));
    } else {
      return volume;
    }
  }

  /** {@code reclaimVolume}. */
  private void reclaimVolume(PersistentVolume volume) {
    if (PvHelpers.hasAnnotation(volume, PvHelpers.ANN_MIGRATED_TO)) {
      return; // CSI migration: the external provisioner reclaims
    }
    String opKey = volume.metadata().name() + "[" + volume.metadata().uid() + "]";
    switch (volume.spec().persistentVolumeReclaimPolicy()) {
      case RETAIN -> {
        // "policy is Retain, nothing to do"
      }
      case RECYCLE -> ctrl.runningOperations.run("recycle-" + opKey, done -> recycleVolumeOperation(volume, done));
      case DELETE -> ctrl.runningOperations.run("delete-" + opKey, done -> deleteVolumeOperation(volume, done));
    }
  }

  /** {@code isVolumeReleased}: bound to a claim that is gone, re-created, or bound elsewhere. */
  private boolean isVolumeReleased(PersistentVolume volume) {
    ObjectReference ref = volume.spec().claimRef();
    if (ref == null || PvHelpers.isEmpty(ref.uid())) {
      return false;
    }
    Optional<PersistentVolumeClaim> claim = ctrl.client.get(PersistentVolumeClaim.class, ref.namespace(), ref.name());
    if (claim.isEmpty() || !ref.uid().equals(claim.get().metadata().uid())) {
      return true;
    } else {
      return !volume.metadata().name().equals(claim.get().spec().volumeName());
    }
  }

  private Optional<PersistentVolume> liveVolume(PersistentVolume volume) {
    Optional<PersistentVolume> now = ctrl.client.get(PersistentVolume.class, "", volume.metadata().name());
    if (now.isPresent() && !now.get().metadata().uid().equals(volume.metadata().uid())) {
      return Optional.empty(); // a new volume with the same name
    }
    return now;
  }

  /** {@code deleteVolumeOperation}. */
  private void deleteVolumeOperation(PersistentVolume cached, GoroutineMap.Done done) {
    Optional<PersistentVolume> live = liveVolume(cached);
    if (live.isEmpty() || !isVolumeReleased(live.get())) {
      done.finish(false); // "volume no longer needs deletion, skipping"
      return;
    }
    PersistentVolume volume = live.get();
    if (volume.metadata().deletionTimestamp() != null
        && !volume.metadata().hasFinalizer(PV_DELETION_IN_TREE_PROTECTION_FINALIZER)) {
      done.finish(false); // storage already deleted; the PV object only waits for other finalizers
      return;
    }
    String provisioner = volume.metadata().annotations().get(ANN_DYNAMICALLY_PROVISIONED);
    boolean external = volume.spec().source() instanceof CSIPersistentVolumeSource
        || (provisioner != null && !provisioner.startsWith("kubernetes.io/"));
    if (external) {
      done.finish(false); // the external provisioner deletes it (or nobody does, for a static CSI volume)
      return;
    }
    String pluginError = findDeleter(volume);
    if (pluginError != null) {
      failDelete(volume, "error getting deleter volume plugin for volume \"" + volume.metadata().name() + "\": "
          + pluginError, done);
      return;
    }
    long latency = ctrl.ctx.latencyMicros("delete", PersistentVolumeController.NAME);
    ctrl.ctx.engine().scheduleAfterMicros(latency, PersistentVolumeController.NAME, "deleteVolume", () -> {
      Optional<OperationFaults.Injected> fault = ctrl.ctx.faults().take("delete", facts(volume));
      if (fault.isPresent()) {
        failDelete(volume, fault.get().message(), done);
        return;
      }
      ctrl.client.trace("VolumeDeleted", ObjectKey.of(volume).ref(), "deleted the storage of volume "
          + volume.metadata().name(), "volume", volume.metadata().name());
      try {
        PersistentVolume current = ctrl.client.get(PersistentVolume.class, "", volume.metadata().name()).orElse(null);
        if (current != null && current.metadata().hasFinalizer(PV_DELETION_IN_TREE_PROTECTION_FINALIZER)) {
          current = ctrl.client.update(Records.withMetadata(current,
              PvHelpers.withoutFinalizer(current.metadata(), PV_DELETION_IN_TREE_PROTECTION_FINALIZER)));
        } else {
          // no in-tree finalizer to remove
        }
        if (current != null) {
          ctrl.client.delete(ObjectKey.of(current));
        } else {
          // someone deleted it meanwhile
        }
        done.finish(false);
      } catch (ApiException e) {
        done.finish(true); // "failed to delete volume from database": retried by a later sync
      }
    });
  }

  /** The in-tree deleter's refusal for a volume, or null when one can delete it. */
  private static String findDeleter(PersistentVolume volume) {
    if (volume.spec().source() instanceof HostPathVolumeSource hp) {
      // host_path deleter only deletes what its provisioner made, under /tmp
      if (hp.path() != null && hp.path().matches("^/tmp/.+")) {
        return null;
      } else {
        return "host_path deleter only supports /tmp/.+ but received provided " + hp.path();
      }
    } else {
      return "no deletable volume plugin matched";
    }
  }

  private void failDelete(PersistentVolume volume, String message, GoroutineMap.Done done) {
    ctrl.client.trace("VolumeDeleted", ObjectKey.of(volume).ref(), "deleting volume " + volume.metadata().name()
        + " failed: " + message, "volume", volume.metadata().name(), "outcome", "failed");
    PersistentVolume current = ctrl.volumes.get(volume.metadata().name());
    ctrl.writes.updateVolumePhaseWithEvent(current == null ? volume : current, PersistentVolumePhase.FAILED, true,
        "VolumeFailedDelete", message);
    done.finish(true);
  }

  /** {@code recycleVolumeOperation}: only NFS and hostPath have recyclers. */
  private void recycleVolumeOperation(PersistentVolume cached, GoroutineMap.Done done) {
    Optional<PersistentVolume> live = liveVolume(cached);
    if (live.isEmpty() || !isVolumeReleased(live.get())) {
      done.finish(false);
      return;
    }
    PersistentVolume volume = live.get();
    if (!(volume.spec().source() instanceof NFSVolumeSource) && !(volume.spec().source() instanceof HostPathVolumeSource)) {
      ctrl.writes.updateVolumePhaseWithEvent(volume, PersistentVolumePhase.FAILED, true, "VolumeFailedRecycle",
          "No recycler plugin found for the volume!");
      done.finish(true);
      return;
    }
    // The recycler Pod scrubs the volume (rm -rf /scrub/*); it takes about as long as a delete.
    long latency = ctrl.ctx.latencyMicros("delete", PersistentVolumeController.NAME);
    ctrl.ctx.engine().scheduleAfterMicros(latency, PersistentVolumeController.NAME, "recycleVolume", () -> {
      Optional<OperationFaults.Injected> fault = ctrl.ctx.faults().take("recycle", facts(volume));
      PersistentVolume current = ctrl.volumes.get(volume.metadata().name());
      PersistentVolume base = current == null ? volume : current;
      Optional<String> failure = fault.map(OperationFaults.Injected::message);
      if (failure.isEmpty() && volume.spec().source() instanceof NFSVolumeSource nfs) {
        failure = NfsScrub.scrub(ctrl.ctx.world(), nfs);
      }
      if (failure.isPresent()) {
        ctrl.client.trace("Recycled", ObjectKey.of(volume).ref(), "recycling volume " + volume.metadata().name()
            + " failed: " + failure.get(), "volume", volume.metadata().name(), "outcome", "failed");
        ctrl.writes.updateVolumePhaseWithEvent(base, PersistentVolumePhase.FAILED, true, "VolumeFailedRecycle",
            "Recycle failed: " + failure.get());
        done.finish(true);
        return;
      }
      ctrl.client.trace("Recycled", ObjectKey.of(volume).ref(), "scrubbed volume " + volume.metadata().name(),
          "volume", volume.metadata().name());
      ctrl.writes.event(base, false, "VolumeRecycled", "Volume recycled");
      PersistentVolume unbound = ctrl.writes.unbindVolume(base);
      done.finish(unbound == null);
    });
  }

  private static Map<String, String> facts(PersistentVolume volume) {
    Map<String, String> f = new TreeMap<>();
    f.put("volume", volume.metadata().name());
    if (volume.spec().claimRef() != null) {
      f.put("claim", PvHelpers.claimrefToClaimKey(volume.spec().claimRef()));
    }
    return f;
  }
}
