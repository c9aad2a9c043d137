package dev.volsim.core.controller.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.apps.DaemonSet;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.Taint;
import dev.volsim.model.core.TaintEffect;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DaemonSetControllerTest {
  private TestCluster c;

  @BeforeEach
  void setUp() {
    c = new TestCluster(13);
    node("node-1", "");
    node("node-2", "taints: [{key: dedicated, value: infra, effect: NoSchedule}]");
    node("node-3", "taints: [{key: node.kubernetes.io/not-ready, effect: NoExecute}]");
    new DaemonSetController(c.context).start();
  }

  private void node(String name, String taints) {
    c.create(Node.class, """
        apiVersion: v1
        kind: Node
        metadata: {name: %s, labels: {kubernetes.io/hostname: %s}}
        spec: {%s}
        """.formatted(name, name, taints));
  }

  private void daemonSet() {
    c.create(DaemonSet.class, """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: logs}
        spec:
          selector: {matchLabels: {app: logs}}
          template:
            metadata: {labels: {app: logs}}
            spec:
              containers: [{name: agent, image: fluentd, volumeMounts: [{name: varlog, mountPath: /var/log}]}]
              volumes: [{name: varlog, hostPath: {path: /var/log}}]
        """);
  }

  private List<String> targetNodes() {
    return c.api.list(Pod.class, "default").stream().filter(p -> p.metadata().deletionTimestamp() == null)
        .map(p -> DaemonSetPredicates.targetNodeName(p.spec())).sorted().toList();
  }

  @Test
  void onePodPerEligibleNodePinnedByNodeAffinity() {
    daemonSet();
    c.settle();
    assertThat(targetNodes()).as("node-2's NoSchedule taint is not tolerated; not-ready is, by default")
        .containsExactly("node-1", "node-3");
    Pod p = c.api.list(Pod.class, "default").get(0);
    assertThat(p.spec().nodeName()).as("left to the scheduler").isNull();
    assertThat(p.metadata().name()).matches("logs-[a-z0-9]{5}");
    assertThat(p.spec().affinity().nodeAffinity().requiredDuringSchedulingIgnoredDuringExecution()
        .nodeSelectorTerms().get(0).matchFields().get(0).key()).isEqualTo("metadata.name");
    assertThat(p.spec().tolerations()).anySatisfy(t -> assertThat(t.key()).isEqualTo("node.kubernetes.io/unreachable"));
    assertThat(c.events("SuccessfulCreate")).hasSize(2).allMatch(m -> m.startsWith("Created pod: logs-"));
    assertThat(c.get(DaemonSet.class, "default", "logs").orElseThrow().status().desiredNumberScheduled()).isEqualTo(2);
  }

  @Test
  void deletedPodIsRecreatedOnItsNode() {
    daemonSet();
    c.settle();
    Pod first = c.api.list(Pod.class, "default").get(0);
    String node = DaemonSetPredicates.targetNodeName(first.spec());
    c.delete("Pod", "default", first.metadata().name());
    c.settle();
    assertThat(targetNodes()).containsExactly("node-1", "node-3");
    assertThat(c.get(Pod.class, "default", first.metadata().name())).isEmpty();
    assertThat(node).isIn("node-1", "node-3");
  }

  @Test
  void podIsRemovedFromANodeWithAnUntoleratedNoExecuteTaint() {
    daemonSet();
    c.settle();
    Node n = c.get(Node.class, "", "node-1").orElseThrow();
    c.user.update(n.withSpec(new dev.volsim.model.core.NodeSpec(null, null, null, false,
        ImmutableList.of(new Taint("evict", "yes", TaintEffect.NO_EXECUTE, null)))));
    c.settle();
    assertThat(targetNodes()).containsExactly("node-3");
    assertThat(c.events("SuccessfulDelete")).hasSize(1);
  }

  @Test
  void newNodeGetsAPod() {
    daemonSet();
    c.settle();
    node("node-4", "");
    c.settle();
    assertThat(targetNodes()).containsExactly("node-1", "node-3", "node-4");
  }
}
