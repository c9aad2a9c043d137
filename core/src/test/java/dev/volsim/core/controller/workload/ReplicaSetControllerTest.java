package dev.volsim.core.controller.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.model.Records;
import dev.volsim.model.apps.ReplicaSet;
import dev.volsim.model.core.Pod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplicaSetControllerTest {
  private TestCluster c;

  @BeforeEach
  void setUp() {
    c = new TestCluster(9);
    new ReplicaSetController(c.context).start();
  }

  private ReplicaSet rs(int replicas) {
    return c.create(ReplicaSet.class, """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: web-5d4f8}
        spec:
          replicas: %d
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: app, image: nginx}]
        """.formatted(replicas));
  }

  private void scale(int replicas) {
    ReplicaSet cur = c.get(ReplicaSet.class, "default", "web-5d4f8").orElseThrow();
    c.user.update(new ReplicaSet(cur.metadata(), Records.with(cur.spec(), "replicas", replicas), cur.status()));
  }

  @Test
  void createsPodsWithGeneratedNamesAndControllerReferences() {
    ReplicaSet set = rs(3);
    c.settle();
    assertThat(c.podNames("default")).hasSize(3).allMatch(n -> n.matches("web-5d4f8-[a-z0-9]{5}"));
    for (Pod p : c.api.list(Pod.class, "default")) {
      assertThat(p.metadata().ownerReferences()).singleElement()
          .satisfies(r -> assertThat(r.uid()).isEqualTo(set.metadata().uid()))
          .satisfies(r -> assertThat(r.controller()).isTrue());
    }
    assertThat(c.events("SuccessfulCreate")).hasSize(3).allMatch(m -> m.matches("Created pod: web-5d4f8-[a-z0-9]{5}"));
    assertThat(c.get(ReplicaSet.class, "default", "web-5d4f8").orElseThrow().status().replicas()).isEqualTo(3);
  }

  @Test
  void deletedPodIsReplaced() {
    rs(1);
    c.settle();
    String first = c.podNames("default").get(0);
    c.delete("Pod", "default", first);
    c.settle();
    assertThat(c.podNames("default")).hasSize(1).doesNotContain(first);
  }

  @Test
  void scaleDownDeletesUnscheduledThenNotReadyPodsFirst() {
    rs(3);
    c.settle();
    var names = c.podNames("default");
    for (String n : names.subList(0, 2)) {
      Pod p = c.get(Pod.class, "default", n).orElseThrow();
      c.user.update(p.withSpec(p.spec().withNodeName("node-1")));
    }
    c.markRunningReady("default", names.get(0));
    c.settle();
    scale(1);
    c.settle();
    assertThat(c.events("SuccessfulDelete")).containsExactly(
        "Deleted pod: " + names.get(2), "Deleted pod: " + names.get(1));
    assertThat(c.api.list(Pod.class, "default").stream().filter(p -> p.metadata().deletionTimestamp() == null)
        .map(p -> p.metadata().name())).containsExactly(names.get(0));
  }
}
