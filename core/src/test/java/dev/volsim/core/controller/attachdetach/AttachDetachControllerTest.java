package dev.volsim.core.controller.attachdetach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.core.trace.TraceEntry;
import dev.volsim.model.core.AttachedVolume;
import dev.volsim.model.storage.VolumeAttachment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttachDetachControllerTest {
  static final String UNIQUE = "kubernetes.io/csi/disk.csi.test^vol-1";

  private static AdcTestCluster attachedOnNode1() {
    AdcTestCluster c = new AdcTestCluster();
    c.csiClaim("data", "pv-1", "vol-1", "ReadWriteOnce");
    c.pod("p1", "node-1", "data");
    c.run(Duration.ofSeconds(5));
    return c;
  }

  @Test
  void csiVolumeIsAttachedThroughAVolumeAttachmentNamedAsUpstream() {
    AdcTestCluster c = attachedOnNode1();
    String name = OperationExecutor.attachmentName("vol-1", "disk.csi.test", "node-1");
    // csi-<hex(sha256("vol-1" + "disk.csi.test" + "node-1"))>
    assertThat(name).isEqualTo("csi-" + com.google.common.hash.Hashing.sha256()
        .hashString("vol-1disk.csi.testnode-1", java.nio.charset.StandardCharsets.UTF_8));
    assertThat(name).matches("csi-[0-9a-f]{64}");
    List<VolumeAttachment> vas = c.volumeAttachments();
    assertThat(vas).hasSize(1);
    VolumeAttachment va = vas.get(0);
    assertThat(va.metadata().name()).isEqualTo(name);
    assertThat(va.spec().attacher()).isEqualTo("disk.csi.test");
    assertThat(va.spec().nodeName()).isEqualTo("node-1");
    assertThat(va.spec().source().persistentVolumeName()).isEqualTo("pv-1");
    assertThat(va.status().attached()).isTrue();
    assertThat(va.metadata().finalizers()).containsExactly("external-attacher/disk-csi-test");
    assertThat(c.volumesAttached("node-1")).containsExactly(new AttachedVolume(UNIQUE, ""));
    assertThat(c.events("p1")).containsExactly(
        "SuccessfulAttachVolume: AttachVolume.Attach succeeded for volume \"pv-1\" ");
    assertThat(c.trace("AttachVolume")).hasSize(1);
    assertThat(c.trace("AttachVolume").get(0).attribute("node")).isEqualTo("node-1");
  }

  @Test
  void rwoVolumeUsedByAPodOnAnotherNodeIsRefusedWithMultiAttachError() {
    AdcTestCluster c = attachedOnNode1();
    c.pod("p2", "node-2", "data");
    c.run(Duration.ofSeconds(5));
    assertThat(c.events("p2")).containsExactly("FailedAttachVolume: Multi-Attach error for volume \"pv-1\" "
        + "Volume is already used by pod(s) p1");
    assertThat(c.volumeAttachments()).hasSize(1);
    assertThat(c.volumesAttached("node-2")).isEmpty();
  }

  @Test
  void rwoVolumeStillAttachedWithoutPodsGivesExclusivelyAttachedError() {
    AdcTestCluster c = attachedOnNode1();
    c.setVolumesInUse("node-1", UNIQUE);
    c.forceDeletePod("p1");
    c.pod("p2", "node-2", "data");
    c.run(Duration.ofSeconds(5));
    assertThat(c.events("p2")).containsExactly("FailedAttachVolume: Multi-Attach error for volume \"pv-1\" "
        + "Volume is already exclusively attached to one node and can't be attached to another");
    // Once the kubelet of node-1 lets go, the volume moves to node-2.
    c.setVolumesInUse("node-1");
    c.run(Duration.ofSeconds(10));
    assertThat(c.volumesAttached("node-1")).isEmpty();
    assertThat(c.volumesAttached("node-2")).containsExactly(new AttachedVolume(UNIQUE, ""));
    assertThat(c.volumeAttachments()).extracting(va -> va.spec().nodeName()).containsExactly("node-2");
  }

  @Test
  void rwxVolumeIsAttachedToTwoNodes() {
    AdcTestCluster c = new AdcTestCluster();
    c.csiClaim("data", "pv-1", "vol-1", "ReadWriteMany");
    c.pod("p1", "node-1", "data");
    c.pod("p2", "node-2", "data");
    c.run(Duration.ofSeconds(5));
    assertThat(c.volumeAttachments()).hasSize(2);
    assertThat(c.events("p2")).containsExactly(
        "SuccessfulAttachVolume: AttachVolume.Attach succeeded for volume \"pv-1\" ");
  }

  @Test
  void noDetachWhileTheNodeStillReportsTheVolumeInUseThenDetachOnceCleared() {
    AdcTestCluster c = attachedOnNode1();
    c.setVolumesInUse("node-1", UNIQUE);
    c.forceDeletePod("p1");
    c.run(Duration.ofMinutes(10));
    assertThat(c.volumeAttachments()).hasSize(1);
    assertThat(c.volumesAttached("node-1")).containsExactly(new AttachedVolume(UNIQUE, ""));
    assertThat(c.trace("DetachVolume")).isEmpty();

    c.setVolumesInUse("node-1");
    c.run(Duration.ofSeconds(5));
    assertThat(c.volumeAttachments()).isEmpty();
    assertThat(c.volumesAttached("node-1")).isEmpty();
    assertThat(c.trace("DetachVolume")).hasSize(1);
    assertThat(c.trace("DetachVolume").get(0).attribute("outcome")).isNull();
  }

  @Test
  void notReadyNodeIsForceDetachedAfterSixMinutes() {
    AdcTestCluster c = attachedOnNode1();
    c.setVolumesInUse("node-1", UNIQUE);
    c.setReady("node-1", false);
    long deletedAt = c.engine.nowMicros();
    c.forceDeletePod("p1");
    c.run(Duration.ofMinutes(6).minusSeconds(1));
    assertThat(c.volumeAttachments()).hasSize(1);
    c.run(Duration.ofSeconds(10));
    assertThat(c.volumeAttachments()).isEmpty();
    assertThat(c.volumesAttached("node-1")).isEmpty();
    TraceEntry detach = c.trace("DetachVolume").get(0);
    assertThat(detach.timeMicros() - deletedAt).isBetween(Duration.ofMinutes(6).toNanos() / 1000,
        Duration.ofMinutes(6).plusSeconds(3).toNanos() / 1000);
  }

  @Test
  void readyNodeIsNeverForceDetached() {
    AdcTestCluster c = attachedOnNode1();
    c.setVolumesInUse("node-1", UNIQUE);
    c.forceDeletePod("p1");
    c.run(Duration.ofMinutes(30));
    assertThat(c.volumeAttachments()).hasSize(1);
  }

  @Test
  void outOfServiceTaintDetachesAtOnce() {
    AdcTestCluster c = attachedOnNode1();
    c.setVolumesInUse("node-1", UNIQUE);
    c.setReady("node-1", false);
    c.taint("node-1", "node.kubernetes.io/out-of-service");
    c.forceDeletePod("p1");
    c.run(Duration.ofSeconds(5));
    assertThat(c.volumeAttachments()).isEmpty();
    assertThat(c.volumesAttached("node-1")).isEmpty();
  }

  // An in-tree attachable plugin that CSI migration leaves alone (cloud disks now attach through CSI).
  static final String ISCSI = "iscsi: {targetPortal: '10.0.0.60:3260', iqn: 'iqn.2001-04.com.example:storage.kube.sys1.xyz', lun: 0}";
  static final String ISCSI_NAME = "10.0.0.60:3260:iqn.2001-04.com.example:storage.kube.sys1.xyz:0";

  @Test
  void injectedAttachFailureOfAnInTreeDiskIsRetriedWithExponentialBackoff() {
    AdcTestCluster c = new AdcTestCluster();
    c.boundClaim("data", "pv-1", ISCSI, "ReadWriteOnce");
    c.inject("attach", 4, "disk is busy");
    c.pod("p1", "node-1", "data");
    c.run(Duration.ofMinutes(1));
    List<TraceEntry> attaches = c.trace("AttachVolume");
    assertThat(attaches).hasSize(5);
    // The 2 s attach latency, then a retry after 500 ms, 1 s, 2 s, 4 s.
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < attaches.size(); i++) {
      gaps.add((attaches.get(i).timeMicros() - attaches.get(i - 1).timeMicros()) / 1000);
    }
    assertThat(gaps).containsExactly(2500L, 3000L, 4000L, 6000L);
    assertThat(attaches.get(4).attribute("outcome")).isNull();
    assertThat(c.events("p1")).contains(
        "FailedAttachVolume: AttachVolume.Attach failed for volume \"pv-1\" : disk is busy",
        "SuccessfulAttachVolume: AttachVolume.Attach succeeded for volume \"pv-1\" ");
    assertThat(c.volumesAttached("node-1")).containsExactly(
        new AttachedVolume("kubernetes.io/iscsi/" + ISCSI_NAME, ""));
  }

  @Test
  void backoffIsCappedAtTwoMinutesTwoSeconds() {
    AdcTestCluster c = new AdcTestCluster();
    c.boundClaim("data", "pv-1", ISCSI, "ReadWriteOnce");
    c.inject("attach", -1, "disk is busy");
    c.pod("p1", "node-1", "data");
    c.run(Duration.ofMinutes(20));
    List<TraceEntry> attaches = c.trace("AttachVolume");
    long last = (attaches.get(attaches.size() - 1).timeMicros() - attaches.get(attaches.size() - 2).timeMicros()) / 1000;
    assertThat(last).isEqualTo(Duration.ofMinutes(2).plusSeconds(2 + 2).toMillis());
  }

  @Test
  void csiAttachErrorFailsTheAttachAndTheAttacherRetries() {
    AdcTestCluster c = new AdcTestCluster();
    c.csiClaim("data", "pv-1", "vol-1", "ReadWriteOnce");
    c.inject("attach", 1, "rpc error: code = Internal desc = backend down");
    c.pod("p1", "node-1", "data");
    c.run(Duration.ofSeconds(30));
    assertThat(c.events("p1")).contains(
        "FailedAttachVolume: AttachVolume.Attach failed for volume \"pv-1\" : rpc error: code = Internal desc = backend down",
        "SuccessfulAttachVolume: AttachVolume.Attach succeeded for volume \"pv-1\" ");
    assertThat(c.volumeAttachments().get(0).status().attached()).isTrue();
    assertThat(c.volumeAttachments().get(0).status().attachError()).isNull();
    assertThat(c.volumesAttached("node-1")).containsExactly(new AttachedVolume(UNIQUE, ""));
  }

  @Test
  void nonAttachableAndUnmanagedVolumesAreSkipped() {
    AdcTestCluster c = new AdcTestCluster();
    c.boundClaim("nfs", "pv-nfs", "nfs: {server: nfs.example, path: /export}", "ReadWriteMany");
    c.pod("p1", "node-1", "nfs");
    c.apply("{apiVersion: v1, kind: Node, metadata: {name: node-9}}");
    c.csiClaim("data", "pv-1", "vol-1", "ReadWriteOnce");
    c.pod("p2", "node-9", "data");
    c.run(Duration.ofSeconds(10));
    assertThat(c.volumeAttachments()).isEmpty();
    assertThat(c.trace("AttachVolume")).isEmpty();
  }

  @Test
  void idleControllerCostsNoEvents() {
    AdcTestCluster c = attachedOnNode1();
    c.setVolumesInUse("node-1", UNIQUE);
    c.run(Duration.ofSeconds(1));
    long before = c.engine.executedEvents();
    c.run(Duration.ofHours(1));
    assertThat(c.engine.executedEvents()).isEqualTo(before);
  }

  @Test
  void restartedControllerTakesAttachmentsFromNodeStatusAndDetachesThem() {
    AdcTestCluster c = attachedOnNode1();
    c.adc.pause();
    AttachDetachController restarted = new AttachDetachController(c.ctx);
    restarted.start();
    c.run(Duration.ofSeconds(5));
    assertThat(c.trace("AttachVolume")).hasSize(1); // nothing attached again
    assertThat(restarted.actualStateOfWorld().isAttachedConfirmed(UNIQUE, "node-1")).isTrue();
    assertThat(restarted.actualStateOfWorld().get(UNIQUE, "node-1").spec().specName()).isEqualTo("pv-1");
    c.forceDeletePod("p1");
    c.run(Duration.ofSeconds(5));
    assertThat(c.volumeAttachments()).isEmpty();
    assertThat(c.volumesAttached("node-1")).isEmpty();
  }

  @Test
  void succeededPodNoLongerWantsItsVolume() {
    AdcTestCluster c = attachedOnNode1();
    dev.volsim.model.core.Pod p = c.api.get(dev.volsim.model.core.Pod.class, "default", "p1").orElseThrow();
    c.kubelet.updateStatus(p.withStatus(dev.volsim.model.core.PodStatus.ofPhase(dev.volsim.model.core.PodPhase.SUCCEEDED)));
    c.run(Duration.ofSeconds(5));
    assertThat(c.volumeAttachments()).isEmpty();
    assertThat(c.trace("DetachVolume")).hasSize(1);
  }

  @Test
  void podWaitsForItsClaimToBeBound() {
    AdcTestCluster c = new AdcTestCluster();
    c.apply("{apiVersion: v1, kind: Pod, metadata: {name: p1, namespace: default}, spec: {nodeName: node-1,"
        + " containers: [{name: c, image: busybox}], volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]}}");
    c.run(Duration.ofSeconds(5));
    assertThat(c.volumeAttachments()).isEmpty();
    c.csiClaim("data", "pv-1", "vol-1", "ReadWriteOnce");
    c.run(Duration.ofSeconds(5));
    assertThat(c.volumesAttached("node-1")).containsExactly(new AttachedVolume(UNIQUE, ""));
  }
}
