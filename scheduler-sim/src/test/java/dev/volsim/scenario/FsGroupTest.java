package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Pod's {@code securityContext.fsGroup} as the kubelet applies it after SetUp
 * ({@code SetVolumeOwnership}): volumes whose plugin manages ownership become group-owned and
 * group-writable, with set-group-ID directories; hostPath is left alone; a CSI volume only as its
 * driver's {@code fsGroupPolicy} says (the default, ReadWriteOnceWithFSType, needs an fsType on
 * the PV, which csi-provisioner sets only from the class's {@code csi.storage.k8s.io/fstype}).
 */
class FsGroupTest {
  @TempDir Path dir;

  private static void assertPassed(Run run) {
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.outLines()).filteredOn(l -> l.startsWith("FAIL")).isEmpty();
  }

  private static String podWithClaim(String className) {
    return """
        objects:
        - manifest:
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: %1$s}
            provisioner: disk.csi.volsim.dev
            volumeBindingMode: WaitForFirstConsumer
            %2$s
        - manifest:
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data}
            spec: {storageClassName: %1$s, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: app}
            spec:
              securityContext: {runAsUser: 1000, runAsGroup: 1000, fsGroup: 2000}
              volumes:
              - {name: data, persistentVolumeClaim: {claimName: data}}
              - {name: scratch, emptyDir: {}}
              - {name: logs, hostPath: {path: /var/log/app, type: DirectoryOrCreate}}
              containers:
              - name: app
                image: busybox
                volumeMounts:
                - {name: data, mountPath: /data}
                - {name: scratch, mountPath: /scratch}
                - {name: logs, mountPath: /logs}
        steps:
        - waitFor: {object: pod/app, field: status.phase, equals: Running, timeout: 3m}
        """.formatted(className, className.equals("with-fstype")
            ? "parameters: {csi.storage.k8s.io/fstype: ext4}" : "parameters: {}");
  }

  @Test
  void fsGroupMakesAnEmptyDirSetgidSoNewFilesBelongToTheGroup() {
    assertPassed(runSpec(dir, podWithClaim("with-fstype") + """
        - expect: {file: {pod: app, path: /scratch}, mode: "2777", gid: 2000}
        - exec: {pod: app, write: /scratch/tmp.txt, content: x}
        - expect: {file: {pod: app, path: /scratch/tmp.txt}, uid: 1000, gid: 2000}
        """));
  }

  @Test
  void fsGroupGivesAFormattedCsiDiskToANonRootProcessWhenThePvHasAnFsType() {
    assertPassed(runSpec(dir, podWithClaim("with-fstype") + """
        - expect: {object: "pv/${pvc/data.spec.volumeName}", field: spec.csi.fsType, equals: ext4}
        - expect: {file: {pod: app, path: /data}, mode: "2775", uid: 0, gid: 2000}
        - exec: {pod: app, write: /data/db, content: rows}
        - expect: {file: {pod: app, path: /data/db}, gid: 2000}
        """));
  }

  @Test
  void withoutAnFsTypeTheDefaultPolicyLeavesTheDiskToRootAndTheWriteIsDenied() {
    assertPassed(runSpec(dir, podWithClaim("without-fstype") + """
        - expect: {object: "pv/${pvc/data.spec.volumeName}", field: spec.csi.fsType, exists: false}
        - expect: {file: {pod: app, path: /data}, uid: 0, gid: 0}
        - exec: {pod: app, write: /data/db, content: rows}
          expectError: "Permission denied"
        """));
  }

  @Test
  void hostPathIsNeverGivenToTheFsGroup() {
    assertPassed(runSpec(dir, podWithClaim("with-fstype") + """
        - expect: {file: {pod: app, path: /logs}, mode: "0755", uid: 0, gid: 0}
        - exec: {pod: app, write: /logs/app.log, content: x}
          expectError: "Permission denied"
        """));
  }

  @Test
  void fsGroupGivesConfigMapAndSecretFilesTheGroupWithGroupReadAlthoughContainersSeeThemReadOnly() {
    assertPassed(runSpec(dir, """
        objects:
        - manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: cm}, data: {data-1: value-1}}
        - manifest: {apiVersion: v1, kind: Secret, metadata: {name: sec}, stringData: {data-1: value-1}}
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: app}
            spec:
              nodeName: node-1
              securityContext: {runAsUser: 1000, fsGroup: 1001}
              volumes:
              - {name: cm, configMap: {name: cm, items: [{key: data-1, path: data-1, mode: 0400}]}}
              - {name: sec, secret: {secretName: sec, defaultMode: 0400}}
              containers:
              - {name: app, image: busybox, volumeMounts: [{name: cm, mountPath: /cm}, {name: sec, mountPath: /sec}]}
        steps:
        - waitFor: {object: pod/app, field: status.phase, equals: Running, timeout: 1m}
        - expect: {file: {pod: app, path: /cm/..data/data-1}, mode: "0440", uid: 0, gid: 1001}
        - expect: {file: {pod: app, path: /sec/..data/data-1}, mode: "0440", uid: 0, gid: 1001}
        - expect: {file: {pod: app, path: /sec/data-1}, content: value-1}
        - exec: {pod: app, write: /sec/other, content: x}
          expectError: "Read-only file system"
        """));
  }
}
