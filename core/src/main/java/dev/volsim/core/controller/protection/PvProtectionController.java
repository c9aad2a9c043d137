package dev.volsim.core.controller.protection;

import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.Informer;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.controller.QueueController;
import dev.volsim.core.controller.SyncResult;
import dev.volsim.model.Records;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumePhase;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code pv-protection-controller} ({@code pkg/controller/volume/pvprotection}): a
 * PersistentVolume being deleted keeps its {@code kubernetes.io/pv-protection} finalizer while
 * its phase is Bound ({@code isBeingUsed}) and loses it as soon as the phase is anything else.
 * A volume not being deleted that lacks the finalizer gets it, as upstream's {@code processPV}.
 * The removal shows in the trace as the API server's {@code FinalizerRemoved}.
 */
public final class PvProtectionController extends QueueController {
  /** The component's name, as kube-controller-manager calls it. */
  public static final String NAME = "pv-protection-controller";

  /** {@code volumeutil.PVProtectionFinalizer}. */
  public static final String PV_PROTECTION_FINALIZER = "kubernetes.io/pv-protection";

  private final Informer<PersistentVolume> volumes;

  public PvProtectionController(ClusterContext context) {
    super(context, NAME);
    this.volumes = informer(PersistentVolume.class);
    volumes.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(PersistentVolume pv) {
        pvAddedUpdated(pv);
      }

      @Override
      public void onUpdate(PersistentVolume old, PersistentVolume pv) {
        pvAddedUpdated(pv);
      }
    });
  }

  private void pvAddedUpdated(PersistentVolume pv) {
    if (needToAddFinalizer(pv) || isDeletionCandidate(pv)) {
      queue.add(pv.metadata().name());
    }
  }

  @Override
  protected SyncResult sync(String key) {
    PersistentVolume pv = volumes.get("", key).orElse(null);
    if (pv == null) {
      return SyncResult.FORGET; // "PV not found, ignoring"
    }
    try {
      if (isDeletionCandidate(pv)) {
        if (!isBeingUsed(pv)) {
          List<String> finalizers = new ArrayList<>(pv.metadata().finalizers());
          finalizers.remove(PV_PROTECTION_FINALIZER);
          client.update(Records.withMetadata(pv, pv.metadata().toBuilder().finalizers(finalizers).build()));
          return SyncResult.FORGET;
        } else {
          return SyncResult.FORGET; // Bound: the PV controller's status update brings it back here
        }
      } else if (needToAddFinalizer(pv)) {
        List<String> finalizers = new ArrayList<>(pv.metadata().finalizers());
        finalizers.add(PV_PROTECTION_FINALIZER);
        client.update(Records.withMetadata(pv, pv.metadata().toBuilder().finalizers(finalizers).build()));
        return SyncResult.FORGET;
      } else {
        return SyncResult.FORGET;
      }
    } catch (ApiException e) {
      return SyncResult.REQUEUE_RATE_LIMITED;
    }
  }

  /** Upstream's {@code isBeingUsed}: "check if PV is being bound to a PVC by its status". */
  static boolean isBeingUsed(PersistentVolume pv) {
    return pv.status() != null && pv.status().phase() == PersistentVolumePhase.BOUND;
  }

  private static boolean isDeletionCandidate(PersistentVolume pv) {
    return pv.metadata().deletionTimestamp() != null && pv.metadata().hasFinalizer(PV_PROTECTION_FINALIZER);
  }

  private static boolean needToAddFinalizer(PersistentVolume pv) {
    return pv.metadata().deletionTimestamp() == null && !pv.metadata().hasFinalizer(PV_PROTECTION_FINALIZER);
  }
}
