package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fail: {csiDriver: D, part: node, node: N}}: the driver's node plugin on one node stops
 * answering, so the kubelet's NodeStage/NodePublish/NodeUnpublish/NodeUnstage calls there run into
 * their deadline; {@code recover} lets everything proceed. Also the pre-existing CSI volumes of
 * {@code cluster.csiDrivers[].volumes[].files}.
 */
class CsiNodePluginFailureTest {
  @TempDir Path dir;

  private static void assertPassed(Run run) {
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.outLines()).filteredOn(l -> l.startsWith("FAIL")).isEmpty();
  }

  private static final String DB = """
      objects:
      - manifest: {apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}
      - manifest:
          apiVersion: v1
          kind: Pod
          metadata: {name: db}
          spec:
            volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
            containers: [{name: app, image: busybox, volumeMounts: [{name: data, mountPath: /data}]}]
      """;

  @Test
  void aNodePluginThatStopsAnsweringTimesOutMountDeviceAndThePodWaitsUntilItRecovers() {
    assertPassed(runSpec(dir, DB + """
        steps:
        - waitFor: {object: pod/db, field: spec.nodeName, exists: true, timeout: 1m}
        - capture: {name: node, value: "${pod/db.spec.nodeName}"}
        - fail: {csiDriver: disk.csi.volsim.dev, part: node, node: "${node}"}
        # NodeStageVolume hangs: nothing fails before the call's 2 min deadline (csiTimeout).
        - advance: 1m30s
        - expect: {event: {object: pod/db, reason: FailedMount, messageContains: DeadlineExceeded}, count: 0}
        - expect: {trace: {type: MountDevice, pod: db}, count: 0}
        - waitFor: {event: {object: pod/db, type: Warning, reason: FailedMount, messageMatches: "^MountVolume.MountDevice failed for volume \\"pvc-[^\\"]+\\" : rpc error: code = DeadlineExceeded desc = context deadline exceeded$"}, timeout: 3m}
        # Each NodeStageVolume call hangs until its 2 min deadline (csiTimeout); the volume manager
        # retries with its exponential back-off; the Pod stays ContainerCreating.
        - advance: 5m
        - expect: {event: {object: pod/db, reason: FailedMount, messageContains: DeadlineExceeded}, atLeast: 3}
        - expect: {object: pod/db, field: status.phase, equals: Pending}
        - expect: {object: pod/db, field: "status.containerStatuses[0].state.waiting.reason", equals: ContainerCreating}
        - expect: {trace: {type: MountDevice, outcome: timeout}, atLeast: 3}
        - recover: {csiDriver: disk.csi.volsim.dev, part: node, node: "${node}"}
        - waitFor: {object: pod/db, field: status.phase, equals: Running, timeout: 5m}
        - expect: {trace: {type: CsiNodePluginFailed, node: "${node}"}, count: 1}
        - expect: {trace: {type: CsiNodePluginRecovered, node: "${node}"}, count: 1}
        """));
  }

  @Test
  void aDeletedPodStaysTerminatingWhileTheNodePluginCannotUnpublishItsVolume() {
    assertPassed(runSpec(dir, DB + """
        steps:
        - waitFor: {object: pod/db, field: status.phase, equals: Running, timeout: 2m}
        - exec: {pod: db, container: app, write: /data/kept, content: still-here}
        - fail: {csiDriver: disk.csi.volsim.dev, part: node, node: "${pod/db.spec.nodeName}"}
        - delete: {object: pod/db}
        # The containers stop, but NodeUnpublishVolume times out: the kubelet cannot confirm the
        # deletion, so the Pod stays Terminating well past its 30 s grace period.
        - advance: 5m
        - expect: {object: pod/db, field: metadata.deletionTimestamp, exists: true}
        - expect: {trace: {type: TearDown, outcome: timeout}, atLeast: 2}
        - recover: {csiDriver: disk.csi.volsim.dev, part: node, node: "${pod/db.spec.nodeName}"}
        - waitFor: {absent: pod/db, timeout: 5m}
        """));
  }

  @Test
  void onlyTheFailedNodesPluginIsAffected() {
    assertPassed(runSpec(dir, """
        cluster:
          nodes: [{name: node-1}, {name: node-2}]
          csiDrivers: [{name: disk.csi.volsim.dev}]
        objects:
        - manifest: {apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: disk, annotations: {storageclass.kubernetes.io/is-default-class: "true"}}, provisioner: disk.csi.volsim.dev}
        - manifest: {apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: db}
            spec:
              nodeName: node-2
              volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
              containers: [{name: app, image: busybox, volumeMounts: [{name: data, mountPath: /data}]}]
        steps:
        - fail: {csiDriver: disk.csi.volsim.dev, part: node, node: node-1}
        - waitFor: {object: pod/db, field: status.phase, equals: Running, timeout: 2m}
        - expect: {event: {reason: FailedMount, messageContains: DeadlineExceeded}, count: 0}
        """));
  }

  @Test
  void failingAPluginTwiceOrRecoveringOneThatAnswersFailsTheStep() {
    Run run = runSpec(dir, """
        steps:
        - fail: {csiDriver: disk.csi.volsim.dev, part: node, node: node-1}
        - fail: {csiDriver: disk.csi.volsim.dev, part: node, node: node-1}
        """);
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("it has already failed");
    Run recover = runSpec(dir, """
        steps:
        - recover: {csiDriver: disk.csi.volsim.dev, part: node, node: node-1}
        """);
    assertThat(recover.code()).as(recover.toString()).isEqualTo(1);
    assertThat(recover.out()).contains("it is answering");
  }

  @Test
  void partNodeNamesItsNode() {
    Run run = runSpec(dir, """
        steps:
        - fail: {csiDriver: disk.csi.volsim.dev, part: node}
        - recover: {csiDriver: disk.csi.volsim.dev, part: controller, node: node-1}
        """);
    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("spec.steps[0].fail.node is required")
        .contains("spec.steps[1].recover.node belongs to part: node");
  }

  @Test
  void aPreExistingCsiVolumeHoldsItsDeclaredFiles() {
    assertPassed(runSpec(dir, """
        cluster:
          nodes: [{name: node-1}]
          csiDrivers:
          - name: disk.csi.volsim.dev
            volumes: [{handle: vol-abc, capacity: 10Gi, files: [{path: dump.rdb, content: "mykey=old"}, {path: conf, type: directory}]}]
        objects:
        - manifest:
            apiVersion: v1
            kind: PersistentVolume
            metadata: {name: existing}
            spec:
              capacity: {storage: 10Gi}
              accessModes: [ReadWriteOnce]
              persistentVolumeReclaimPolicy: Retain
              csi: {driver: disk.csi.volsim.dev, volumeHandle: vol-abc, fsType: ext4}
        - manifest: {apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data}, spec: {storageClassName: "", volumeName: existing, accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}}
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: redis}
            spec:
              volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
              containers: [{name: app, image: busybox, volumeMounts: [{name: data, mountPath: /data}]}]
        steps:
        - waitFor: {object: pod/redis, field: status.phase, equals: Running, timeout: 2m}
        - expect: {file: {pod: redis, container: app, path: /data/dump.rdb}, content: "mykey=old"}
        - expect: {file: {pod: redis, container: app, path: /data/conf}, type: directory}
        """));
  }
}
