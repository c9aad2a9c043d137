package dev.volsim.scheduler;

import static dev.volsim.scheduler.SchedulerTestSupport.failedScheduling;
import static dev.volsim.scheduler.SchedulerTestSupport.pod;
import static dev.volsim.scheduler.SchedulerTestSupport.podYaml;
import static dev.volsim.scheduler.SchedulerTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.core.cluster.KubernetesVersion;
import dev.volsim.core.trace.TraceRecorder;
import dev.volsim.model.core.ConditionStatus;
import dev.volsim.model.core.PodCondition;
import dev.volsim.model.core.Taint;
import dev.volsim.model.core.TaintEffect;
import dev.volsim.sim.ClusterNode;
import dev.volsim.sim.Simulation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each filter's reason in the FailedScheduling message, exactly as a real cluster prints it. */
class SchedulerFiltersTest {
  private static final String NO_PREEMPTION_3 = " preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";

  private final TraceRecorder trace = new TraceRecorder();

  private Simulation defaultCluster() {
    return Simulation.builder().seed(1).traceListener(trace).build();
  }

  private Simulation mixedCluster(KubernetesVersion version) {
    List<ClusterNode> nodes = List.of(
        new ClusterNode("node-1", "zone-a", null, null, null, null, null, true),
        new ClusterNode("node-2", "zone-b", null, null, null, null,
            ImmutableList.of(new Taint("dedicated", "db", TaintEffect.NO_SCHEDULE, null)), false),
        new ClusterNode("node-3", "zone-c", ImmutableSortedMap.of("disktype", "hdd"), null, null, null, null, false));
    return Simulation.builder().seed(1).version(version).traceListener(trace).nodes(nodes).build();
  }

  @Test
  void scheduledEventAndNodeName() {
    Simulation sim = defaultCluster();
    sim.apply(yaml(podYaml("web-0", "")));
    sim.runFor(Duration.ofSeconds(5));
    var pod = pod(sim, "web-0");
    assertThat(pod.spec().nodeName()).isIn("node-1", "node-2", "node-3");
    assertThat(pod.status().condition(PodCondition.POD_SCHEDULED).orElseThrow().status()).isEqualTo(ConditionStatus.TRUE);
    var scheduled = SchedulerTestSupport.events(trace, "web-0", "Scheduled");
    assertThat(scheduled).hasSize(1);
    assertThat(scheduled.get(0).message())
        .isEqualTo("Normal Scheduled pod/default/web-0: Successfully assigned default/web-0 to " + pod.spec().nodeName());
  }

  @Test
  void nodeAffinityRejectsEveryNode() {
    Simulation sim = defaultCluster();
    sim.apply(yaml(podYaml("web-0", "  nodeSelector: {disktype: ssd}\n")));
    sim.runFor(Duration.ofSeconds(5));
    assertThat(failedScheduling(trace, "web-0")).first().isEqualTo(
        "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector." + NO_PREEMPTION_3);
    PodCondition c = pod(sim, "web-0").status().condition(PodCondition.POD_SCHEDULED).orElseThrow();
    assertThat(c.status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(c.reason()).isEqualTo("Unschedulable");
  }

  @Test
  void unschedulableTaintAndAffinityCountedAndSorted() {
    Simulation sim = mixedCluster(KubernetesVersion.DEFAULT);
    sim.apply(yaml(podYaml("web-0", "  nodeSelector: {disktype: ssd}\n")));
    sim.runFor(Duration.ofSeconds(5));
    assertThat(failedScheduling(trace, "web-0")).first().isEqualTo(
        "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, "
            + "1 node(s) had untolerated taint(s), 1 node(s) were unschedulable." + NO_PREEMPTION_3);
  }

  @Test
  void taintNamedBefore134() {
    Simulation sim = mixedCluster(new KubernetesVersion(33));
    sim.apply(yaml(podYaml("web-0", "  nodeSelector: {disktype: ssd}\n")));
    sim.runFor(Duration.ofSeconds(5));
    assertThat(failedScheduling(trace, "web-0")).first().isEqualTo(
        "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, "
            + "1 node(s) had untolerated taint {dedicated: db}, 1 node(s) were unschedulable." + NO_PREEMPTION_3);
  }

  @Test
  void tolerationsLetThePodOnTaintedAndCordonedNodes() {
    Simulation sim = mixedCluster(KubernetesVersion.DEFAULT);
    sim.apply(yaml(podYaml("web-0", "  nodeSelector: {topology.kubernetes.io/zone: zone-b}\n"
        + "  tolerations: [{key: dedicated, operator: Equal, value: db, effect: NoSchedule}]\n")));
    sim.apply(yaml(podYaml("web-1", "  nodeSelector: {topology.kubernetes.io/zone: zone-a}\n"
        + "  tolerations: [{key: node.kubernetes.io/unschedulable, operator: Exists, effect: NoSchedule}]\n")));
    sim.runFor(Duration.ofSeconds(5));
    assertThat(pod(sim, "web-0").spec().nodeName()).isEqualTo("node-2");
    assertThat(pod(sim, "web-1").spec().nodeName()).isEqualTo("node-1");
  }

  @Test
  void missingClaim() {
    Simulation sim = defaultCluster();
    sim.apply(yaml(podYaml("web-0", "  volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]\n")));
    sim.runFor(Duration.ofSeconds(5));
    assertThat(failedScheduling(trace, "web-0")).first().isEqualTo(
        "0/3 nodes are available: persistentvolumeclaim \"data\" not found." + NO_PREEMPTION_3);
  }

  @Test
  void unboundImmediateClaim() {
    Simulation sim = defaultCluster();
    sim.apply(yaml("apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: manual}\n"
        + "provisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: Immediate\n"));
    sim.apply(yaml("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data, namespace: default}\n"
        + "spec: {storageClassName: manual, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n"));
    sim.apply(yaml(podYaml("web-0", "  volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]\n")));
    sim.runFor(Duration.ofSeconds(5));
    assertThat(failedScheduling(trace, "web-0")).first().isEqualTo(
        "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims." + NO_PREEMPTION_3);
  }

  @Test
  void noNodeCanProvisionOutsideTheDriversZones() {
    Simulation sim = defaultCluster();
    sim.apply(yaml("apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: zone-d}\n"
        + "provisioner: disk.csi.volsim.dev\nvolumeBindingMode: WaitForFirstConsumer\n"
        + "allowedTopologies: [{matchLabelExpressions: [{key: topology.kubernetes.io/zone, values: [zone-a]}]}]\n"));
    sim.apply(yaml("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data, namespace: default}\n"
        + "spec: {storageClassName: zone-d, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n"));
    sim.apply(yaml(podYaml("web-0", "  nodeSelector: {topology.kubernetes.io/zone: zone-b}\n"
        + "  volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]\n")));
    sim.runFor(Duration.ofSeconds(5));
    assertThat(failedScheduling(trace, "web-0")).first().isEqualTo(
        "0/3 nodes are available: 1 node(s) didn't find available persistent volumes to bind, "
            + "2 node(s) didn't match Pod's node affinity/selector." + NO_PREEMPTION_3);
  }
}
