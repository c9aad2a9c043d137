package dev.volsim.core.controller.workload;

import dev.volsim.core.api.DeletionRequests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.model.Records;
import dev.volsim.model.apps.Deployment;
import dev.volsim.model.apps.ReplicaSet;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodTemplateSpec;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeploymentControllerTest {
  private TestCluster c;

  @BeforeEach
  void setUp() {
    c = new TestCluster(5);
    new DeploymentController(c.context).start();
    new ReplicaSetController(c.context).start();
  }

  private void deployment(String strategy) {
    c.create(Deployment.class, """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 1
          strategy: {type: %s}
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: app, image: nginx:1.0, volumeMounts: [{name: data, mountPath: /data}]}]
              volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
        """.formatted(strategy));
  }

  /** A new template revision, as {@code kubectl set image} makes. */
  private void changeTemplate() {
    Deployment d = c.get(Deployment.class, "default", "web").orElseThrow();
    PodTemplateSpec t = d.spec().template();
    PodTemplateSpec next = new PodTemplateSpec(t.metadata().toBuilder().annotation("rev", "2").build(), t.spec());
    c.user.update(new Deployment(d.metadata(), Records.with(d.spec(), "template", next), d.status()));
  }

  private List<Pod> livePods() {
    return c.api.list(Pod.class, "default").stream().filter(p -> p.metadata().deletionTimestamp() == null).toList();
  }

  private void scheduleAll(String node) {
    for (Pod p : c.api.list(Pod.class, "default")) {
      if (p.spec().nodeName() == null) {
        c.user.update(p.withSpec(p.spec().withNodeName(node)));
      }
    }
  }

  @Test
  void createsAReplicaSetNamedByTheTemplateHashAndItsPod() {
    deployment("RollingUpdate");
    c.settle();
    List<ReplicaSet> sets = c.api.list(ReplicaSet.class, "default");
    assertThat(sets).hasSize(1);
    ReplicaSet rs = sets.get(0);
    String hash = rs.spec().template().metadata().labels().get("pod-template-hash");
    assertThat(rs.metadata().name()).isEqualTo("web-" + hash);
    assertThat(rs.spec().selector().matchLabels()).containsEntry("pod-template-hash", hash);
    assertThat(c.podNames("default")).singleElement().asString().matches("web-" + hash + "-[a-z0-9]{5}");
    assertThat(c.events("ScalingReplicaSet")).containsExactly("Scaled up replica set web-" + hash + " from 0 to 1");
    assertThat(c.get(Deployment.class, "default", "web").orElseThrow().status().replicas()).isEqualTo(1);
  }

  @Test
  void rollingUpdateStartsTheNewPodWhileTheOldOneRuns() {
    deployment("RollingUpdate");
    c.settle();
    scheduleAll("node-1");
    String oldPod = c.podNames("default").get(0);
    c.markRunningReady("default", oldPod);
    c.settle();

    changeTemplate();
    c.settle();
    assertThat(livePods()).as("maxSurge 25% of 1 rounds up to 1: old and new coexist").hasSize(2);
    assertThat(c.podNames("default")).contains(oldPod);

    String newPod = c.podNames("default").stream().filter(n -> !n.equals(oldPod)).findFirst().orElseThrow();
    assertThat(c.events("ScalingReplicaSet")).hasSize(2);
    c.markRunningReady("default", newPod);
    c.settle();
    assertThat(c.events("ScalingReplicaSet")).hasSize(3).last().asString().startsWith("Scaled down replica set")
        .endsWith(" from 1 to 0");
    // the old ReplicaSet's Pod, deleted gracefully (30 s) by its controller
    DeletionRequests.assertMarkedBy(c.trace.entries(), c.get(Pod.class, "default", oldPod).orElseThrow(),
        "pod/default/" + oldPod, "replicaset-controller");
  }

  @Test
  void recreateNeverRunsOldAndNewPodsTogether() {
    deployment("Recreate");
    c.settle();
    scheduleAll("node-1");
    String oldPod = c.podNames("default").get(0);
    c.markRunningReady("default", oldPod);
    c.settle();

    changeTemplate();
    c.settle();
    assertThat(c.podNames("default")).as("the old Pod is Terminating; no new Pod yet").containsExactly(oldPod);
    assertThat(livePods()).isEmpty();
    assertThat(c.api.list(ReplicaSet.class, "default")).hasSize(1);

    c.confirmPodDeletion("default", oldPod);
    c.settle();
    assertThat(livePods()).singleElement().extracting(p -> p.metadata().name()).isNotEqualTo(oldPod);
    assertThat(c.api.list(ReplicaSet.class, "default")).hasSize(2);
  }

  @Test
  void maxSurgeAndMaxUnavailableResolveAsUpstream() {
    deployment("RollingUpdate");
    Deployment d = c.get(Deployment.class, "default", "web").orElseThrow();
    assertThat(DeploymentController.maxSurge(d)).isEqualTo(1);
    assertThat(DeploymentController.maxUnavailable(d)).isEqualTo(0);
  }
}
