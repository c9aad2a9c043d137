package dev.volsim.scheduler;

import static dev.volsim.scheduler.SchedulerTestSupport.failedScheduling;
import static dev.volsim.scheduler.SchedulerTestSupport.pod;
import static dev.volsim.scheduler.SchedulerTestSupport.podYaml;
import static dev.volsim.scheduler.SchedulerTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.api.DeleteOptions;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.cluster.CsiDriverProfile;
import dev.volsim.core.trace.TraceEntry;
import dev.volsim.core.trace.TraceRecorder;
import dev.volsim.model.Quantity;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.PersistentVolumeClaimPhase;
import dev.volsim.model.storage.CSIDriver;
import dev.volsim.model.storage.CSIStorageCapacity;
import dev.volsim.sim.ClusterNode;
import dev.volsim.sim.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Storage capacity tracking end to end: VolumeBinding's {@code hasEnoughCapacity} reads the
 * CSIDriver and the CSIStorageCapacity objects the external-provisioner publishes; without
 * tracking the scheduler may pick a zone the driver does not serve and only a failed provisioning
 * (ProvisioningReschedule) sends the Pod elsewhere.
 */
class StorageCapacityTrackingTest {
  private static final String DRIVER = "zonal.csi.example.com";
  private static final String ZONE = "topology.kubernetes.io/zone";
  private final TraceRecorder trace = new TraceRecorder();

  /** Three nodes in zone-a/b/c; the driver runs on every node but serves zone-b only. */
  private Simulation cluster(long seed, String capacity) {
    CsiDriverProfile driver = new CsiDriverProfile(DRIVER, true, true, false, null, null, null, null, ZONE,
        ImmutableList.of("zone-b"), null, capacity == null ? null : Quantity.parse(capacity), null, null, 1, false,
        null, null);
    Simulation sim = Simulation.builder().seed(seed).traceListener(trace)
        .nodes(List.of(ClusterNode.of("node-a", "zone-a", List.of()), ClusterNode.of("node-b", "zone-b", List.of()),
            ClusterNode.of("node-c", "zone-c", List.of())))
        .csiDrivers(List.of(driver)).build();
    sim.apply(yaml("apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: zonal}\n"
        + "provisioner: " + DRIVER + "\nvolumeBindingMode: WaitForFirstConsumer\nreclaimPolicy: Delete\n"));
    return sim;
  }

  private static void claimAndPod(Simulation sim, String name, String size) {
    sim.apply(yaml("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: " + name + ", namespace: default}\n"
        + "spec: {storageClassName: zonal, accessModes: [ReadWriteOnce], resources: {requests: {storage: " + size
        + "}}}\n"));
    sim.apply(yaml(podYaml(name, "  volumes: [{name: d, persistentVolumeClaim: {claimName: " + name + "}}]\n")));
  }

  private static PersistentVolumeClaim pvc(Simulation sim, String name) {
    return sim.api().get(PersistentVolumeClaim.class, "default", name).orElseThrow();
  }

  private static List<CSIStorageCapacity> capacities(Simulation sim) {
    return sim.api().list(CSIStorageCapacity.class);
  }

  private List<String> scheduledNodes(String pod) {
    return trace.entries().stream().filter(e -> e.type().equals("Scheduled") && pod.equals(e.attribute("pod")))
        .map(e -> e.attribute("node")).collect(Collectors.toList());
  }

  private List<TraceEntry> provisioningFailures(String claim) {
    return trace.entries().stream().filter(e -> e.type().equals("Provisioned")
        && ("default/" + claim).equals(e.attribute("claim")) && "failed".equals(e.attribute("outcome")))
        .collect(Collectors.toList());
  }

  @Test
  void withoutCapacityTrackingThePodIsRescheduledUntilItLandsInTheServedZone() {
    Simulation sim = cluster(9, null);
    assertThat(sim.api().get(CSIDriver.class, "", DRIVER).orElseThrow().spec().storageCapacity()).isFalse();
    claimAndPod(sim, "web", "1Gi");
    sim.runFor(Duration.ofMinutes(2));

    assertThat(capacities(sim)).isEmpty();
    // Seed 9: node-a, node-a and node-c are tried first; each provisioning fails and reschedules.
    List<TraceEntry> failures = provisioningFailures("web");
    assertThat(failures).hasSize(3);
    assertThat(failures.get(0).message()).endsWith("rpc error: code = ResourceExhausted desc = driver " + DRIVER
        + " cannot provision in topology topology.kubernetes.io/zone=zone-a");
    assertThat(failures.get(2).message()).endsWith("zone=zone-c");
    assertThat(failedScheduling(trace, "web")).hasSize(3).allMatch(m -> m.equals(
        "running PreBind plugin \"VolumeBinding\": binding volumes: provisioning failed for PVC \"web\""));

    assertThat(pod(sim, "web").spec().nodeName()).isEqualTo("node-b");
    assertThat(scheduledNodes("web")).containsExactly("node-b");
    PersistentVolumeClaim c = pvc(sim, "web");
    assertThat(c.status().phase()).isEqualTo(PersistentVolumeClaimPhase.BOUND);
    assertThat(c.metadata().annotations()).containsEntry(VolumeBinding.ANN_SELECTED_NODE, "node-b");
  }

  @Test
  void withCapacityTrackingOnlyTheServedZoneIsPickedAndCapacityIsPublished() {
    Simulation sim = cluster(9, "2Gi");
    assertThat(sim.api().get(CSIDriver.class, "", DRIVER).orElseThrow().spec().storageCapacity()).isTrue();
    sim.runFor(Duration.ofSeconds(1));
    List<CSIStorageCapacity> published = capacities(sim);
    assertThat(published).hasSize(1);
    CSIStorageCapacity csc = published.get(0);
    assertThat(csc.metadata().namespace()).isEqualTo("kube-system");
    assertThat(csc.metadata().name()).startsWith("csisc-");
    assertThat(csc.metadata().labels()).containsEntry("csi.storage.k8s.io/drivername", DRIVER)
        .containsEntry("csi.storage.k8s.io/managed-by", "external-provisioner");
    assertThat(csc.storageClassName()).isEqualTo("zonal");
    assertThat(csc.nodeTopology().matchLabels()).isEqualTo(Map.of(ZONE, "zone-b"));
    assertThat(csc.capacity().toString()).isEqualTo("2Gi");

    claimAndPod(sim, "web", "1Gi");
    sim.runFor(Duration.ofSeconds(30));
    assertThat(pod(sim, "web").spec().nodeName()).isEqualTo("node-b");
    assertThat(failedScheduling(trace, "web")).isEmpty();
    assertThat(provisioningFailures("web")).isEmpty();
    // The capacity controller lowered the published capacity after the volume was provisioned.
    assertThat(capacities(sim)).singleElement().satisfies(c -> {
      assertThat(c.metadata().name()).isEqualTo(csc.metadata().name());
      assertThat(c.capacity().toString()).isEqualTo("1Gi");
    });

    // Not enough left for 2Gi anywhere: every node is rejected by VolumeBinding.
    claimAndPod(sim, "big", "2Gi");
    sim.runFor(Duration.ofSeconds(30));
    assertThat(pod(sim, "big").spec().nodeName()).isNull();
    assertThat(failedScheduling(trace, "big")).first().asString()
        .startsWith("0/3 nodes are available: 3 node(s) did not have enough free storage.");

    // Deleting the first Pod and its claim frees the capacity (after the delete latency): the
    // CSIStorageCapacity update moves the waiting Pod and it is scheduled to node-b.
    sim.api().client("kubectl").delete(ObjectKey.namespaced("Pod", "default", "web"), DeleteOptions.force());
    sim.runFor(Duration.ofSeconds(30));
    sim.api().client("kubectl").delete(ObjectKey.namespaced("PersistentVolumeClaim", "default", "web"));
    sim.runFor(Duration.ofMinutes(2));
    assertThat(capacities(sim)).singleElement().satisfies(c -> assertThat(c.capacity().toString()).isEqualTo("0"));
    assertThat(pod(sim, "big").spec().nodeName()).isEqualTo("node-b");
    assertThat(pvc(sim, "big").status().phase()).isEqualTo(PersistentVolumeClaimPhase.BOUND);
  }

  @Test
  void capacityObjectsFollowStorageClasses() {
    Simulation sim = cluster(1, "10Gi");
    sim.apply(yaml("apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: zonal-retain}\n"
        + "provisioner: " + DRIVER + "\nvolumeBindingMode: WaitForFirstConsumer\nreclaimPolicy: Retain\n"));
    // Immediate classes get none (csi-provisioner without --capacity-for-immediate-binding).
    sim.apply(yaml("apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: zonal-now}\n"
        + "provisioner: " + DRIVER + "\nvolumeBindingMode: Immediate\n"));
    sim.runFor(Duration.ofSeconds(1));
    assertThat(capacities(sim)).extracting(CSIStorageCapacity::storageClassName)
        .containsExactlyInAnyOrder("zonal", "zonal-retain");
    sim.api().client("kubectl").delete(ObjectKey.cluster("StorageClass", "zonal-retain"));
    sim.runFor(Duration.ofSeconds(1));
    assertThat(capacities(sim)).extracting(CSIStorageCapacity::storageClassName).containsExactly("zonal");
  }
}
