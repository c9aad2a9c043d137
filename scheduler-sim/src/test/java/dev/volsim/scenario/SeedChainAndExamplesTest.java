package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * C7 (the whole chain, in upstream's order) and C23 (the chapter's filebeat example), through
 * {@code volsim run}.
 */
class SeedChainAndExamplesTest {
  private static final Path SEED = Path.of("..", "examples", "scenarios", "seed");
  @TempDir Path dir;

  private static void assertPassed(Run run) {
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.outLines()).filteredOn(l -> l.startsWith("FAIL")).isEmpty();
  }

  @Test
  void C7_scheduleAttachFormatMountAndBackInUpstreamOrder() {
    assertPassed(runSpec(dir, """
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
              volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
              containers: [{name: db, image: busybox, volumeMounts: [{name: data, mountPath: /var/lib/db}]}]
        steps:
        - waitFor: {object: pod/db, field: status.phase, equals: Running, timeout: 2m}
        - capture: {name: pv, value: "${pvc/data.spec.volumeName}"}
        # the scheduler binds the Pod, the attach/detach controller attaches the disk to that node,
        # the kubelet formats and mounts it globally (MountDevice), then into the Pod (SetUp), and
        # only then starts the container
        - expectOrder:
          - {type: Scheduled, pod: db}
          - {type: AttachVolume, volume: "${pv}", component: attachdetach-controller}
          - {type: MountDevice, volume: "${pv}", component: kubelet}
          - {type: SetUp, volume: "${pv}", pod: db}
          - {type: ContainerStarted, pod: db}
        # formatted on its first MountDevice: a fresh ext4 has lost+found
        - expect: {file: {pod: db, path: /var/lib/db/lost+found}, type: directory}
        - exec: {pod: db, write: /var/lib/db/rows, content: "1"}
        - delete: {object: pod/db}
        - waitFor: {trace: {type: DetachVolume, volume: "${pv}"}, timeout: 2m}
        # and back: unmount from the Pod, the Pod object goes, the global mount, then the detach
        - expectOrder:
          - {type: TearDown, volume: "${pv}", pod: db}
          - {type: PodRemoved, pod: db}
          - {type: UnmountDevice, volume: "${pv}"}
          - {type: DetachVolume, volume: "${pv}"}
        # a new Pod gets the same disk, not formatted again: the data is there
        - apply:
            manifest:
              apiVersion: v1
              kind: Pod
              metadata: {name: db2}
              spec:
                volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
                containers: [{name: db, image: busybox, volumeMounts: [{name: data, mountPath: /var/lib/db}]}]
        - waitFor: {object: pod/db2, field: status.phase, equals: Running, timeout: 2m}
        - expect: {file: {pod: db2, path: /var/lib/db/rows}, content: "1"}
        - expect: {trace: {type: AttachVolume, volume: "${pv}"}, count: 2}
        """));
  }

  @Test
  void C23_filebeatMountsItsNodesLogsTheContainerdSocketAndContainerdStateReadOnly() {
    assertPassed(ScenarioHarness.run(SEED.resolve("filebeat-hostpath.yaml")));
  }
}
