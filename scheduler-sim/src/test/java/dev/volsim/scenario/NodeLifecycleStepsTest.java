package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node lifecycle as scenarios see it: {@code fail}/{@code recover} of nodes, {@code taint}/
 * {@code untaint}, {@code restart: {controller}}, and what the node lifecycle, taint eviction and
 * Pod GC controllers make of them.
 */
class NodeLifecycleStepsTest {
  @TempDir Path dir;

  private static void assertPassed(Run run) {
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.outLines()).filteredOn(l -> l.startsWith("FAIL")).isEmpty();
  }

  private static final String WEB = """
      objects:
      - manifest:
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            nodeName: node-1
            volumes: [{name: cache, emptyDir: {}}]
            containers: [{name: app, image: busybox, volumeMounts: [{name: cache, mountPath: /cache}]}]
      """;

  @Test
  void aCrashedNodeBootsReadyAgainAndItsPodsContainersStartAgain() {
    assertPassed(runSpec(dir, WEB + """
        steps:
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 1m}
        - exec: {pod: web, container: app, write: /cache/kept, content: on-disk}
        - fail: {node: node-1}
        - waitFor: {object: node/node-1, field: "status.conditions[type=Ready].status", equals: Unknown, timeout: 1m}
        # Lease renewals stop at the crash; Unknown comes after nodeMonitorGracePeriod (50 s), at
        # the next 5 s monitor pass.
        - expect: {trace: {type: NodeNotReady, node: node-1}, count: 1}
        - recover: {node: node-1}
        - waitFor: {object: node/node-1, field: "status.conditions[type=Ready].status", equals: "True", timeout: 15s}
        - expect: {event: {object: node/node-1, reason: NodeReady, source: kubelet, messageContains: "Node node-1 status is now: NodeReady"}}
        - waitFor: {object: node/node-1, field: spec.taints, exists: false, timeout: 10s}
        - expect: {trace: {type: NodeReady, node: node-1, component: node-lifecycle-controller}, count: 1}
        # The Pod was never deleted (300 s toleration): the booted kubelet starts it again, and the
        # emptyDir on the node's disk kept its data.
        - waitFor: {trace: {type: ContainerStarted, pod: web}, count: 2, timeout: 1m}
        - expect: {file: {pod: web, container: app, path: /cache/kept}, content: on-disk}
        """));
  }

  @Test
  void aBootedNodeFinishesThePodsEvictedWhileItWasDown() {
    assertPassed(runSpec(dir, WEB + """
        steps:
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 1m}
        - fail: {node: node-1}
        # NotReady after ~55 s, evicted 300 s later: Terminating, with nobody to confirm.
        - waitFor: {object: pod/web, field: metadata.deletionTimestamp, exists: true, timeout: 7m}
        - advance: 5m
        - expect: {object: pod/web, field: metadata.name, equals: web}
        - recover: {node: node-1}
        - waitFor: {absent: pod/web, timeout: 30s}
        - expect: {trace: {type: PodRemoved, pod: web, component: kubelet}, count: 1}
        - expect: {trace: {type: ContainerStarted, pod: web}, count: 1}
        """));
  }

  @Test
  void aRestartedKubeletAdoptsTheRunningContainersAndReconstructsItsMounts() {
    assertPassed(runSpec(dir, WEB + """
        steps:
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 1m}
        - exec: {pod: web, container: app, write: /cache/x, content: before}
        - restart: {kubelet: node-1}
        - advance: 2m
        # Nothing was started or set up again; the container and its emptyDir carry on.
        - expect: {trace: {type: ContainerStarted, pod: web}, count: 1}
        - expect: {trace: {type: SetUp, pod: web}, count: 1}
        - expect: {object: pod/web, field: status.phase, equals: Running}
        - expect: {object: node/node-1, field: "status.conditions[type=Ready].status", equals: "True"}
        - expect: {file: {pod: web, container: app, path: /cache/x}, content: before}
        # The new kubelet acts: deleting the Pod tears the volume down and confirms.
        - delete: {object: pod/web}
        - waitFor: {absent: pod/web, timeout: 1m}
        - expect: {trace: {type: TearDown, pod: web}, count: 1}
        """));
  }

  @Test
  void aPartitionedNodeKeepsRunningItsPodsWhileTheControlPlaneSeesItUnknown() {
    assertPassed(runSpec(dir, WEB + """
        steps:
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 1m}
        - fail: {node: node-1, mode: partition}
        - waitFor: {object: node/node-1, field: "status.conditions[type=Ready].status", equals: Unknown, timeout: 1m}
        - expect: {object: pod/web, field: "status.conditions[type=Ready].status", equals: "False"}
        # The containers still run; the kubelet just cannot tell anyone.
        - exec: {pod: web, container: app, write: /cache/x, content: "1"}
        - expect: {trace: {type: ContainerKilled, pod: web}, never: true}
        - recover: {node: node-1}
        - waitFor: {object: node/node-1, field: "status.conditions[type=Ready].status", equals: "True", timeout: 15s}
        - expect: {trace: {type: ContainerStarted, pod: web}, count: 1}
        """));
  }

  @Test
  void notReadyNodeMarkedWithoutAnyPodsAndTheUnreachableTaintsCarryTimeAdded() {
    assertPassed(runSpec(dir, """
        steps:
        - advance: 10s
        - fail: {node: node-2, mode: shutdown}
        - advance: 50s
        - expect: {object: node/node-2, field: "status.conditions[type=Ready].status", equals: "True"}
        - advance: 5s
        - expect: {object: node/node-2, field: "status.conditions[type=Ready].status", equals: Unknown}
        - expect: {object: node/node-2, field: "spec.taints[effect=NoExecute].timeAdded", exists: true}
        - expect: {object: node/node-2, field: "spec.taints[effect=NoSchedule].timeAdded", exists: false}
        - expect: {object: node/node-1, field: "status.conditions[type=Ready].status", equals: "True"}
        """));
  }

  @Test
  void aPodThatToleratesTheTaintForeverIsNeverEvicted() {
    assertPassed(runSpec(dir, """
        objects:
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: sticky}
            spec:
              nodeName: node-1
              tolerations: [{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute}]
              containers: [{name: app, image: busybox}]
        steps:
        - waitFor: {object: pod/sticky, field: status.phase, equals: Running, timeout: 1m}
        # DefaultTolerationSeconds adds only the missing not-ready toleration.
        - expect: {object: pod/sticky, field: "spec.tolerations[key=node.kubernetes.io/unreachable].tolerationSeconds", exists: false}
        - expect: {object: pod/sticky, field: "spec.tolerations[key=node.kubernetes.io/not-ready].tolerationSeconds", equals: 300}
        - fail: {node: node-1}
        - advance: 30m
        - expect: {object: pod/sticky, field: metadata.deletionTimestamp, exists: false}
        - expect: {event: {reason: TaintManagerEviction}, count: 0}
        """));
  }

  @Test
  void aNoExecuteTaintEvictsAPodThatDoesNotTolerateItAtOnceAndUntaintLeavesTheNodeClean() {
    assertPassed(runSpec(dir, WEB + """
        steps:
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 1m}
        - taint: {node: node-1, key: dedicated, value: db, effect: NoExecute}
        - expect: {object: node/node-1, field: "spec.taints[key=dedicated].value", equals: db}
        - waitFor: {absent: pod/web, timeout: 1m}
        - expect: {event: {object: pod/web, reason: TaintManagerEviction, source: taint-eviction-controller, messageContains: "Marking for deletion Pod default/web"}, count: 1}
        - expect: {trace: {type: Evicted, pod: web, component: taint-eviction-controller}, count: 1}
        - expect: {trace: {type: TearDown, pod: web}, count: 1}
        - taint: {node: node-1, key: dedicated, effect: NoExecute}
          expectError: "already has dedicated taint(s) with same effect(s) and --overwrite is false"
        - untaint: {node: node-1, key: dedicated}
        - expect: {object: node/node-1, field: spec.taints, exists: false}
        - untaint: {node: node-1, key: dedicated}
          expectError: "taint \\"dedicated\\" not found"
        """));
  }

  @Test
  void thePodGarbageCollectorForceDeletesPodsOfADeletedNodeAfterItsQuarantine() {
    assertPassed(runSpec(dir, WEB + """
        steps:
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 1m}
        - fail: {node: node-1}
        - delete: {object: node/node-1}
        # quarantineTime (40 s) counts from the first 20 s pass that saw the node missing.
        - advance: 40s
        - expect: {object: pod/web, field: metadata.name, equals: web}
        - waitFor: {absent: pod/web, timeout: 1m}
        - expect: {trace: {type: PodGarbageCollected, pod: web, component: pod-garbage-collector}, count: 1}
        """));
  }

  @Test
  void aRestartedControllerRebuildsItsStateFromTheApi() {
    assertPassed(runSpec(dir, WEB + """
        steps:
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 1m}
        - restart: {controller: node-lifecycle}
        - restart: {controller: attachdetach-controller}
        - fail: {node: node-1}
        - waitFor: {object: node/node-1, field: "status.conditions[type=Ready].status", equals: Unknown, timeout: 1m10s}
        - expect: {trace: {type: NodeNotReady, node: node-1}, count: 1}
        """));
  }

  @Test
  void restartingAControllerVolsimCannotRestartIsRefusedBeforeTheRun() {
    Run run = runSpec(dir, """
        steps:
        - restart: {controller: default-scheduler}
        """);
    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("restarting controller \"default-scheduler\" is not supported yet by this version"
        + " of volsim (supported: attachdetach-controller, node-lifecycle-controller, persistentvolume-controller,"
        + " pod-garbage-collector, taint-eviction-controller)");
  }

  @Test
  void aCsiDriverWhoseControllerStopsAnsweringTimesOutProvisioningUntilItRecovers() {
    assertPassed(runSpec(dir, """
        objects:
        - manifest: {apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: db}
            spec:
              volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
              containers: [{name: app, image: busybox, volumeMounts: [{name: data, mountPath: /data}]}]
        steps:
        - fail: {csiDriver: disk.csi.volsim.dev, part: controller}
        - waitFor: {event: {object: pvc/data, type: Warning, reason: ProvisioningFailed, messageContains: "rpc error: code = DeadlineExceeded desc = context deadline exceeded"}, timeout: 30s}
        - advance: 1m
        - expect: {object: pvc/data, field: status.phase, equals: Pending}
        - recover: {csiDriver: disk.csi.volsim.dev, part: controller}
        - waitFor: {object: pod/db, field: status.phase, equals: Running, timeout: 5m}
        - expect: {object: pvc/data, field: status.phase, equals: Bound}
        """));
  }

  @Test
  void malformedNodeStepsAreRefusedNamingTheProblem() {
    Run run = runSpec(dir, """
        steps:
        - fail: {csiDriver: disk.csi.volsim.dev, part: node}
        - restart: {container: {pod: web, name: app}, kubelet: node-1}
        - fail: {node: node-1, mode: melt}
        - fail: {}
        """);
    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).doesNotContain("not supported yet")
        .contains("spec.steps[0].fail.node is required")
        .contains("spec.steps[1].restart restarts one thing: one of container, kubelet, controller")
        .contains("spec.steps[2].fail.mode must be one of crash, partition, shutdown, got \"melt\"")
        .contains("spec.steps[3].fail names one of node or nfs");
  }
}
