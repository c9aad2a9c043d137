package dev.volsim.core.controller.workload;

import dev.volsim.core.api.DeletionRequests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.model.OwnerReference;
import dev.volsim.model.Records;
import dev.volsim.model.apps.StatefulSet;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.Pod;
import dev.volsim.model.volume.PersistentVolumeClaimVolumeSource;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatefulSetControllerTest {
  private TestCluster c;

  @BeforeEach
  void setUp() {
    c = new TestCluster(3);
    new StatefulSetController(c.context).start();
  }

  private StatefulSet set(int replicas, String policy, String retention) {
    return c.create(StatefulSet.class, """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: web}
        spec:
          replicas: %d
          serviceName: web
          podManagementPolicy: %s
          %s
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: app, image: nginx, volumeMounts: [{name: data, mountPath: /data}]}]
          volumeClaimTemplates:
          - metadata: {name: data, labels: {tier: db}}
            spec:
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 1Gi}}
        """.formatted(replicas, policy, retention));
  }

  private void scale(int replicas) {
    StatefulSet cur = c.get(StatefulSet.class, "default", "web").orElseThrow();
    c.user.update(new StatefulSet(cur.metadata(), Records.with(cur.spec(), "replicas", replicas), cur.status()));
  }

  private Pod pod(String name) {
    return c.get(Pod.class, "default", name).orElseThrow();
  }

  private PersistentVolumeClaim claim(String name) {
    return c.get(PersistentVolumeClaim.class, "default", name).orElseThrow();
  }

  @Test
  void orderedReadyCreatesOnePodAtATimeEachAfterItsClaims() {
    set(3, "OrderedReady", "");
    c.settle();
    assertThat(c.podNames("default")).containsExactly("web-0");
    assertThat(c.claimNames("default")).containsExactly("data-web-0");
    assertThat(c.events("SuccessfulCreate")).containsExactly(
        "create Claim data-web-0 Pod web-0 in StatefulSet web success",
        "create Pod web-0 in StatefulSet web successful");

    c.markRunningReady("default", "web-0");
    c.settle();
    assertThat(c.podNames("default")).containsExactly("web-0", "web-1");
    c.markRunningReady("default", "web-1");
    c.settle();
    assertThat(c.podNames("default")).containsExactly("web-0", "web-1", "web-2");
    assertThat(c.claimNames("default")).containsExactly("data-web-0", "data-web-1", "data-web-2");

    StatefulSet.Status status = c.get(StatefulSet.class, "default", "web").orElseThrow().status();
    assertThat(status.replicas()).isEqualTo(3);
    assertThat(status.readyReplicas()).isEqualTo(2);
    assertThat(status.currentReplicas()).isEqualTo(3);
  }

  @Test
  void podGetsItsIdentityAndClaimVolume() {
    set(1, "OrderedReady", "");
    c.settle();
    Pod p = pod("web-0");
    assertThat(p.spec().hostname()).isEqualTo("web-0");
    assertThat(p.spec().subdomain()).isEqualTo("web");
    assertThat(p.metadata().labels()).containsEntry("statefulset.kubernetes.io/pod-name", "web-0")
        .containsEntry("apps.kubernetes.io/pod-index", "0").containsKey("controller-revision-hash");
    assertThat(p.spec().volume("data").orElseThrow().source())
        .isEqualTo(new PersistentVolumeClaimVolumeSource("data-web-0", false));
    PersistentVolumeClaim pvc = claim("data-web-0");
    assertThat(pvc.metadata().labels()).containsEntry("app", "web").containsEntry("tier", "db");
    assertThat(pvc.metadata().ownerReferences()).as("Retain: no owner, the claim outlives the set").isEmpty();
  }

  @Test
  void parallelCreatesAllPodsAtOnce() {
    set(3, "Parallel", "");
    c.settle();
    assertThat(c.podNames("default")).containsExactly("web-0", "web-1", "web-2");
  }

  @Test
  void deletedPodIsRecreatedWithTheSameNameAndClaims() {
    set(2, "Parallel", "");
    c.settle();
    String oldUid = pod("web-1").metadata().uid();
    String claimUid = claim("data-web-1").metadata().uid();
    c.delete("Pod", "default", "web-1");
    c.settle();
    assertThat(pod("web-1").metadata().uid()).isNotEqualTo(oldUid);
    assertThat(claim("data-web-1").metadata().uid()).isEqualTo(claimUid);
    assertThat(c.claimNames("default")).containsExactly("data-web-0", "data-web-1");
  }

  @Test
  void atMostOnePodPerOrdinalWhileTheOldOneIsTerminating() {
    set(1, "Parallel", "");
    c.settle();
    Pod old = pod("web-0");
    c.user.update(old.withSpec(old.spec().withNodeName("node-1"))); // as the scheduler would
    c.settle();
    c.delete("Pod", "default", "web-0");
    c.settle();
    Pod terminating = pod("web-0");
    assertThat(terminating.metadata().uid()).isEqualTo(old.metadata().uid());
    DeletionRequests.assertMarkedBy(c.trace.entries(), terminating, "pod/default/web-0", "kubectl");
    assertThat(c.podNames("default")).containsExactly("web-0");

    c.confirmPodDeletion("default", "web-0"); // the kubelet's confirmation
    c.settle();
    Pod replacement = pod("web-0");
    assertThat(replacement.metadata().uid()).isNotEqualTo(old.metadata().uid());
    assertThat(replacement.metadata().deletionTimestamp()).isNull();
  }

  @Test
  void orderedReadyScalesDownFromTheHighestOrdinal() {
    // podManagementPolicy cannot change after creation (ValidateStatefulSetUpdate): the set is
    // OrderedReady from the start and its Pods are made Ready one by one.
    set(3, "OrderedReady", "");
    for (String p : List.of("web-0", "web-1", "web-2")) {
      c.settle();
      c.markRunningReady("default", p);
    }
    c.settle();
    assertThat(c.podNames("default")).containsExactly("web-0", "web-1", "web-2");
    c.markRunningReady("default", "web-2");
    c.settle();
    StatefulSet cur = c.get(StatefulSet.class, "default", "web").orElseThrow();
    c.user.update(new StatefulSet(cur.metadata(), Records.with(cur.spec(), "replicas", 1), cur.status()));
    c.settle();
    assertThat(c.podNames("default")).containsExactly("web-0");
    assertThat(c.events("SuccessfulDelete")).containsExactly(
        "delete Pod web-2 in StatefulSet web successful", "delete Pod web-1 in StatefulSet web successful");
    assertThat(c.claimNames("default")).as("whenScaled Retain").containsExactly("data-web-0", "data-web-1", "data-web-2");
  }

  @Test
  void updatingThePodManagementPolicyIsRefused() {
    set(1, "Parallel", "");
    c.settle();
    StatefulSet cur = c.get(StatefulSet.class, "default", "web").orElseThrow();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.user.update(new StatefulSet(cur.metadata(),
        Records.with(cur.spec(), "podManagementPolicy", StatefulSet.PodManagementPolicy.ORDERED_READY), cur.status())))
        .hasMessageContaining("updates to statefulset spec for fields other than");
  }

  @Test
  void whenScaledDeleteRemovesTheScaledDownPodsClaims() {
    set(2, "Parallel", "persistentVolumeClaimRetentionPolicy: {whenScaled: Delete}");
    c.settle();
    scale(1);
    c.settle();
    assertThat(c.podNames("default")).containsExactly("web-0");
    // The claim followed its Pod through the garbage collector; without the pvc-protection
    // controller in this test it stays Terminating on its finalizer.
    PersistentVolumeClaim gone = claim("data-web-1");
    DeletionRequests.assertMarkedBy(c.trace.entries(), gone, "persistentvolumeclaim/default/data-web-1",
        "garbage-collector");
    assertThat(claim("data-web-0").metadata().deletionTimestamp()).isNull();
  }

  @Test
  void whenDeletedDeleteGivesClaimsAnOwnerReferenceToTheSet() {
    StatefulSet set = set(1, "OrderedReady", "persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete}");
    c.settle();
    assertThat(claim("data-web-0").metadata().ownerReferences()).extracting(OwnerReference::uid)
        .containsExactly(set.metadata().uid());
    c.delete("StatefulSet", "default", "web");
    c.settle();
    assertThat(c.podNames("default")).isEmpty();
    DeletionRequests.assertMarkedBy(c.trace.entries(), claim("data-web-0"), "persistentvolumeclaim/default/data-web-0",
        "garbage-collector");
  }

  @Test
  void whenDeletedRetainKeepsClaimsAfterTheSetIsGone() {
    set(1, "OrderedReady", "");
    c.settle();
    c.delete("StatefulSet", "default", "web");
    c.settle();
    assertThat(c.podNames("default")).isEmpty();
    assertThat(claim("data-web-0").metadata().deletionTimestamp()).isNull();
  }

  @Test
  void claimBeingDeletedHoldsBackItsPod() {
    c.create(PersistentVolumeClaim.class, """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data-web-0, finalizers: [example.com/hold]}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
        """);
    c.delete("PersistentVolumeClaim", "default", "data-web-0");
    set(1, "OrderedReady", "");
    c.settle();
    assertThat(c.podNames("default")).isEmpty();
    assertThat(c.events("FailedCreate")).first()
        .isEqualTo("create Pod web-0 in StatefulSet web failed error: pvc data-web-0 is being deleted");
  }
}
