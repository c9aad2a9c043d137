package dev.volsim.core.controller.persistentvolume;

import static dev.volsim.core.controller.persistentvolume.PvHelpers.ANN_BETA_STORAGE_PROVISIONER;
import static dev.volsim.core.controller.persistentvolume.PvHelpers.ANN_SELECTED_NODE;
import static dev.volsim.core.controller.persistentvolume.PvHelpers.ANN_STORAGE_PROVISIONER;

import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.cluster.OperationFaults;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.Quantity;
import dev.volsim.model.Records;
import dev.volsim.model.core.ObjectReference;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.PersistentVolumeSpec;
import dev.volsim.model.storage.StorageClass;
import dev.volsim.model.volume.HostPathVolumeSource;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Dynamic provisioning in the PV controller: {@code provisionClaim}, {@code findProvisionablePlugin},
 * {@code provisionClaimOperationExternal} (hand the claim to an external provisioner) and
 * {@code provisionClaimOperation} for the one in-tree provisioner volsim simulates,
 * {@code kubernetes.io/host-path} (only with {@code --enable-hostpath-provisioner}).
 */
final class Provisioning {
  /** {@code createProvisionedPVRetryCount}: tries to save a provisioned PV. */
  static final int CREATE_PROVISIONED_PV_RETRY_COUNT = 5;
  /** {@code createProvisionedPVInterval}: the wait between those tries. */
  static final Duration CREATE_PROVISIONED_PV_INTERVAL = Duration.ofSeconds(10);

  private final PersistentVolumeController ctrl;

  Provisioning(PersistentVolumeController ctrl) {
    this.ctrl = ctrl;
  }

  /** What {@code findProvisionablePlugin} found: an in-tree plugin, or an external provisioner name. */
  private record Plugin(String inTree, String external, StorageClass storageClass) {}

  void provisionClaim(PersistentVolumeClaim claim) {
    String opName = "provision-" + PvHelpers.claimToClaimKey(claim) + "[" + claim.metadata().uid() + "]";
    Plugin plugin;
    try {
      plugin = findProvisionablePlugin(claim);
    } catch (IllegalStateException e) {
      // Retried at every syncUnboundClaim, so the event repeats (its count grows).
      ctrl.writes.event(claim, true, "ProvisioningFailed", e.getMessage());
      return;
    }
    ctrl.runningOperations.run(opName, done -> {
      if (plugin.external() != null) {
        done.finish(!provisionClaimOperationExternal(claim, plugin.storageClass(), plugin.external()));
      } else {
        provisionClaimOperation(claim, plugin.storageClass(), plugin.inTree(), done);
      }
    });
  }

  private Plugin findProvisionablePlugin(PersistentVolumeClaim claim) {
    String className = PvHelpers.getPersistentVolumeClaimClass(claim);
    StorageClass cls = ctrl.storageClass(className).orElseThrow(() -> new IllegalStateException(
        "storageclass.storage.k8s.io \"" + className + "\" not found"));
    String provisioner = cls.provisioner();
    String migrated = PvHelpers.CSI_MIGRATED.get(provisioner);
    if (migrated != null) {
      return new Plugin(null, migrated, cls); // CSI migration: the CSI driver's provisioner serves it
    } else if (provisioner.equals(PvHelpers.HOST_PATH_PROVISIONER)
        && ctrl.ctx.config().bool("enableHostPathProvisioner")) {
      return new Plugin(provisioner, null, cls);
    } else if (provisioner.startsWith("kubernetes.io/")) {
      throw new IllegalStateException("no volume plugin matched name: " + provisioner);
    } else {
      return new Plugin(null, provisioner, cls);
    }
  }

  /** {@code provisionClaimOperationExternal}: set the provisioner annotations and say who is awaited. */
  private boolean provisionClaimOperationExternal(PersistentVolumeClaim claim, StorageClass cls, String provisionerName) {
    PersistentVolumeClaim updated = setClaimProvisioner(claim, provisionerName);
    if (updated == null) {
      ctrl.writes.event(claim, true, "ProvisioningFailed", "Error saving claim: Operation cannot be fulfilled on "
          + "persistentvolumeclaims \"" + claim.metadata().name() + "\": the object has been modified; please apply "
          + "your changes to the latest version and try again");
      return false;
    }
    ctrl.writes.event(updated, false, "ExternalProvisioning", "Waiting for a volume to be created either by the "
        + "external provisioner '" + provisionerName + "' or manually by the system administrator. If volume "
        + "creation is delayed, please verify that the provisioner is running and correctly registered.");
    return true;
  }

  /** {@code setClaimProvisioner}: both annotation keys. */
  PersistentVolumeClaim setClaimProvisioner(PersistentVolumeClaim claim, String provisionerName) {
    if (provisionerName.equals(claim.metadata().annotations().get(ANN_STORAGE_PROVISIONER))
        && provisionerName.equals(claim.metadata().annotations().get(ANN_BETA_STORAGE_PROVISIONER))) {
      return claim; // already set
    }
    ObjectMeta meta = PvHelpers.withAnnotation(claim.metadata(), ANN_STORAGE_PROVISIONER, provisionerName);
    meta = PvHelpers.withAnnotation(meta, ANN_BETA_STORAGE_PROVISIONER, provisionerName);
    return ctrl.writes.updateClaim(Records.withMetadata(claim, meta));
  }

  /** {@code provisionClaimOperation} for the in-tree host-path provisioner. */
  private void provisionClaimOperation(PersistentVolumeClaim claim, StorageClass cls, String pluginName,
      GoroutineMap.Done done) {
    PersistentVolumeClaim current = setClaimProvisioner(claim, pluginName);
    if (current == null) {
      ctrl.writes.event(claim, true, "ProvisioningFailed", "Error saving claim: the object has been modified");
      done.finish(true);
      return;
    }
    String pvName = "pvc-" + claim.metadata().uid();
    if (ctrl.volumes.get(pvName) != null || ctrl.client.get(PersistentVolume.class, "", pvName).isPresent()) {
      done.finish(false); // "persistentvolume already exists, skipping"
      return;
    }
    if (!cls.mountOptions().isEmpty()) {
      ctrl.writes.event(current, true, "ProvisioningFailed", "Mount options are not supported by the provisioner "
          + "but StorageClass \"" + cls.metadata().name() + "\" has mount options " + goList(cls.mountOptions()));
      done.finish(true);
      return;
    }
    long latency = ctrl.ctx.latencyMicros("provision", PersistentVolumeController.NAME);
    PersistentVolumeClaim forClaim = current;
    ctrl.ctx.engine().scheduleAfterMicros(latency, PersistentVolumeController.NAME, "provision", () -> {
      Map<String, String> facts = new TreeMap<>();
      facts.put("claim", PvHelpers.claimToClaimKey(forClaim));
      facts.put("volume", pvName);
      Optional<OperationFaults.Injected> fault = ctrl.ctx.faults().take("provision", facts);
      if (fault.isPresent()) {
        if (PvHelpers.hasAnnotation(forClaim, ANN_SELECTED_NODE)) {
          rescheduleProvisioning(forClaim);
        } else {
          // Immediate binding: retried by a later sync
        }
        ctrl.client.trace("Provisioned", ObjectKey.of(forClaim).ref(), "provisioning for claim "
            + PvHelpers.claimToClaimKey(forClaim) + " failed: " + fault.get().message(),
            "claim", PvHelpers.claimToClaimKey(forClaim), "outcome", "failed");
        ctrl.writes.event(forClaim, true, "ProvisioningFailed", "Failed to provision volume with StorageClass \""
            + cls.metadata().name() + "\": " + fault.get().message());
        done.finish(true);
        return;
      }
      PersistentVolume pv = hostPathVolume(forClaim, cls, pvName);
      createProvisionedPV(forClaim, pv, pluginName, 1, done);
    });
  }

  private PersistentVolume hostPathVolume(PersistentVolumeClaim claim, StorageClass cls, String pvName) {
    ObjectReference ref = new ObjectReference("PersistentVolumeClaim", claim.metadata().namespace(),
        claim.metadata().name(), claim.metadata().uid(), "v1", claim.metadata().resourceVersion(), null);
    ObjectMeta.Builder meta = ObjectMeta.builder().name(pvName)
        .annotation(PvHelpers.ANN_BOUND_BY_CONTROLLER, "yes")
        .annotation(PvHelpers.ANN_DYNAMICALLY_PROVISIONED, PvHelpers.HOST_PATH_PROVISIONER);
    if (cls.reclaimPolicy() == dev.volsim.model.core.PersistentVolumeReclaimPolicy.DELETE
        && ctrl.ctx.featureGate("HonorPVReclaimPolicy")) {
      meta.finalizers(java.util.List.of(PvHelpers.PV_DELETION_IN_TREE_PROTECTION_FINALIZER));
    }
    Quantity size = claim.spec().resources().requests().get("storage");
    // The host-path provisioner makes /tmp/hostpath_provisioner/<uuid>.
    String dir = "/tmp/hostpath_provisioner/" + ctrl.ctx.engine().random(PersistentVolumeController.NAME + "/hostpath").nextUuid();
    PersistentVolumeSpec spec = new PersistentVolumeSpec(ImmutableSortedMap.of("storage", size),
        new HostPathVolumeSource(dir, null), claim.spec().accessModes(), ref, cls.reclaimPolicy(),
        PvHelpers.getPersistentVolumeClaimClass(claim), cls.mountOptions(), claim.spec().volumeMode(), null, null);
    return new PersistentVolume(meta.build(), spec, null);
  }

  /** Saves the PV, trying {@code createProvisionedPVRetryCount} times, {@code createProvisionedPVInterval} apart. */
  private void createProvisionedPV(PersistentVolumeClaim claim, PersistentVolume pv, String pluginName, int attempt,
      GoroutineMap.Done done) {
    try {
      PersistentVolume created = ctrl.client.create(pv);
      ctrl.storeVolumeUpdate(created);
    } catch (ApiException e) {
      if (e.reason() == ApiException.Reason.ALREADY_EXISTS) {
        // "volume already exists": someone saved it; success
      } else if (attempt < CREATE_PROVISIONED_PV_RETRY_COUNT) {
        ctrl.ctx.engine().schedule(CREATE_PROVISIONED_PV_INTERVAL, PersistentVolumeController.NAME, "createProvisionedPV",
            () -> createProvisionedPV(claim, pv, pluginName, attempt + 1, done));
        return;
      } else {
        ctrl.writes.event(claim, true, "ProvisioningFailed", "Error creating provisioned PV object for claim "
            + PvHelpers.claimToClaimKey(claim) + ": " + e.getMessage() + ". Deleting the volume.");
        done.finish(true);
        return;
      }
    }
    ctrl.client.trace("Provisioned", ObjectKey.cluster("PersistentVolume", pv.metadata().name()).ref(),
        "provisioned volume " + pv.metadata().name() + " for claim " + PvHelpers.claimToClaimKey(claim)
            + " using " + pluginName,
        "claim", PvHelpers.claimToClaimKey(claim), "volume", pv.metadata().name());
    ctrl.writes.event(claim, false, "ProvisioningSucceeded", "Successfully provisioned volume "
        + pv.metadata().name() + " using " + pluginName);
    done.finish(false);
  }

  /** {@code rescheduleProvisioning}: drop selected-node so the scheduler chooses again. */
  void rescheduleProvisioning(PersistentVolumeClaim claim) {
    PersistentVolumeClaim current = ctrl.claims.getOrDefault(PvHelpers.claimToClaimKey(claim), claim);
    if (!PvHelpers.hasAnnotation(current, ANN_SELECTED_NODE)) {
      return;
    }
    ctrl.writes.updateClaim(Records.withMetadata(current,
        PvHelpers.withoutAnnotation(current.metadata(), ANN_SELECTED_NODE)));
  }

  /** Go's {@code %v} of a string slice: {@code [a b]}. */
  static String goList(java.util.List<String> items) {
    return "[" + String.join(" ", items) + "]";
  }
}
