package dev.volsim.core.controller.persistentvolume;

import dev.volsim.core.api.DeletionRequests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeClaim;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The PV controller and the external provisioner, as a table of named cases in the manner of
 * upstream's {@code binder_test.go}/{@code provision_test.go}/{@code delete_test.go}: each case
 * creates objects, lets the cluster run (and acts, where the story needs a user or the scheduler),
 * then checks phases, references, annotations and events.
 */
class PersistentVolumeControllerTest {
  record Case(String name, Map<String, Object> config, String objects, Consumer<PvTestCluster> story,
      Consumer<PvTestCluster> expect) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final Duration SETTLE = Duration.ofSeconds(30);

  // ------------------------------------------------------------------ object builders

  static String nfsPv(String name, String size, String modes, String cls) {
    return "---\n{apiVersion: v1, kind: PersistentVolume, metadata: {name: " + name + "}, spec: {capacity: {storage: "
        + size + "}, accessModes: [" + modes + "], storageClassName: \"" + cls + "\", nfs: {server: nfs.example, path: /"
        + name + "}}}\n";
  }

  static String pv(String name, String body) {
    return "---\n{apiVersion: v1, kind: PersistentVolume, metadata: {name: " + name + "}, spec: {" + body + "}}\n";
  }

  static String pvc(String name, String size, String modes, String cls) {
    return pvc(name, "accessModes: [" + modes + "], resources: {requests: {storage: " + size + "}}, storageClassName: \""
        + cls + "\"");
  }

  static String pvc(String name, String body) {
    return "---\n{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: " + name + ", namespace: default}, spec: {"
        + body + "}}\n";
  }

  static String sc(String name, String provisioner, String mode, String reclaim, String extra) {
    return "---\n{apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: " + name + "}, provisioner: "
        + provisioner + ", volumeBindingMode: " + mode + ", reclaimPolicy: " + reclaim + extra + "}\n";
  }

  static Consumer<PvTestCluster> settle() {
    return c -> c.run(SETTLE);
  }

  static void boundTo(PvTestCluster c, String claim, String volume) {
    PersistentVolumeClaim pvc = c.pvc(claim);
    PersistentVolume pv = c.pv(volume);
    assertThat(pvc.status().phase().wire()).as("claim phase").isEqualTo("Bound");
    assertThat(pvc.spec().volumeName()).isEqualTo(volume);
    assertThat(pvc.metadata().annotations()).containsEntry(PvHelpers.ANN_BIND_COMPLETED, "yes");
    assertThat(pv.status().phase().wire()).as("volume phase").isEqualTo("Bound");
    assertThat(pv.spec().claimRef().name()).isEqualTo(claim);
    assertThat(pv.spec().claimRef().uid()).isEqualTo(pvc.metadata().uid());
    assertThat(pvc.status().capacity().get("storage")).isEqualTo(pv.spec().capacity().get("storage"));
    assertThat(pvc.status().accessModes()).isEqualTo(pv.spec().accessModes());
  }

  static void pending(PvTestCluster c, String claim) {
    assertThat(c.pvc(claim).status().phase().wire()).isEqualTo("Pending");
    assertThat(c.pvc(claim).spec().volumeName()).isNull();
  }

  static final String RWO = "ReadWriteOnce";
  static final String NO_PROVISIONER_WAIT = "Waiting for a volume to be created either by the external provisioner '%s' "
      + "or manually by the system administrator. If volume creation is delayed, please verify that the provisioner "
      + "is running and correctly registered.";

  static Stream<Case> cases() {
    return Stream.of(
        // ---------------------------------------------------------------- 1: static matching
        new Case("1-1 - empty volume list, no class: FailedBinding, Pending", Map.of(),
            pvc("claim-1", "1Gi", RWO, ""), settle(), c -> {
              pending(c, "claim-1");
              assertThat(c.events("PersistentVolumeClaim", "claim-1"))
                  .contains("FailedBinding: no persistent volumes available for this claim and no storage class is set");
            }),
        new Case("1-2 - smallest volume that fits is bound", Map.of(),
            nfsPv("pv-1g", "1Gi", RWO, "") + nfsPv("pv-10g", "10Gi", RWO, "") + nfsPv("pv-5g", "5Gi", RWO, "")
                + pvc("claim-1", "3Gi", RWO, ""), settle(), c -> {
              boundTo(c, "claim-1", "pv-5g");
              assertThat(c.pv("pv-5g").metadata().annotations()).containsEntry(PvHelpers.ANN_BOUND_BY_CONTROLLER, "yes");
              assertThat(c.pvc("claim-1").metadata().annotations()).containsEntry(PvHelpers.ANN_BOUND_BY_CONTROLLER, "yes");
              assertThat(c.pv("pv-1g").status().phase().wire()).isEqualTo("Available");
              assertThat(c.pv("pv-10g").status().phase().wire()).isEqualTo("Available");
              assertThat(c.trace("Bound")).hasSize(1);
              assertThat(c.events("PersistentVolumeClaim", "claim-1")).isEmpty(); // binding emits no event
            }),
        new Case("1-3 - fewest access modes first, even when bigger", Map.of(),
            nfsPv("pv-rwo-rwx", "1Gi", RWO + ", ReadWriteMany", "") + nfsPv("pv-rwo", "10Gi", RWO, "")
                + pvc("claim-1", "1Gi", RWO, ""), settle(), c -> boundTo(c, "claim-1", "pv-rwo")),
        new Case("1-4 - class must match: no volume of class gold", Map.of(),
            nfsPv("pv-1", "1Gi", RWO, "silver") + pvc("claim-1", "1Gi", RWO, "") , settle(), c -> {
              pending(c, "claim-1");
              assertThat(c.pv("pv-1").status().phase().wire()).isEqualTo("Available");
            }),
        new Case("1-5 - label selector picks the labelled volume", Map.of(),
            nfsPv("pv-a", "1Gi", RWO, "")
                + "---\n{apiVersion: v1, kind: PersistentVolume, metadata: {name: pv-b, labels: {tier: gold}}, spec: "
                + "{capacity: {storage: 2Gi}, accessModes: [ReadWriteOnce], nfs: {server: s, path: /b}}}\n"
                + pvc("claim-1", "accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}, "
                    + "storageClassName: \"\", selector: {matchLabels: {tier: gold}}"),
            settle(), c -> boundTo(c, "claim-1", "pv-b")),
        new Case("1-6 - volumeMode must match", Map.of(),
            pv("pv-block", "capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], volumeMode: Block, "
                + "csi: {driver: disk.csi.test, volumeHandle: h1}")
                + pvc("claim-1", "1Gi", RWO, ""), settle(), c -> pending(c, "claim-1")),
        new Case("1-7 - volume being deleted is skipped", Map.of(),
            nfsPv("pv-1", "1Gi", RWO, ""), c -> {
              c.run(Duration.ofSeconds(1));
              c.user.delete(dev.volsim.core.api.ObjectKey.cluster("PersistentVolume", "pv-1"));
              c.apply(pvc("claim-1", "1Gi", RWO, ""));
              c.run(SETTLE);
            }, c -> pending(c, "claim-1")),
        // ---------------------------------------------------------------- 2: pre-binding
        new Case("2-1 - claim pre-bound by volumeName binds; claim not marked bound-by-controller", Map.of(),
            nfsPv("pv-small", "1Gi", RWO, "") + nfsPv("pv-big", "10Gi", RWO, "")
                + pvc("claim-1", "accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}, "
                    + "storageClassName: \"\", volumeName: pv-big"), settle(), c -> {
              boundTo(c, "claim-1", "pv-big");
              assertThat(c.pvc("claim-1").metadata().annotations()).doesNotContainKey(PvHelpers.ANN_BOUND_BY_CONTROLLER);
              assertThat(c.pv("pv-big").metadata().annotations()).containsEntry(PvHelpers.ANN_BOUND_BY_CONTROLLER, "yes");
            }),
        new Case("2-2 - claim pre-bound to a too small volume: VolumeMismatch", Map.of(),
            nfsPv("pv-1", "1Gi", RWO, "") + pvc("claim-1", "accessModes: [ReadWriteOnce], resources: {requests: "
                + "{storage: 5Gi}}, storageClassName: \"\", volumeName: pv-1"), settle(), c -> {
              assertThat(c.pvc("claim-1").status().phase().wire()).isEqualTo("Pending");
              assertThat(c.events("PersistentVolumeClaim", "claim-1"))
                  .contains("VolumeMismatch: Cannot bind to requested volume \"pv-1\": requested PV is too small");
            }),
        new Case("2-3 - claim pre-bound to a volume bound to another claim: FailedBinding", Map.of(),
            nfsPv("pv-1", "1Gi", RWO, "") + pvc("claim-a", "1Gi", RWO, ""), c -> {
              c.run(Duration.ofSeconds(5));
              c.apply(pvc("claim-b", "accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}, "
                  + "storageClassName: \"\", volumeName: pv-1"));
              c.run(SETTLE);
            }, c -> {
              boundTo(c, "claim-a", "pv-1");
              assertThat(c.pvc("claim-b").status().phase().wire()).isEqualTo("Pending");
              assertThat(c.events("PersistentVolumeClaim", "claim-b"))
                  .contains("FailedBinding: volume \"pv-1\" already bound to a different claim.");
            }),
        new Case("2-4 - volume pre-bound by claimRef wins over a smaller one, class ignored", Map.of(),
            nfsPv("pv-small", "1Gi", RWO, "")
                + pv("pv-reserved", "capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce], storageClassName: other, "
                    + "claimRef: {namespace: default, name: claim-1}, nfs: {server: s, path: /r}")
                + pvc("claim-1", "1Gi", RWO, ""), settle(), c -> {
              boundTo(c, "claim-1", "pv-reserved");
              assertThat(c.pv("pv-reserved").metadata().annotations()).doesNotContainKey(PvHelpers.ANN_BOUND_BY_CONTROLLER);
              assertThat(c.pv("pv-small").status().phase().wire()).isEqualTo("Available");
            }),
        new Case("2-5 - volume pre-bound to a missing claim stays Available and reserved", Map.of(),
            pv("pv-reserved", "capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], "
                + "claimRef: {namespace: default, name: later}, nfs: {server: s, path: /r}")
                + pvc("claim-1", "1Gi", RWO, ""), settle(), c -> {
              assertThat(c.pv("pv-reserved").status().phase().wire()).isEqualTo("Available");
              pending(c, "claim-1");
            }),
        // ---------------------------------------------------------------- 3: lost claims
        new Case("3-1 - bound claim loses its volume: Lost, ClaimLost", Map.of(),
            nfsPv("pv-1", "1Gi", RWO, "") + pvc("claim-1", "1Gi", RWO, ""), c -> {
              c.run(Duration.ofSeconds(5));
              c.deleteVolume("pv-1");
              c.run(SETTLE);
            }, c -> {
              assertThat(c.pvc("claim-1").status().phase().wire()).isEqualTo("Lost");
              assertThat(c.pvc("claim-1").status().capacity()).isEmpty();
              assertThat(c.events("PersistentVolumeClaim", "claim-1"))
                  .containsExactly("ClaimLost: Bound claim has lost its PersistentVolume. Data on the volume is lost!");
            }),
        new Case("3-2 - two claims on one volume: the wrong one is Misbound", Map.of(),
            pv("pv-1", "capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], claimRef: {namespace: default, "
                + "name: claim-other, uid: 0000-other}, nfs: {server: s, path: /r}")
                + "---\n{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: claim-1, annotations: "
                + "{pv.kubernetes.io/bind-completed: \"yes\"}}, spec: {accessModes: [ReadWriteOnce], resources: "
                + "{requests: {storage: 1Gi}}, storageClassName: \"\", volumeName: pv-1}}\n", settle(), c -> {
              assertThat(c.pvc("claim-1").status().phase().wire()).isEqualTo("Lost");
              assertThat(c.events("PersistentVolumeClaim", "claim-1")).containsExactly(
                  "ClaimMisbound: Two claims are bound to the same volume, this one is bound incorrectly");
              assertThat(c.pv("pv-1").status().phase().wire()).isEqualTo("Released");
            }),
        // ---------------------------------------------------------------- 4: reclaim of static volumes
        new Case("4-1 - Retain: Released with its claimRef until cleared, then Available and reused", Map.of(),
            nfsPv("pv-1", "1Gi", RWO, "") + pvc("claim-1", "1Gi", RWO, ""), c -> {
              c.run(Duration.ofSeconds(5));
              c.deleteClaim("claim-1");
              c.run(SETTLE);
              assertThat(c.pv("pv-1").status().phase().wire()).isEqualTo("Released");
              assertThat(c.pv("pv-1").spec().claimRef().name()).isEqualTo("claim-1");
              c.apply(pvc("claim-2", "1Gi", RWO, ""));
              c.run(SETTLE);
              assertThat(c.pvc("claim-2").status().phase().wire()).as("not reused while Released").isEqualTo("Pending");
              c.clearClaimRef("pv-1");
              c.run(SETTLE);
            }, c -> {
              boundTo(c, "claim-2", "pv-1");
              assertThat(c.trace("Released")).hasSize(1);
            }),
        new Case("4-2 - Delete of a static NFS volume: no deleter, Failed, VolumeFailedDelete", Map.of(),
            pv("pv-1", "capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], persistentVolumeReclaimPolicy: Delete, "
                + "nfs: {server: s, path: /r}") + pvc("claim-1", "1Gi", RWO, ""), c -> {
              c.run(Duration.ofSeconds(5));
              c.deleteClaim("claim-1");
              c.run(SETTLE);
            }, c -> {
              assertThat(c.pv("pv-1").status().phase().wire()).isEqualTo("Failed");
              assertThat(c.events("PersistentVolume", "pv-1")).containsExactly("VolumeFailedDelete: error getting "
                  + "deleter volume plugin for volume \"pv-1\": no deletable volume plugin matched");
            }),
        new Case("4-3 - Recycle NFS: scrubbed, VolumeRecycled, Available with claimRef cleared", Map.of(),
            pv("pv-1", "capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], persistentVolumeReclaimPolicy: Recycle, "
                + "nfs: {server: s, path: /r}") + pvc("claim-1", "1Gi", RWO, ""), c -> {
              c.run(Duration.ofSeconds(5));
              c.deleteClaim("claim-1");
              c.run(SETTLE);
            }, c -> {
              assertThat(c.pv("pv-1").status().phase().wire()).isEqualTo("Available");
              assertThat(c.pv("pv-1").spec().claimRef()).isNull();
              assertThat(c.events("PersistentVolume", "pv-1")).containsExactly("VolumeRecycled: Volume recycled");
              assertThat(c.trace("Recycled")).hasSize(1);
            }),
        new Case("4-4 - Recycle of a CSI volume: no recycler, Failed", Map.of(),
            pv("pv-1", "capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], persistentVolumeReclaimPolicy: Recycle, "
                + "csi: {driver: disk.csi.test, volumeHandle: h1}") + pvc("claim-1", "1Gi", RWO, ""), c -> {
              c.run(Duration.ofSeconds(5));
              c.deleteClaim("claim-1");
              c.run(SETTLE);
            }, c -> {
              assertThat(c.pv("pv-1").status().phase().wire()).isEqualTo("Failed");
              assertThat(c.events("PersistentVolume", "pv-1"))
                  .containsExactly("VolumeFailedRecycle: No recycler plugin found for the volume!");
            }),
        new Case("4-5 - Recycle fails once (injected), Failed, then a later sync recycles it", Map.of(),
            pv("pv-1", "capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], persistentVolumeReclaimPolicy: Recycle, "
                + "nfs: {server: s, path: /r}") + pvc("claim-1", "1Gi", RWO, ""), c -> {
              c.run(Duration.ofSeconds(5));
              c.inject("recycle", 1, "scrub pod failed");
              c.deleteClaim("claim-1");
              c.run(Duration.ofSeconds(3));
              assertThat(c.pv("pv-1").status().phase().wire()).isEqualTo("Failed");
              c.run(SETTLE);
            }, c -> {
              assertThat(c.pv("pv-1").status().phase().wire()).isEqualTo("Available");
              assertThat(c.events("PersistentVolume", "pv-1")).containsExactly(
                  "VolumeFailedRecycle: Recycle failed: scrub pod failed", "VolumeRecycled: Volume recycled");
            }),
        // ---------------------------------------------------------------- 5: provisioning
        new Case("5-1 - Immediate class: external provisioner creates pvc-<uid> in the first allowed zone", Map.of(),
            sc("fast", PvTestCluster.DRIVER, "Immediate", "Delete", ", mountOptions: [noatime], allowedTopologies: "
                + "[{matchLabelExpressions: [{key: topology.kubernetes.io/zone, values: [zone-b, zone-c]}]}]")
                + pvc("claim-1", "1500Mi", RWO, "fast"), settle(), c -> {
              String pvName = "pvc-" + c.pvc("claim-1").metadata().uid();
              boundTo(c, "claim-1", pvName);
              PersistentVolume pv = c.pv(pvName);
              assertThat(pv.metadata().annotations()).containsEntry(PvHelpers.ANN_DYNAMICALLY_PROVISIONED, PvTestCluster.DRIVER);
              assertThat(pv.metadata().finalizers()).contains(PvHelpers.PV_DELETION_PROTECTION_FINALIZER);
              assertThat(pv.spec().capacity().get("storage").toString()).isEqualTo("2Gi");
              assertThat(pv.spec().mountOptions()).containsExactly("noatime");
              assertThat(pv.spec().persistentVolumeReclaimPolicy().wire()).isEqualTo("Delete");
              assertThat(pv.spec().nodeAffinity().required().nodeSelectorTerms().get(0).matchExpressions().get(0).values())
                  .containsExactly("zone-b");
              assertThat(c.pvc("claim-1").metadata().annotations())
                  .containsEntry(PvHelpers.ANN_STORAGE_PROVISIONER, PvTestCluster.DRIVER)
                  .containsEntry(PvHelpers.ANN_BETA_STORAGE_PROVISIONER, PvTestCluster.DRIVER);
              assertThat(c.events("PersistentVolumeClaim", "claim-1")).contains(
                  "ExternalProvisioning: " + String.format(NO_PROVISIONER_WAIT, PvTestCluster.DRIVER),
                  "Provisioning: External provisioner is provisioning volume for claim \"default/claim-1\"",
                  "ProvisioningSucceeded: Successfully provisioned volume " + pvName);
              assertThat(c.trace("Provisioned")).singleElement()
                  .satisfies(t -> assertThat(t.attribute("claim")).isEqualTo("default/claim-1"));
            }),
        new Case("5-2 - WaitForFirstConsumer without a Pod: WaitForFirstConsumer, nothing provisioned", Map.of(),
            sc("wait", PvTestCluster.DRIVER, "WaitForFirstConsumer", "Delete", "") + pvc("claim-1", "1Gi", RWO, "wait"),
            settle(), c -> {
              pending(c, "claim-1");
              assertThat(c.events("PersistentVolumeClaim", "claim-1"))
                  .containsExactly("WaitForFirstConsumer: waiting for first consumer to be created before binding");
              assertThat(c.api.list(PersistentVolume.class)).isEmpty();
            }),
        new Case("5-3 - WaitForFirstConsumer with an unscheduled Pod: WaitForPodScheduled", Map.of(),
            sc("wait", PvTestCluster.DRIVER, "WaitForFirstConsumer", "Delete", "") + pvc("claim-1", "1Gi", RWO, "wait")
                + "---\n{apiVersion: v1, kind: Pod, metadata: {name: web-0, namespace: default}, spec: {containers: "
                + "[{name: app, image: nginx}], volumes: [{name: data, persistentVolumeClaim: {claimName: claim-1}}]}}\n",
            settle(), c -> assertThat(c.events("PersistentVolumeClaim", "claim-1"))
                .contains("WaitForPodScheduled: waiting for pod web-0 to be scheduled")),
        new Case("5-4 - WaitForFirstConsumer: selected node's zone goes into the PV's node affinity", Map.of(),
            sc("wait", PvTestCluster.DRIVER, "WaitForFirstConsumer", "Delete", "") + pvc("claim-1", "1Gi", RWO, "wait"),
            c -> {
              c.run(Duration.ofSeconds(2));
              c.annotateClaim("claim-1", PvHelpers.ANN_SELECTED_NODE, "node-2");
              c.run(SETTLE);
            }, c -> {
              String pvName = "pvc-" + c.pvc("claim-1").metadata().uid();
              boundTo(c, "claim-1", pvName);
              assertThat(c.pv(pvName).spec().nodeAffinity().required().nodeSelectorTerms().get(0).matchExpressions()
                  .get(0).values()).containsExactly("zone-b");
            }),
        // csi-provisioner: GenerateAccessibilityRequirements fails with ProvisioningNoChange, so the
        // selected node stays (no reschedule) and the claim is retried with back-off.
        new Case("5-5 - selected node whose CSINode lacks the driver: ProvisioningFailed, retried, selected-node kept",
            Map.of(),
            sc("wait", PvTestCluster.DRIVER, "WaitForFirstConsumer", "Delete", "") + pvc("claim-1", "1Gi", RWO, "wait"),
            c -> {
              c.run(Duration.ofSeconds(2));
              c.annotateClaim("claim-1", PvHelpers.ANN_SELECTED_NODE, "node-3");
              c.run(SETTLE);
            }, c -> {
              pending(c, "claim-1");
              assertThat(c.pvc("claim-1").metadata().annotations()).containsEntry(PvHelpers.ANN_SELECTED_NODE, "node-3");
              assertThat(c.eventCount("PersistentVolumeClaim", "claim-1", "ProvisioningFailed")).isGreaterThan(1);
              assertThat(c.events("PersistentVolumeClaim", "claim-1")).anyMatch(e -> e.startsWith(
                  "ProvisioningFailed: failed to provision volume with StorageClass \"wait\": error generating "
                      + "accessibility requirements: no topology key found for node node-3"));
            }),
        new Case("5-6 - over the driver's capacity: ProvisioningFailed, retried with back-off", Map.of(),
            sc("fast", PvTestCluster.DRIVER, "Immediate", "Delete", "") + pvc("claim-1", "20Gi", RWO, "fast"),
            c -> c.run(Duration.ofSeconds(60)), c -> {
              pending(c, "claim-1");
              // retries at 1 s, 2 s, 4 s, ... after 2 s latencies: several, but far fewer than one a second
              int n = c.eventCount("PersistentVolumeClaim", "claim-1", "ProvisioningFailed");
              assertThat(n).isBetween(3, 10);
              assertThat(c.events("PersistentVolumeClaim", "claim-1")).contains("ProvisioningFailed: failed to "
                  + "provision volume with StorageClass \"fast\": rpc error: code = ResourceExhausted desc = "
                  + "insufficient capacity: requested 20Gi, available 10Gi");
            }),
        new Case("5-7 - access mode the driver lacks: ProvisioningFailed", Map.of(),
            sc("fast", PvTestCluster.DRIVER, "Immediate", "Delete", "") + pvc("claim-1", "1Gi", "ReadWriteMany", "fast"),
            settle(), c -> {
              pending(c, "claim-1");
              assertThat(c.events("PersistentVolumeClaim", "claim-1")).contains("ProvisioningFailed: failed to "
                  + "provision volume with StorageClass \"fast\": rpc error: code = InvalidArgument desc = driver "
                  + "disk.csi.test does not support access mode ReadWriteMany");
            }),
        new Case("5-8 - injected provision failure, then the retry provisions", Map.of(),
            sc("fast", PvTestCluster.DRIVER, "Immediate", "Delete", "") + pvc("claim-1", "1Gi", RWO, "fast"),
            c -> {
              c.inject("provision", 1, "backend busy");
              c.run(SETTLE);
            }, c -> {
              boundTo(c, "claim-1", "pvc-" + c.pvc("claim-1").metadata().uid());
              assertThat(c.events("PersistentVolumeClaim", "claim-1")).contains(
                  "ProvisioningFailed: failed to provision volume with StorageClass \"fast\": backend busy");
            }),
        new Case("5-9 - kubernetes.io/no-provisioner, Immediate: ProvisioningFailed, no provisioner annotation",
            Map.of(), sc("local", "kubernetes.io/no-provisioner", "Immediate", "Retain", "")
                + pvc("claim-1", "1Gi", RWO, "local"), settle(), c -> {
              pending(c, "claim-1");
              assertThat(c.pvc("claim-1").metadata().annotations()).doesNotContainKey(PvHelpers.ANN_STORAGE_PROVISIONER);
              assertThat(c.events("PersistentVolumeClaim", "claim-1"))
                  .containsExactly("ProvisioningFailed: no volume plugin matched name: kubernetes.io/no-provisioner");
              assertThat(c.eventCount("PersistentVolumeClaim", "claim-1", "ProvisioningFailed")).isGreaterThan(1);
            }),
        new Case("5-10 - kubernetes.io/no-provisioner, WaitForFirstConsumer: only WaitForFirstConsumer", Map.of(),
            sc("local", "kubernetes.io/no-provisioner", "WaitForFirstConsumer", "Retain", "")
                + pvc("claim-1", "1Gi", RWO, "local"), settle(), c -> assertThat(c.events("PersistentVolumeClaim", "claim-1"))
                .containsExactly("WaitForFirstConsumer: waiting for first consumer to be created before binding")),
        new Case("5-11 - a provisioner nobody runs: ExternalProvisioning, Pending", Map.of(),
            sc("nfs", "example.com/nfs", "Immediate", "Delete", "") + pvc("claim-1", "1Gi", RWO, "nfs"), settle(), c -> {
              pending(c, "claim-1");
              assertThat(c.pvc("claim-1").metadata().annotations())
                  .containsEntry(PvHelpers.ANN_STORAGE_PROVISIONER, "example.com/nfs");
              assertThat(c.events("PersistentVolumeClaim", "claim-1"))
                  .containsExactly("ExternalProvisioning: " + String.format(NO_PROVISIONER_WAIT, "example.com/nfs"));
            }),
        new Case("5-12 - kubernetes.io/aws-ebs is served by ebs.csi.aws.com through CSI migration", Map.of(),
            sc("gp2", "kubernetes.io/aws-ebs", "Immediate", "Delete", "") + pvc("claim-1", "1Gi", RWO, "gp2"), settle(),
            c -> {
              String pvName = "pvc-" + c.pvc("claim-1").metadata().uid();
              boundTo(c, "claim-1", pvName);
              assertThat(c.pvc("claim-1").metadata().annotations())
                  .containsEntry(PvHelpers.ANN_STORAGE_PROVISIONER, "ebs.csi.aws.com");
              assertThat(c.pv(pvName).metadata().annotations())
                  .containsEntry(PvHelpers.ANN_DYNAMICALLY_PROVISIONED, "ebs.csi.aws.com");
            }),
        new Case("5-13 - kubernetes.io/host-path without --enable-hostpath-provisioner: no plugin", Map.of(),
            sc("hp", "kubernetes.io/host-path", "Immediate", "Delete", "") + pvc("claim-1", "1Gi", RWO, "hp"), settle(),
            c -> assertThat(c.events("PersistentVolumeClaim", "claim-1"))
                .containsExactly("ProvisioningFailed: no volume plugin matched name: kubernetes.io/host-path")),
        new Case("5-14 - kubernetes.io/host-path with the flag: the PV controller provisions and deletes", 
            Map.of("enableHostPathProvisioner", true),
            sc("hp", "kubernetes.io/host-path", "Immediate", "Delete", "") + pvc("claim-1", "1Gi", RWO, "hp"), c -> {
              c.run(SETTLE);
              String pvName = "pvc-" + c.pvc("claim-1").metadata().uid();
              boundTo(c, "claim-1", pvName);
              assertThat(c.pv(pvName).metadata().finalizers()).contains(PvHelpers.PV_DELETION_IN_TREE_PROTECTION_FINALIZER);
              assertThat(c.events("PersistentVolumeClaim", "claim-1")).contains("ProvisioningSucceeded: Successfully "
                  + "provisioned volume " + pvName + " using kubernetes.io/host-path");
              c.deleteClaim("claim-1");
              c.run(SETTLE);
            }, c -> {
              assertThat(c.trace("VolumeDeleted")).hasSize(1);
              PersistentVolume left = c.api.list(PersistentVolume.class).isEmpty() ? null : c.api.list(PersistentVolume.class).get(0);
              // Only pv-protection (the protection controller's) may hold it back.
              assertThat(left == null || left.metadata().deletionTimestamp() != null).isTrue();
            }),
        // ---------------------------------------------------------------- 6: reclaim of provisioned volumes
        new Case("6-1 - Delete: the external provisioner deletes the backend volume and the PV", Map.of(),
            sc("fast", PvTestCluster.DRIVER, "Immediate", "Delete", "") + pvc("claim-1", "1Gi", RWO, "fast"), c -> {
              c.run(SETTLE);
              c.deleteClaim("claim-1");
              c.run(SETTLE);
            }, c -> {
              assertThat(c.trace("Released")).hasSize(1);
              assertThat(c.trace("VolumeDeleted")).singleElement()
                  .satisfies(t -> assertThat(t.attribute("outcome")).isNull());
              PersistentVolume pv = c.api.list(PersistentVolume.class).get(0);
              DeletionRequests.assertMarkedBy(c.traceRecorder.entries(), pv, "persistentvolume/" + pv.metadata().name(),
                  "external-provisioner");
              assertThat(pv.metadata().finalizers()).containsExactly("kubernetes.io/pv-protection");
            }),
        new Case("6-2 - Delete fails twice (injected): VolumeFailedDelete, retried with back-off, then deleted",
            Map.of(), sc("fast", PvTestCluster.DRIVER, "Immediate", "Delete", "") + pvc("claim-1", "1Gi", RWO, "fast"),
            c -> {
              c.run(SETTLE);
              c.inject("delete", 2, "rpc error: code = Internal desc = backend unavailable");
              c.deleteClaim("claim-1");
              c.run(Duration.ofSeconds(60));
            }, c -> {
              String pvName = c.api.list(PersistentVolume.class).get(0).metadata().name();
              assertThat(c.eventCount("PersistentVolume", pvName, "VolumeFailedDelete")).isEqualTo(2);
              assertThat(c.trace("VolumeDeleted")).hasSize(3);
              DeletionRequests.assertMarkedBy(c.traceRecorder.entries(), c.pv(pvName), "persistentvolume/" + pvName,
                  "external-provisioner");
            }),
        new Case("6-3 - Retain on a provisioned volume: stays Released", Map.of(),
            sc("keep", PvTestCluster.DRIVER, "Immediate", "Retain", "") + pvc("claim-1", "1Gi", RWO, "keep"), c -> {
              c.run(SETTLE);
              c.deleteClaim("claim-1");
              c.run(SETTLE);
            }, c -> {
              PersistentVolume pv = c.api.list(PersistentVolume.class).get(0);
              assertThat(pv.status().phase().wire()).isEqualTo("Released");
              assertThat(pv.metadata().finalizers()).doesNotContain(PvHelpers.PV_DELETION_PROTECTION_FINALIZER);
              assertThat(c.trace("VolumeDeleted")).isEmpty();
            }),
        // ---------------------------------------------------------------- 7: failed writes
        new Case("7-1 - a Conflict on the PV write is retried by the resync", Map.of(),
            nfsPv("pv-1", "1Gi", RWO, "") + pvc("claim-1", "1Gi", RWO, ""), c -> {
              c.api.faults().add(new dev.volsim.core.api.ApiFaults.Rule(PersistentVolumeController.NAME,
                  "PersistentVolume", null, 1, dev.volsim.core.api.ApiFaults.Mode.ERROR, "etcd busy"));
              c.run(Duration.ofSeconds(1));
              pending(c, "claim-1");
              c.run(SETTLE);
            }, c -> boundTo(c, "claim-1", "pv-1")));
  }

  @TestFactory
  Stream<DynamicTest> binderCases() {
    return cases().map(k -> DynamicTest.dynamicTest(k.name(), () -> {
      PvTestCluster c = setUp(k);
      k.story().accept(c);
      k.expect().accept(c);
    }));
  }

  @TestFactory
  Stream<DynamicTest> sameSeedSameTrace() {
    return Stream.of("5-1", "6-2").map(prefix -> DynamicTest.dynamicTest(prefix + " replays identically", () -> {
      Case k = cases().filter(x -> x.name().startsWith(prefix + " ")).findFirst().orElseThrow();
      List<String> a = runTrace(k);
      List<String> b = runTrace(k);
      assertThat(a).isEqualTo(b);
    }));
  }

  /**
   * Volumes and classes first, then (a second later, once the controller has seen them) claims
   * and Pods, as an administrator prepares volumes before users claim them.
   */
  private static PvTestCluster setUp(Case k) {
    PvTestCluster c = new PvTestCluster(k.config());
    List<dev.volsim.model.KubeObject> objects = PvTestCluster.parse(k.objects());
    objects.stream().filter(o -> !(o instanceof PersistentVolumeClaim) && !(o instanceof dev.volsim.model.core.Pod))
        .forEach(c.user::create);
    c.run(Duration.ofSeconds(1));
    objects.stream().filter(o -> o instanceof PersistentVolumeClaim || o instanceof dev.volsim.model.core.Pod)
        .forEach(c.user::create);
    return c;
  }

  private static List<String> runTrace(Case k) {
    PvTestCluster c = setUp(k);
    k.story().accept(c);
    return c.traceRecorder.entries().stream().map(Object::toString).toList();
  }
}
