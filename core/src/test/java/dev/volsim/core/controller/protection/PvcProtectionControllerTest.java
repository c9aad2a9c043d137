package dev.volsim.core.controller.protection;

import dev.volsim.core.api.DeletionRequests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.model.OwnerReference;
import dev.volsim.model.Records;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodPhase;
import dev.volsim.model.core.PodStatus;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PvcProtectionControllerTest {
  private TestCluster c;
  private PvcProtectionController controller;

  @BeforeEach
  void setUp() {
    c = new TestCluster(7);
    controller = new PvcProtectionController(c.context);
    controller.start();
  }

  private void claim(String name) {
    c.create(PersistentVolumeClaim.class, """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: %s}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
        """.formatted(name));
  }

  private Pod pod(String name, String nodeLine, String claim) {
    return c.create(Pod.class, """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s}
        spec:
          %s
          containers: [{name: app, image: busybox}]
          volumes: [{name: data, persistentVolumeClaim: {claimName: %s}}]
        """.formatted(name, nodeLine, claim));
  }

  private boolean claimExists(String name) {
    return c.get(PersistentVolumeClaim.class, "default", name).isPresent();
  }

  @Test
  void claimDeletedWhileScheduledPodUsesItStaysTerminatingUntilThePodIsGone() {
    claim("data");
    pod("web", "nodeName: node-1", "data");
    c.settle();
    c.delete("PersistentVolumeClaim", "default", "data");
    c.settle();
    PersistentVolumeClaim pvc = c.get(PersistentVolumeClaim.class, "default", "data").orElseThrow();
    DeletionRequests.assertMarkedBy(c.trace.entries(), pvc, "persistentvolumeclaim/default/data", "kubectl");
    assertThat(pvc.metadata().finalizers()).containsExactly(PvcProtectionController.PVC_PROTECTION_FINALIZER);

    c.delete("Pod", "default", "web"); // graceful: the Pod stays Terminating on its node
    c.settle();
    assertThat(claimExists("data")).as("a terminating Pod object still uses the claim").isTrue();

    c.confirmPodDeletion("default", "web");
    c.settle();
    assertThat(claimExists("data")).isFalse();
    assertThat(c.trace.entries()).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo("FinalizerRemoved");
      assertThat(e.component()).isEqualTo(PvcProtectionController.NAME);
    });
  }

  @Test
  void finishedPodStillBlocksUntilDeleted() {
    claim("data");
    Pod p = pod("job", "nodeName: node-1", "data");
    c.user.updateStatus(p.withStatus(PodStatus.ofPhase(PodPhase.SUCCEEDED)));
    c.settle();
    c.delete("PersistentVolumeClaim", "default", "data");
    c.settle();
    assertThat(claimExists("data")).as("a Succeeded Pod object still blocks").isTrue();

    c.delete("Pod", "default", "job"); // finished: removed at once
    c.settle();
    assertThat(claimExists("data")).isFalse();
  }

  @Test
  void unscheduledPodDoesNotBlock() {
    claim("data");
    pod("pending", "", "data");
    c.settle();
    c.delete("PersistentVolumeClaim", "default", "data");
    c.settle();
    assertThat(claimExists("data")).isFalse();
    assertThat(c.get(Pod.class, "default", "pending")).isPresent();
  }

  @Test
  void unusedClaimGoesAtOnce() {
    claim("data");
    c.settle();
    c.delete("PersistentVolumeClaim", "default", "data");
    c.settle();
    assertThat(claimExists("data")).isFalse();
  }

  @Test
  void podOfAnotherClaimDoesNotBlock() {
    claim("data");
    claim("other");
    pod("web", "nodeName: node-1", "other");
    c.settle();
    c.delete("PersistentVolumeClaim", "default", "data");
    c.settle();
    assertThat(claimExists("data")).isFalse();
    assertThat(claimExists("other")).isTrue();
  }

  @Test
  void ephemeralClaimOfAShutDownPodIsUnused() {
    Pod p = c.create(Pod.class, """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, finalizers: [example.com/hold]}
        spec:
          nodeName: node-1
          containers: [{name: app, image: busybox}]
          volumes:
          - name: scratch
            ephemeral:
              volumeClaimTemplate:
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
        """);
    PersistentVolumeClaim pvc = TestCluster.yaml(PersistentVolumeClaim.class, """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: web-scratch}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
        """);
    c.user.create(Records.withMetadata(pvc, pvc.metadata().toBuilder().ownerReferences(List.of(
        new OwnerReference("v1", "Pod", "web", p.metadata().uid(), true, true))).build()));
    c.settle();
    c.delete("PersistentVolumeClaim", "default", "web-scratch");
    c.settle();
    assertThat(claimExists("web-scratch")).as("the running Pod uses its ephemeral claim").isTrue();

    c.confirmPodDeletion("default", "web"); // grace 0, but a finalizer keeps the object: shut down
    c.settle();
    assertThat(c.get(Pod.class, "default", "web")).isPresent();
    assertThat(claimExists("web-scratch")).isFalse();
  }

  @Test
  void regularClaimOfAShutDownPodStillBlocksAsUpstream() {
    claim("data");
    Pod p = pod("web", "nodeName: node-1", "data");
    c.user.update(Records.withMetadata(p, p.metadata().toBuilder().finalizers(List.of("example.com/hold")).build()));
    c.confirmPodDeletion("default", "web");
    c.settle();
    c.delete("PersistentVolumeClaim", "default", "data");
    c.settle();
    assertThat(claimExists("data")).isTrue();
  }

  @Test
  void pausedControllerKeepsTheFinalizerUntilResumed() {
    claim("data");
    c.settle();
    controller.pause();
    c.delete("PersistentVolumeClaim", "default", "data");
    c.settle();
    assertThat(claimExists("data")).isTrue();
    controller.resume();
    c.settle();
    assertThat(claimExists("data")).isFalse();
  }
}
