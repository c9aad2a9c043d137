package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PV's {@code pv.beta.kubernetes.io/gid} annotation adds that group to the processes of every
 * Pod using it (GetExtraSupplementalGroupsForPod), as persistent_volumes.go's NFS tests check
 * with {@code id -G | grep 777}: a group-writable export owned by that group becomes writable.
 */
class VolumeGidAnnotationTest {
  @TempDir Path dir;

  private static String spec(String annotations) {
    return """
        cluster:
          nodes: [{name: node-1, packages: [nfs-common]}]
          nfsServers:
          - name: nfs.example
            exports: [{path: /exports, options: [rw, root_squash], owner: 0, gid: 777, mode: "0775"}]
        objects:
        - manifest: {apiVersion: v1, kind: PersistentVolume, metadata: {name: nfs-pv, annotations: %s}, spec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], storageClassName: "", nfs: {server: nfs.example, path: /exports}}}
        - manifest: {apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: pvc-1}, spec: {accessModes: [ReadWriteOnce], storageClassName: "", resources: {requests: {storage: 1Gi}}}}
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              securityContext: {runAsUser: 1000, runAsGroup: 1000}
              containers: [{name: app, image: busybox, volumeMounts: [{name: v, mountPath: /mnt/volume1}]}]
              volumes: [{name: v, persistentVolumeClaim: {claimName: pvc-1}}]
        steps:
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 2m}
        """.formatted(annotations);
  }

  @Test
  void volumeGidAnnotationGrantsTheGroupToThePodsProcesses() {
    Run run = runSpec(dir, spec("{pv.beta.kubernetes.io/gid: \"777\"}") + """
        - exec: {pod: web, container: app, write: /mnt/volume1/SUCCESS, content: ok}
        - expect: {file: {nfs: nfs.example, path: /exports/SUCCESS}, uid: 1000}
        """);
    assertThat(run.code()).as(run.toString()).isZero();
  }

  @Test
  void withoutTheAnnotationTheGroupIsMissing() {
    Run run = runSpec(dir, spec("{}") + """
        - exec: {pod: web, container: app, write: /mnt/volume1/SUCCESS, content: ok}
          expectError: "Permission denied"
        """);
    assertThat(run.code()).as(run.toString()).isZero();
  }

  @Test
  void aValueThatIsNotANumberAddsNoGroup() {
    Run run = runSpec(dir, spec("{pv.beta.kubernetes.io/gid: \"staff\"}") + """
        - exec: {pod: web, container: app, write: /mnt/volume1/SUCCESS, content: ok}
          expectError: "Permission denied"
        """);
    assertThat(run.code()).as(run.toString()).isZero();
  }
}
