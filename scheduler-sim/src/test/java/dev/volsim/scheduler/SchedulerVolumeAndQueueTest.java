package dev.volsim.scheduler;

import static dev.volsim.scheduler.SchedulerTestSupport.failedScheduling;
import static dev.volsim.scheduler.SchedulerTestSupport.pod;
import static dev.volsim.scheduler.SchedulerTestSupport.podYaml;
import static dev.volsim.scheduler.SchedulerTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.trace.TraceEntry;
import dev.volsim.core.trace.TraceRecorder;
import dev.volsim.model.Records;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Delayed binding (static and provisioned), backoff timing and an idle scheduler. */
class SchedulerVolumeAndQueueTest {
  private final TraceRecorder trace = new TraceRecorder();

  @Test
  void delayedBindingPicksTheNodeOfTheStaticLocalVolume() {
    Simulation sim = Simulation.builder().seed(1).traceListener(trace).build();
    sim.apply(yaml("apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: local}\n"
        + "provisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: WaitForFirstConsumer\n"));
    sim.apply(yaml("apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: local-pv}\nspec:\n"
        + "  capacity: {storage: 5Gi}\n  accessModes: [ReadWriteOnce]\n  storageClassName: local\n"
        + "  local: {path: /mnt/disks/ssd1}\n"
        + "  nodeAffinity: {required: {nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [node-2]}]}]}}\n"));
    sim.apply(yaml("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data, namespace: default}\n"
        + "spec: {storageClassName: local, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n"));
    sim.apply(yaml(podYaml("web-0", "  volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]\n")));
    sim.runFor(Duration.ofSeconds(3));
    PersistentVolume pv = sim.api().get(PersistentVolume.class, "", "local-pv").orElseThrow();
    assertThat(pv.spec().claimRef()).extracting(r -> r.name(), r -> r.namespace()).containsExactly("data", "default");
    PersistentVolumeClaim pvc = sim.api().get(PersistentVolumeClaim.class, "default", "data").orElseThrow();
    if (!VolumeBinding.isFullyBound(pvc)) {
      // Stand in for the PV controller if it has not completed the bind.
      var client = sim.client("persistentvolume-controller");
      pvc = client.update(new PersistentVolumeClaim(pvc.metadata().toBuilder()
          .annotation(VolumeBinding.ANN_BIND_COMPLETED, "yes").build(),
          Records.with(pvc.spec(), "volumeName", "local-pv"), pvc.status()));
    }
    sim.runFor(Duration.ofSeconds(5));
    assertThat(pod(sim, "web-0").spec().nodeName()).isEqualTo("node-2");
  }

  @Test
  void boundVolumeNodeAffinityConflict() {
    Simulation sim = Simulation.builder().seed(1).traceListener(trace).build();
    sim.apply(yaml("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data, namespace: default,"
        + " annotations: {pv.kubernetes.io/bind-completed: \"yes\"}}\n"
        + "spec: {storageClassName: local, volumeName: local-pv, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n"));
    String uid = sim.api().get(PersistentVolumeClaim.class, "default", "data").orElseThrow().metadata().uid();
    sim.apply(yaml("apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: local-pv}\nspec:\n"
        + "  capacity: {storage: 5Gi}\n  accessModes: [ReadWriteOnce]\n  storageClassName: local\n"
        + "  claimRef: {namespace: default, name: data, uid: " + uid + "}\n"
        + "  local: {path: /mnt/disks/ssd1}\n"
        + "  nodeAffinity: {required: {nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [node-2]}]}]}}\n"));
    sim.runFor(Duration.ofSeconds(1));
    sim.apply(yaml(podYaml("web-0", "  nodeSelector: {topology.kubernetes.io/zone: zone-a}\n"
        + "  volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]\n")));
    sim.runFor(Duration.ofSeconds(3));
    assertThat(failedScheduling(trace, "web-0")).first().isEqualTo(
        "0/3 nodes are available: 1 node(s) didn't match PersistentVolume's node affinity, "
            + "2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: "
            + "3 Preemption is not helpful for scheduling.");
  }

  @Test
  void waitForFirstConsumerClaimGetsTheSelectedNode() {
    Simulation sim = Simulation.builder().seed(1).traceListener(trace).build();
    sim.apply(yaml("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data, namespace: default}\n"
        + "spec: {storageClassName: standard, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n"));
    sim.apply(yaml(podYaml("web-0", "  nodeSelector: {topology.kubernetes.io/zone: zone-c}\n"
        + "  volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]\n")));
    sim.runFor(Duration.ofMillis(500));
    PersistentVolumeClaim pvc = sim.api().get(PersistentVolumeClaim.class, "default", "data").orElseThrow();
    assertThat(pvc.metadata().annotations()).containsEntry(VolumeBinding.ANN_SELECTED_NODE, "node-3");
  }

  @Test
  void backoffDoublesFromOneSecondToTen() {
    Simulation sim = Simulation.builder().seed(1).traceListener(trace).build();
    sim.apply(yaml(podYaml("web-0", "  nodeSelector: {disktype: ssd}\n")));
    // A node update every 100 ms moves the unschedulable pod at once; only its backoff holds it.
    var client = sim.client("kubectl");
    for (int i = 1; i <= 450; i++) {
      final int n = i;
      sim.engine().scheduleAfterMicros(n * 100_000L, "test", "label", () -> {
        Node node = sim.api().get(Node.class, "", "node-1").orElseThrow();
        client.update(new Node(node.metadata().toBuilder().label("tick", String.valueOf(n)).build(),
            node.spec(), node.status()));
      });
    }
    sim.runFor(Duration.ofSeconds(46));
    List<TraceEntry> failures = SchedulerTestSupport.events(trace, "web-0", "FailedScheduling");
    List<Long> gapsMillis = new ArrayList<>();
    for (int i = 1; i < failures.size(); i++) {
      gapsMillis.add((failures.get(i).timeMicros() - failures.get(i - 1).timeMicros()) / 1000);
    }
    // Each retry comes a schedule latency (10 ms) after the backoff ends.
    assertThat(gapsMillis).startsWith(1010L, 2010L, 4010L, 8010L, 10010L, 10010L);
  }

  @Test
  void idleSchedulerCostsNoEvents() {
    Simulation sim = Simulation.builder().seed(1).traceListener(trace).build();
    sim.runFor(Duration.ofSeconds(1));
    long end = sim.engine().nowMicros() + 3_600_000_000L;
    int schedulerEvents = 0;
    while (sim.engine().nextEventTime().map(t -> t.toNanos() / 1000 <= end).orElse(false)) {
      var e = sim.engine().step().orElseThrow();
      if (Scheduler.NAME.equals(e.component())) {
        schedulerEvents++;
      }
    }
    assertThat(schedulerEvents).isZero();
  }

  @Test
  void backoffDurations() {
    assertThat(SchedulingQueue.backoffDuration(1)).isEqualTo(1_000_000L);
    assertThat(SchedulingQueue.backoffDuration(2)).isEqualTo(2_000_000L);
    assertThat(SchedulingQueue.backoffDuration(4)).isEqualTo(8_000_000L);
    assertThat(SchedulingQueue.backoffDuration(5)).isEqualTo(10_000_000L);
    assertThat(SchedulingQueue.backoffDuration(9)).isEqualTo(10_000_000L);
  }

  @Test
  void fitErrorSortsAsGoSortsStrings() {
    var fit = new FitError(12, null, new java.util.TreeMap<>(java.util.Map.of(
        "a", Status.of(Code.UNSCHEDULABLE, "b reason"))), Status.of(Code.UNSCHEDULABLE, "a reason"));
    assertThat(fit.message()).isEqualTo("0/12 nodes are available: 1 b reason, 11 a reason.");
    assertThat(ObjectKey.cluster("Node", "x").name()).isEqualTo("x");
  }
}
