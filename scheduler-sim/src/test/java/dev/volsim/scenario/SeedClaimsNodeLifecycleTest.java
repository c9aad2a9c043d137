package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed claims about how long volumes live against Pods and nodes, each as a scenario replayed
 * through {@code volsim run}: C8 (a Pod's volumes live exactly as long as the Pod) and C25
 * (network storage outlives nodes).
 */
class SeedClaimsNodeLifecycleTest {
  @TempDir Path dir;

  private static void assertPassed(Run run) {
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.outLines()).filteredOn(l -> l.startsWith("FAIL")).isEmpty();
  }

  /**
   * A Pod on {@code node} with an emptyDir and the claim {@code data} (a CSI disk: network storage
   * attached to the node), as one flow mapping.
   */
  private static String pod(String name, String node) {
    return "{apiVersion: v1, kind: Pod, metadata: {name: " + name + "}, spec: {"
        + "nodeSelector: {kubernetes.io/hostname: " + node + "}, "
        + "volumes: [{name: cache, emptyDir: {}}, {name: data, persistentVolumeClaim: {claimName: data}}], "
        + "containers: [{name: app, image: busybox, volumeMounts: [{name: cache, mountPath: /cache},"
        + " {name: data, mountPath: /data}]}]}}";
  }

  /** Two nodes of one zone, a zonal CSI disk class and a claim of it. */
  private static final String CLUSTER = """
      cluster:
        nodes:
        - {name: node-1, zone: zone-a}
        - {name: node-2, zone: zone-a}
        csiDrivers:
        - {name: disk.csi.example.com, topologyKey: topology.kubernetes.io/zone, zones: [zone-a]}
      objects:
      - manifest: {apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: disk}, provisioner: disk.csi.example.com, volumeBindingMode: WaitForFirstConsumer}
      - manifest: {apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], storageClassName: disk, resources: {requests: {storage: 1Gi}}}}
      """;

  @Test
  void C8_deletingThePodTearsDownEveryVolumeButKeepsTheNetworkData() {
    assertPassed(runSpec(dir, CLUSTER + "- manifest: " + pod("writer", "node-1") + "\n" + """
        steps:
        - waitFor: {object: pod/writer, field: status.phase, equals: Running, timeout: 2m}
        - capture: {name: uid, value: "${pod/writer.metadata.uid}"}
        - capture: {name: pv, value: "${pvc/data.spec.volumeName}"}
        - exec: {pod: writer, container: app, write: /cache/tmp, content: scratch}
        - exec: {pod: writer, container: app, write: /data/db, content: on-disk}
        - expect: {file: {node: node-1, path: "/var/lib/kubelet/pods/${uid}/volumes/kubernetes.io~empty-dir/cache/tmp"}, content: scratch}
        - expect: {file: {node: node-1, path: "/var/lib/kubelet/pods/${uid}/volumes/kubernetes.io~csi/${pv}/mount"}, type: directory}
        - delete: {object: pod/writer}
        - waitFor: {absent: pod/writer, timeout: 1m}
        # Every volume was torn down before the kubelet confirmed the deletion ...
        - expect: {trace: {type: TearDown, pod: writer, node: node-1}, count: 2}
        # (the device's global mount goes right after: the Pod needs only its own mounts gone)
        - waitFor: {trace: {type: UnmountDevice, node: node-1}, count: 1, timeout: 10s}
        - expectOrder:
          - {type: ContainerKilled, pod: writer}
          - {type: TearDown, pod: writer}
          - {type: PodRemoved, pod: writer}
        # ... and nothing of the Pod's volumes is left on the node: the emptyDir with its data, the
        # disk's mount.
        - expect: {file: {node: node-1, path: "/var/lib/kubelet/pods/${uid}/volumes/kubernetes.io~empty-dir/cache"}, exists: false}
        - expect: {file: {node: node-1, path: "/var/lib/kubelet/pods/${uid}/volumes/kubernetes.io~csi/${pv}/mount"}, exists: false}
        # The network storage kept the data; a new Pod's emptyDir starts empty.
        - apply: {manifest: %s}
        - waitFor: {object: pod/reader, field: status.phase, equals: Running, timeout: 2m}
        - expect: {file: {pod: reader, container: app, path: /data/db}, content: on-disk}
        - expect: {file: {pod: reader, container: app, path: /cache}, entries: []}
        """.formatted(pod("reader", "node-1"))));
  }

  @Test
  void C25_dataOnANetworkDiskSurvivesTheCrashOfTheNodeThatWroteIt() {
    assertPassed(runSpec(dir, CLUSTER + "- manifest: " + pod("writer", "node-1") + "\n" + """
        steps:
        - waitFor: {object: pod/writer, field: status.phase, equals: Running, timeout: 2m}
        - exec: {pod: writer, container: app, write: /data/db, content: on-disk}
        - fail: {node: node-1, mode: crash}
        - waitFor: {object: node/node-1, field: "status.conditions[type=Ready].status", equals: Unknown, timeout: 1m10s}
        # The node is gone for good: the out-of-service taint lets the Pod and its disk go at once.
        - taint: {node: node-1, key: node.kubernetes.io/out-of-service, value: nodeshutdown, effect: NoExecute}
        - waitFor: {absent: pod/writer, timeout: 1m}
        - apply: {manifest: %s}
        - waitFor: {object: pod/reader, field: status.phase, equals: Running, timeout: 2m}
        - expect: {object: pod/reader, field: spec.nodeName, equals: node-2}
        - expect: {file: {pod: reader, container: app, path: /data/db}, content: on-disk}
        - expect: {trace: {type: DetachVolume, node: node-1, component: attachdetach-controller}, count: 1}
        """.formatted(pod("reader", "node-2"))));
  }
}
