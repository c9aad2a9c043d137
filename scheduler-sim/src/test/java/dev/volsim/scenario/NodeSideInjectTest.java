package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inject} of node-side operations: attach and detach (the attach/detach controller and the
 * external-attacher), mountDevice, setUp, tearDown and unmountDevice (the kubelet's volume
 * manager). Each failure shows as upstream shows it, is traced with its outcome, and is retried
 * with back-off until the operation succeeds.
 */
class NodeSideInjectTest {
  @TempDir Path dir;

  private static void assertPassed(Run run) {
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.outLines()).filteredOn(l -> l.startsWith("FAIL")).isEmpty();
  }

  private static final String POD_WITH_DISK = """
      objects:
      - manifest:
          apiVersion: v1
          kind: PersistentVolumeClaim
          metadata: {name: data}
          spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
      - manifest:
          apiVersion: v1
          kind: Pod
          metadata: {name: db}
          spec:
            volumes: [{name: data, persistentVolumeClaim: {claimName: data}}, {name: tmp, emptyDir: {}}]
            containers:
            - {name: db, image: busybox, volumeMounts: [{name: data, mountPath: /data}, {name: tmp, mountPath: /tmp/x}]}
      """;

  @Test
  void anInjectedAttachFailureIsAFailedAttachVolumeEventAndTheAttachIsRetried() {
    assertPassed(runSpec(dir, POD_WITH_DISK + """
        steps:
        - inject: {failure: {operation: attach, claim: data, times: 2, message: "rpc error: code = Internal desc = disk busy"}}
        - waitFor: {object: pod/db, field: status.phase, equals: Running, timeout: 3m}
        - expect: {event: {object: pod/db, type: Warning, reason: FailedAttachVolume, messageContains: "disk busy"}, atLeast: 1}
        - expect: {trace: {type: AttachVolume, outcome: failed}, atLeast: 1}
        - expect: {trace: {type: AttachVolume}, count: 1}
        """));
  }

  @Test
  void anInjectedMountDeviceFailureIsAFailedMountEventAndTheMountIsRetried() {
    assertPassed(runSpec(dir, POD_WITH_DISK + """
        steps:
        - inject: {failure: {operation: mountDevice, pod: db, times: 2, message: "format of disk failed"}}
        - waitFor: {object: pod/db, field: status.phase, equals: Running, timeout: 3m}
        - expect: {event: {object: pod/db, type: Warning, reason: FailedMount, messageMatches: "^MountVolume.MountDevice failed for volume .*format of disk failed"}, count: 2}
        - expect: {trace: {type: MountDevice, outcome: failed}, count: 2}
        - expect: {trace: {type: MountDevice}, count: 1}
        """));
  }

  @Test
  void anInjectedSetUpTimeoutIsTracedAsATimeoutAndRetried() {
    assertPassed(runSpec(dir, POD_WITH_DISK + """
        steps:
        - inject: {failure: {operation: setUp, pod: db, times: 1, mode: timeout}}
        - waitFor: {object: pod/db, field: status.phase, equals: Running, timeout: 3m}
        - expect: {trace: {type: SetUp, outcome: timeout}, count: 1}
        - expect: {event: {object: pod/db, reason: FailedMount, messageContains: "MountVolume.SetUp failed"}, count: 1}
        """));
  }

  @Test
  void aFailingTearDownKeepsThePodObjectUntilItSucceeds() {
    assertPassed(runSpec(dir, POD_WITH_DISK + """
        steps:
        - waitFor: {object: pod/db, field: status.phase, equals: Running, timeout: 3m}
        - inject: {failure: {operation: tearDown, pod: db, times: 3}}
        - delete: {object: pod/db}
        - waitFor: {absent: pod/db, timeout: 3m}
        - expect: {trace: {type: TearDown, outcome: failed}, count: 3}
        - expectOrder:
          - {type: TearDown, outcome: failed}
          - {type: TearDown, pod: db}
          - {type: PodRemoved, pod: db}
        """));
  }

  @Test
  void aFailingDetachKeepsTheVolumeAttachedUntilTheRetrySucceeds() {
    assertPassed(runSpec(dir, POD_WITH_DISK + """
        steps:
        - waitFor: {object: pod/db, field: status.phase, equals: Running, timeout: 3m}
        - inject: {failure: {operation: detach, claim: data, times: 2, message: "rpc error: code = Internal desc = still in use"}}
        - delete: {object: pod/db}
        - waitFor: {trace: {type: DetachVolume}, timeout: 5m}
        - expect: {count: {kind: volumeattachment}, equals: 0}
        - expect: {trace: {type: DetachVolume, outcome: failed}, atLeast: 1}
        - expectOrder:
          - {type: UnmountDevice}
          - {type: DetachVolume, outcome: failed}
          - {type: DetachVolume}
        """));
  }

  @Test
  void anInjectedUnmountDeviceFailureDelaysTheDetach() {
    assertPassed(runSpec(dir, POD_WITH_DISK + """
        steps:
        - waitFor: {object: pod/db, field: status.phase, equals: Running, timeout: 3m}
        - inject: {failure: {operation: unmountDevice, times: 2}}
        - delete: {object: pod/db}
        - waitFor: {trace: {type: DetachVolume}, timeout: 5m}
        - expect: {count: {kind: volumeattachment}, equals: 0}
        - expectOrder:
          - {type: UnmountDevice, outcome: failed}
          - {type: UnmountDevice, outcome: failed}
          - {type: UnmountDevice}
          - {type: DetachVolume}
        """));
  }

  @Test
  void anAttachThatTimesOutFailsOnlyAtTheExternalAttachersDeadline() {
    assertPassed(runSpec(dir, POD_WITH_DISK + """
        steps:
        - inject: {failure: {operation: attach, claim: data, times: 1, mode: timeout, message: "rpc error: code = DeadlineExceeded desc = context deadline exceeded"}}
        - waitFor: {count: {kind: volumeattachment}, equals: 1, timeout: 1m}
        # the driver does not answer: nothing is reported before the sidecar's 15 s --timeout
        - advance: 14s
        - expect: {count: {kind: volumeattachment, where: [{field: status.attachError, exists: true}]}, equals: 0}
        - waitFor: {count: {kind: volumeattachment, where: [{field: status.attachError.message, matches: DeadlineExceeded}]}, equals: 1, timeout: 5s}
        - waitFor: {object: pod/db, field: status.phase, equals: Running, timeout: 3m}
        """));
  }
}
