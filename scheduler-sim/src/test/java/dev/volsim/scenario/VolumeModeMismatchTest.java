package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubelet refuses a PV whose volumeMode does not match how the Pod uses it (createVolumeSpec
 * in the desired state of world populator), with upstream's texts, and never sets it up.
 */
class VolumeModeMismatchTest {
  @TempDir Path dir;

  private static String spec(String claimMode, String use) {
    return """
        cluster:
          nodes: [{name: node-1}]
          csiDrivers: [{name: csi-block.example.com, volumeModes: [Filesystem, Block]}]
        objects:
        - manifest: {apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: block}, provisioner: csi-block.example.com, volumeBindingMode: Immediate}
        - manifest: {apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: pvc-1}, spec: {accessModes: [ReadWriteOnce], volumeMode: %s, storageClassName: block, resources: {requests: {storage: 1Gi}}}}
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers: [{name: app, image: busybox, %s}]
              volumes: [{name: volume1, persistentVolumeClaim: {claimName: pvc-1}}]
        """.formatted(claimMode, use);
  }

  @Test
  void blockVolumeInVolumeMountsFailsToMountAndPodStaysPending() {
    Run run = runSpec(dir, spec("Block", "volumeMounts: [{name: volume1, mountPath: /mnt/v}]") + """
        steps:
        - advance: 1m
        - expect: {event: {object: pod/web, type: Warning, reason: FailedMount, messageContains: "failed to process volumes=[volume1]: volume volume1 has volumeMode Block, but is specified in volumeMounts"}, atLeast: 1}
        - expect: {object: pod/web, field: status.phase, equals: Pending}
        - expect: {trace: {type: MountDevice}, never: true}
        - expect: {trace: {type: ContainerStarted}, never: true}
        """);
    assertThat(run.code()).as(run.toString()).isZero();
  }

  @Test
  void filesystemVolumeInVolumeDevicesFailsToMount() {
    Run run = runSpec(dir, spec("Filesystem", "volumeDevices: [{name: volume1, devicePath: /dev/xvda}]") + """
        steps:
        - advance: 1m
        - expect: {event: {object: pod/web, type: Warning, reason: FailedMount, messageContains: "volume volume1 has volumeMode Filesystem, but is specified in volumeDevices"}, atLeast: 1}
        - expect: {object: pod/web, field: status.phase, equals: Pending}
        """);
    assertThat(run.code()).as(run.toString()).isZero();
  }

  @Test
  void matchingModeRuns() {
    Run run = runSpec(dir, spec("Filesystem", "volumeMounts: [{name: volume1, mountPath: /mnt/v}]") + """
        steps:
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 2m}
        - expect: {event: {reason: FailedMount}, count: 0}
        """);
    assertThat(run.code()).as(run.toString()).isZero();
  }
}
