package dev.volsim.scheduler;

import static dev.volsim.scheduler.SchedulerTestSupport.failedScheduling;
import static dev.volsim.scheduler.SchedulerTestSupport.pod;
import static dev.volsim.scheduler.SchedulerTestSupport.podYaml;
import static dev.volsim.scheduler.SchedulerTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.core.api.DeleteOptions;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.cluster.CsiDriverProfile;
import dev.volsim.core.trace.TraceRecorder;
import dev.volsim.model.Quantity;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.PersistentVolumeClaimPhase;
import dev.volsim.sim.ClusterNode;
import dev.volsim.sim.Simulation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * VolumeRestrictions, NodeVolumeLimits, VolumeZone and NodeResourcesFit: each reason in the
 * FailedScheduling message exactly as upstream's plugins and FitError print it
 * (pkg/scheduler/framework/plugins/{volumerestrictions,nodevolumelimits,volumezone,noderesources}).
 */
class SchedulerVolumePluginsTest {
  /** All nodes UnschedulableAndUnresolvable. */
  private static final String NOT_HELPFUL_3 = " preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
  /** All nodes Unschedulable, and no lower-priority pod to evict (SelectVictimsOnNode). */
  private static final String NO_VICTIMS_3 = " preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.";
  /** One node Unschedulable, two rejected by NodeAffinity. */
  private static final String ONE_NO_VICTIMS_TWO_NOT_HELPFUL = " preemption: 0/3 nodes are available: "
      + "1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.";

  private final TraceRecorder trace = new TraceRecorder();

  private Simulation defaultCluster() {
    return Simulation.builder().seed(1).traceListener(trace).build();
  }

  private static String claimVolume(String claim) {
    return "  volumes: [{name: d, persistentVolumeClaim: {claimName: " + claim + "}}]\n";
  }

  private static String onNode(String node) {
    return "  nodeSelector: {kubernetes.io/hostname: " + node + "}\n";
  }

  private static PersistentVolumeClaim claim(Simulation sim, String name) {
    return sim.api().get(PersistentVolumeClaim.class, "default", name).orElseThrow();
  }

  /** A class nothing provisions for, Immediate: claims bind only to the PVs a test creates. */
  private static void manualClass(Simulation sim) {
    sim.apply(yaml("apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: manual}\n"
        + "provisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: Immediate\n"));
  }

  // ------------------------------------------------------------------ VolumeRestrictions

  @Test
  void readWriteOncePodClaimUsedByAScheduledPod() {
    Simulation sim = defaultCluster();
    manualClass(sim);
    sim.apply(yaml("apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: rwop-pv}\nspec:\n"
        + "  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOncePod]\n  storageClassName: manual\n"
        + "  nfs: {server: nfs.example.com, path: /exports/a}\n"));
    sim.apply(yaml("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data, namespace: default}\n"
        + "spec: {storageClassName: manual, accessModes: [ReadWriteOncePod], resources: {requests: {storage: 1Gi}}}\n"));
    sim.runFor(Duration.ofSeconds(2));
    assertThat(claim(sim, "data").status().phase()).isEqualTo(PersistentVolumeClaimPhase.BOUND);
    sim.apply(yaml(podYaml("web-0", claimVolume("data"))));
    sim.runFor(Duration.ofSeconds(2));
    assertThat(pod(sim, "web-0").spec().nodeName()).isIn("node-1", "node-2", "node-3");

    sim.apply(yaml(podYaml("web-1", claimVolume("data"))));
    sim.runFor(Duration.ofSeconds(2));
    // Cluster-wide: every node is rejected, not only web-0's, and the reason is Unschedulable.
    assertThat(failedScheduling(trace, "web-1")).first().isEqualTo("0/3 nodes are available: 3 node has pod using "
        + "PersistentVolumeClaim with the same name and ReadWriteOncePod access mode." + NO_VICTIMS_3);
    assertThat(pod(sim, "web-1").spec().nodeName()).isNull();

    // The user of the claim goes away (force: no kubelet here): VolumeRestrictions' Pod/Delete event moves web-1.
    sim.client("kubectl").delete(ObjectKey.namespaced("Pod", "default", "web-0"), DeleteOptions.force());
    sim.runFor(Duration.ofSeconds(15));
    assertThat(sim.api().get(dev.volsim.model.core.Pod.class, "default", "web-0")).isEmpty();
    assertThat(pod(sim, "web-1").spec().nodeName()).isIn("node-1", "node-2", "node-3");
  }

  @Test
  void readWriteOncePodClaimNotYetUsedSchedules() {
    Simulation sim = defaultCluster();
    manualClass(sim);
    sim.apply(yaml("apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: rwop-pv}\nspec:\n"
        + "  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOncePod]\n  storageClassName: manual\n"
        + "  nfs: {server: nfs.example.com, path: /exports/a}\n"));
    sim.apply(yaml("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data, namespace: default}\n"
        + "spec: {storageClassName: manual, accessModes: [ReadWriteOncePod], resources: {requests: {storage: 1Gi}}}\n"));
    sim.runFor(Duration.ofSeconds(2));
    sim.apply(yaml(podYaml("web-0", claimVolume("data"))));
    sim.runFor(Duration.ofSeconds(2));
    assertThat(pod(sim, "web-0").spec().nodeName()).isIn("node-1", "node-2", "node-3");
    assertThat(failedScheduling(trace, "web-0")).isEmpty();
  }

  @Test
  void missingGenericEphemeralClaimIsVolumeBindingsToReport() {
    // VolumeRestrictions reads persistentVolumeClaim volumes only; VolumeBinding's PreFilter names the
    // ephemeral claim the (here paused) ephemeral volume controller has not created.
    Simulation sim = defaultCluster();
    sim.controller("ephemeral-volume-controller").orElseThrow().pause();
    sim.apply(yaml(podYaml("web-0", "  volumes: [{name: scratch, ephemeral: {volumeClaimTemplate: {spec: "
        + "{accessModes: [ReadWriteOnce], storageClassName: standard, resources: {requests: {storage: 1Gi}}}}}}]\n")));
    sim.runFor(Duration.ofSeconds(2));
    assertThat(failedScheduling(trace, "web-0")).first().isEqualTo("0/3 nodes are available: waiting for ephemeral "
        + "volume controller to create the persistentvolumeclaim \"web-0-scratch\"." + NOT_HELPFUL_3);
  }

  @Test
  void sameGcePdOnTheNodeIsADiskConflict() {
    Simulation sim = defaultCluster();
    String gce = "  volumes: [{name: d, gcePersistentDisk: {pdName: disk-1, fsType: ext4}}]\n";
    sim.apply(yaml(podYaml("db-0", onNode("node-1") + gce)));
    sim.runFor(Duration.ofSeconds(1));
    assertThat(pod(sim, "db-0").spec().nodeName()).isEqualTo("node-1");
    sim.apply(yaml(podYaml("db-1", onNode("node-1") + gce)));
    sim.runFor(Duration.ofSeconds(1));
    assertThat(failedScheduling(trace, "db-1")).first().isEqualTo("0/3 nodes are available: "
        + "1 node(s) had no available disk, 2 node(s) didn't match Pod's node affinity/selector."
        + ONE_NO_VICTIMS_TWO_NOT_HELPFUL);
  }

  @Test
  void sameGcePdReadOnlyEverywhereIsNoConflict() {
    Simulation sim = defaultCluster();
    String gce = "  volumes: [{name: d, gcePersistentDisk: {pdName: disk-1, readOnly: true}}]\n";
    sim.apply(yaml(podYaml("db-0", onNode("node-1") + gce)));
    sim.apply(yaml(podYaml("db-1", onNode("node-1") + gce)));
    sim.runFor(Duration.ofSeconds(2));
    assertThat(pod(sim, "db-0").spec().nodeName()).isEqualTo("node-1");
    assertThat(pod(sim, "db-1").spec().nodeName()).isEqualTo("node-1");
    assertThat(failedScheduling(trace, "db-1")).isEmpty();
  }

  @Test
  void sameEbsVolumeConflictsEvenReadOnly() {
    Simulation sim = defaultCluster();
    String ebs = "  volumes: [{name: d, awsElasticBlockStore: {volumeID: vol-0abc, readOnly: true}}]\n";
    sim.apply(yaml(podYaml("db-0", onNode("node-2") + ebs)));
    sim.runFor(Duration.ofSeconds(1));
    sim.apply(yaml(podYaml("db-1", onNode("node-2") + ebs)));
    sim.runFor(Duration.ofSeconds(1));
    assertThat(pod(sim, "db-0").spec().nodeName()).isEqualTo("node-2");
    assertThat(failedScheduling(trace, "db-1")).first().isEqualTo("0/3 nodes are available: "
        + "1 node(s) had no available disk, 2 node(s) didn't match Pod's node affinity/selector."
        + ONE_NO_VICTIMS_TWO_NOT_HELPFUL);
  }

  @Test
  void diskConflictIsPerNode() {
    Simulation sim = defaultCluster();
    String ebs = "  volumes: [{name: d, awsElasticBlockStore: {volumeID: vol-0abc}}]\n";
    sim.apply(yaml(podYaml("db-0", onNode("node-2") + ebs)));
    sim.runFor(Duration.ofSeconds(1));
    sim.apply(yaml(podYaml("db-1", ebs)));
    sim.runFor(Duration.ofSeconds(1));
    assertThat(pod(sim, "db-1").spec().nodeName()).isIn("node-1", "node-3");
    assertThat(failedScheduling(trace, "db-1")).isEmpty();
  }

  // ------------------------------------------------------------------ NodeVolumeLimits

  /** Three zonal nodes and the driver with one attachable volume per node (CSINode allocatable.count 1). */
  private Simulation limitedCluster() {
    List<ClusterNode> nodes = List.of(ClusterNode.of("node-1", "zone-a", List.of()),
        ClusterNode.of("node-2", "zone-b", List.of()), ClusterNode.of("node-3", "zone-c", List.of()));
    CsiDriverProfile driver = new CsiDriverProfile(Simulation.DEFAULT_CSI_DRIVER, true, true, false, null, null,
        null, null, "topology.kubernetes.io/zone", ImmutableList.of("zone-a", "zone-b", "zone-c"), 1, null, null,
        null, 1, false, null, null);
    Simulation sim = Simulation.builder().seed(1).traceListener(trace).nodes(nodes).csiDrivers(List.of(driver)).build();
    sim.apply(yaml("apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: standard}\n"
        + "provisioner: " + Simulation.DEFAULT_CSI_DRIVER + "\nvolumeBindingMode: WaitForFirstConsumer\n"));
    return sim;
  }

  private static void wfcClaim(Simulation sim, String name) {
    sim.apply(yaml("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: " + name + ", namespace: default}\n"
        + "spec: {storageClassName: standard, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n"));
  }

  @Test
  void csiNodeAllocatableCountCarriedFromTheDriverProfile() {
    Simulation sim = limitedCluster();
    var csiNode = sim.api().get(dev.volsim.model.storage.CSINode.class, "", "node-1").orElseThrow();
    assertThat(csiNode.driver(Simulation.DEFAULT_CSI_DRIVER).orElseThrow().allocatable().count()).isEqualTo(1);
  }

  @Test
  void twoNewVolumesExceedALimitOfOne() {
    Simulation sim = limitedCluster();
    wfcClaim(sim, "data-a");
    wfcClaim(sim, "data-b");
    sim.apply(yaml(podYaml("web-0", "  volumes: [{name: a, persistentVolumeClaim: {claimName: data-a}},"
        + " {name: b, persistentVolumeClaim: {claimName: data-b}}]\n")));
    sim.runFor(Duration.ofSeconds(2));
    assertThat(failedScheduling(trace, "web-0")).first().isEqualTo(
        "0/3 nodes are available: 3 node(s) exceed max volume count." + NO_VICTIMS_3);
  }

  @Test
  void attachedVolumeOfAnotherPodCountsAgainstTheNode() {
    Simulation sim = limitedCluster();
    wfcClaim(sim, "data-0");
    sim.apply(yaml(podYaml("web-0", onNode("node-1") + claimVolume("data-0"))));
    sim.runFor(Duration.ofSeconds(10));
    assertThat(pod(sim, "web-0").spec().nodeName()).isEqualTo("node-1");
    assertThat(claim(sim, "data-0").status().phase()).isEqualTo(PersistentVolumeClaimPhase.BOUND);

    wfcClaim(sim, "data-1");
    sim.apply(yaml(podYaml("web-1", onNode("node-1") + claimVolume("data-1"))));
    sim.runFor(Duration.ofSeconds(2));
    assertThat(failedScheduling(trace, "web-1")).first().isEqualTo("0/3 nodes are available: "
        + "1 node(s) exceed max volume count, 2 node(s) didn't match Pod's node affinity/selector."
        + ONE_NO_VICTIMS_TWO_NOT_HELPFUL);

    // The same bound volume again is not counted twice: a second pod of data-0 fits node-1.
    sim.apply(yaml(podYaml("web-2", onNode("node-1") + claimVolume("data-0"))));
    sim.runFor(Duration.ofSeconds(2));
    assertThat(pod(sim, "web-2").spec().nodeName()).isEqualTo("node-1");
  }

  @Test
  void withoutALimitThereIsNoCheck() {
    Simulation sim = defaultCluster(); // the default driver declares no maxVolumesPerNode
    for (String c : List.of("data-a", "data-b", "data-c")) {
      wfcClaim(sim, c);
    }
    sim.apply(yaml(podYaml("web-0", "  volumes: [{name: a, persistentVolumeClaim: {claimName: data-a}},"
        + " {name: b, persistentVolumeClaim: {claimName: data-b}}, {name: c, persistentVolumeClaim: {claimName: data-c}}]\n")));
    sim.runFor(Duration.ofSeconds(10));
    assertThat(pod(sim, "web-0").spec().nodeName()).isIn("node-1", "node-2", "node-3");
  }

  // ------------------------------------------------------------------ VolumeZone

  /** A bound claim "data" on a static PV carrying the zone label (no node affinity: only VolumeZone decides). */
  private void zonalVolume(Simulation sim, String zones) {
    manualClass(sim);
    sim.apply(yaml("apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: zonal-pv, labels: {topology.kubernetes.io/zone: "
        + zones + "}}\nspec:\n  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n  storageClassName: manual\n"
        + "  nfs: {server: nfs.example.com, path: /exports/z}\n"));
    sim.apply(yaml("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data, namespace: default}\n"
        + "spec: {storageClassName: manual, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n"));
    sim.runFor(Duration.ofSeconds(2));
    assertThat(claim(sim, "data").status().phase()).isEqualTo(PersistentVolumeClaimPhase.BOUND);
  }

  @Test
  void volumeZoneConflict() {
    Simulation sim = defaultCluster();
    zonalVolume(sim, "zone-a");
    sim.apply(yaml(podYaml("web-0", "  nodeSelector: {topology.kubernetes.io/zone: zone-b}\n" + claimVolume("data"))));
    sim.runFor(Duration.ofSeconds(2));
    assertThat(failedScheduling(trace, "web-0")).first().isEqualTo("0/3 nodes are available: "
        + "1 node(s) had no available volume zone, 2 node(s) didn't match Pod's node affinity/selector." + NOT_HELPFUL_3);
  }

  @Test
  void volumeZoneLeavesOnlyTheVolumesZone() {
    Simulation sim = defaultCluster();
    zonalVolume(sim, "zone-c");
    sim.apply(yaml(podYaml("web-0", claimVolume("data"))));
    sim.runFor(Duration.ofSeconds(2));
    assertThat(pod(sim, "web-0").spec().nodeName()).isEqualTo("node-3");
  }

  @Test
  void multiZoneLabelValue() {
    Simulation sim = defaultCluster();
    zonalVolume(sim, "zone-a__zone-b");
    sim.apply(yaml(podYaml("web-0", "  nodeSelector: {topology.kubernetes.io/zone: zone-c}\n" + claimVolume("data"))));
    sim.apply(yaml(podYaml("web-1", "  nodeSelector: {topology.kubernetes.io/zone: zone-b}\n" + claimVolume("data"))));
    sim.runFor(Duration.ofSeconds(2));
    assertThat(failedScheduling(trace, "web-0")).first().isEqualTo("0/3 nodes are available: "
        + "1 node(s) had no available volume zone, 2 node(s) didn't match Pod's node affinity/selector." + NOT_HELPFUL_3);
    assertThat(pod(sim, "web-1").spec().nodeName()).isEqualTo("node-2");
  }

  // ------------------------------------------------------------------ NodeResourcesFit

  @Test
  void insufficientCpu() {
    Simulation sim = defaultCluster();
    sim.apply(yaml("apiVersion: v1\nkind: Pod\nmetadata: {name: big, namespace: default}\nspec:\n"
        + "  containers: [{name: c, image: busybox, resources: {requests: {cpu: \"5\"}}}]\n"));
    sim.runFor(Duration.ofSeconds(2));
    assertThat(failedScheduling(trace, "big")).first().isEqualTo(
        "0/3 nodes are available: 3 Insufficient cpu." + NO_VICTIMS_3);
  }

  @Test
  void insufficientCpuAndMemoryCountedSeparately() {
    Simulation sim = defaultCluster();
    sim.apply(yaml("apiVersion: v1\nkind: Pod\nmetadata: {name: big, namespace: default}\nspec:\n"
        + "  containers: [{name: c, image: busybox, resources: {requests: {cpu: \"5\", memory: 9Gi}}}]\n"));
    sim.runFor(Duration.ofSeconds(2));
    assertThat(failedScheduling(trace, "big")).first().isEqualTo(
        "0/3 nodes are available: 3 Insufficient cpu, 3 Insufficient memory." + NO_VICTIMS_3);
  }

  @Test
  void cpuRequestsOfScheduledPodsAddUp() {
    Simulation sim = defaultCluster();
    for (int i = 0; i < 3; i++) {
      sim.apply(yaml("apiVersion: v1\nkind: Pod\nmetadata: {name: half-" + i + ", namespace: default}\nspec:\n"
          + "  containers: [{name: c, image: busybox, resources: {requests: {cpu: \"3\"}}}]\n"));
    }
    sim.runFor(Duration.ofSeconds(2));
    sim.apply(yaml("apiVersion: v1\nkind: Pod\nmetadata: {name: more, namespace: default}\nspec:\n"
        + "  containers: [{name: c, image: busybox, resources: {requests: {cpu: \"2\"}}}]\n"));
    sim.runFor(Duration.ofSeconds(2));
    assertThat(List.of(pod(sim, "half-0").spec().nodeName(), pod(sim, "half-1").spec().nodeName(),
        pod(sim, "half-2").spec().nodeName())).containsExactlyInAnyOrder("node-1", "node-2", "node-3");
    assertThat(failedScheduling(trace, "more")).first().isEqualTo(
        "0/3 nodes are available: 3 Insufficient cpu." + NO_VICTIMS_3);
  }

  @Test
  void tooManyPods() {
    List<ClusterNode> nodes = List.of(new ClusterNode("node-1", "zone-a", null, null, null,
        ImmutableSortedMap.of("pods", Quantity.parse("1")), null, false));
    Simulation sim = Simulation.builder().seed(1).traceListener(trace).nodes(nodes).build();
    sim.apply(yaml(podYaml("web-0", "")));
    sim.runFor(Duration.ofSeconds(1));
    sim.apply(yaml(podYaml("web-1", "")));
    sim.runFor(Duration.ofSeconds(1));
    assertThat(pod(sim, "web-0").spec().nodeName()).isEqualTo("node-1");
    assertThat(failedScheduling(trace, "web-1")).first().isEqualTo("0/1 nodes are available: 1 Too many pods."
        + " preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.");
  }
}
