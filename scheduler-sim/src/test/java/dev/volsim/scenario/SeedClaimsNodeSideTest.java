package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed claims of the chapter's sections 1 to 3 that the running node side shows, each as a
 * scenario replayed through {@code volsim run} (see /docs/semantics.md for the upstream sources).
 */
class SeedClaimsNodeSideTest {
  @TempDir Path dir;

  private static void assertPassed(Run run) {
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.outLines()).filteredOn(l -> l.startsWith("FAIL")).isEmpty();
  }

  private static final String TWO_CONTAINERS = """
      objects:
      - manifest:
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            nodeName: node-1
            volumes: [{name: shared, emptyDir: {}}]
            containers:
            - {name: a, image: busybox, volumeMounts: [{name: shared, mountPath: /data}]}
            - {name: b, image: busybox, volumeMounts: [{name: shared, mountPath: /srv/shared}]}
            - {name: c, image: busybox}
      """;

  @Test
  void C1_aVolumeBelongsToThePodAndEveryContainerMayMountItOrNone() {
    assertPassed(runSpec(dir, TWO_CONTAINERS + """
        steps:
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 2m}
        - expect: {object: pod/web, field: "status.containerStatuses[name=c].ready", equals: true}
        - exec: {pod: web, container: a, write: /data/from-a, content: "1"}
        - expect: {file: {pod: web, container: b, path: /srv/shared/from-a}, content: "1"}
        - expect: {file: {pod: web, container: c, path: /data}, exists: false}
        """));
  }

  @Test
  void C2_aFileWrittenOutsideAnyVolumeIsInvisibleToTheOtherContainer() {
    assertPassed(runSpec(dir, TWO_CONTAINERS + """
        steps:
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 2m}
        - exec: {pod: web, container: a, write: /tmp/private, content: secret}
        - expect: {file: {pod: web, container: a, path: /tmp/private}, content: secret}
        - expect: {file: {pod: web, container: b, path: /tmp/private}, error: "No such file or directory"}
        """));
  }

  @Test
  void C3_containersMountingTheSameVolumeSeeEachOthersWrites() {
    assertPassed(runSpec(dir, TWO_CONTAINERS + """
        steps:
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 2m}
        - exec: {pod: web, container: a, write: /data/log, content: "a\\n"}
        - exec: {pod: web, container: b, append: /srv/shared/log, content: "b\\n"}
        - expect: {file: {pod: web, container: a, path: /data/log}, content: "a\\nb\\n"}
        - expect: {file: {pod: web, container: b, path: /srv/shared}, entries: [log]}
        """));
  }

  @Test
  void C14_anEmptyDirIsCreatedEmptyOnTheNodeAndDeletedWithThePod() {
    assertPassed(runSpec(dir, TWO_CONTAINERS + """
        steps:
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 2m}
        - capture: {name: uid, value: "${pod/web.metadata.uid}"}
        - expect: {file: {node: node-1, path: "/var/lib/kubelet/pods/${uid}/volumes/kubernetes.io~empty-dir/shared"}, type: directory, mode: "0777", entries: []}
        - exec: {pod: web, container: a, write: /data/cache.db, content: warm}
        - expect: {file: {node: node-1, path: "/var/lib/kubelet/pods/${uid}/volumes/kubernetes.io~empty-dir/shared/cache.db"}, content: warm}
        - delete: {object: pod/web}
        - waitFor: {absent: pod/web, timeout: 1m}
        - expect: {file: {node: node-1, path: "/var/lib/kubelet/pods/${uid}/volumes/kubernetes.io~empty-dir/shared"}, exists: false}
        - expectOrder:
          - {type: SetUp, pod: web}
          - {type: ContainerStarted, pod: web}
          - {type: TearDown, pod: web}
          - {type: PodRemoved, pod: web}
        """));
  }

  private static String hostPathPod(String name, String node) {
    return "{apiVersion: v1, kind: Pod, metadata: {name: " + name + "}, spec: {nodeName: " + node + ", "
        + "volumes: [{name: logs, hostPath: {path: /srv/logs, type: DirectoryOrCreate}}], "
        + "containers: [{name: app, image: busybox, volumeMounts: [{name: logs, mountPath: /logs}]}]}}";
  }

  @Test
  void C20_C24_hostPathDataStaysOnItsNodeAndIsMissingOnAnother() {
    assertPassed(runSpec(dir, "steps:\n"
        + "- apply: {manifest: " + hostPathPod("first", "node-1") + "}\n"
        + "- waitFor: {object: pod/first, field: status.phase, equals: Running, timeout: 2m}\n"
        + "- exec: {pod: first, write: /logs/app.log, content: day-1}\n"
        + "- delete: {object: pod/first}\n"
        + "- waitFor: {absent: pod/first, timeout: 1m}\n"
        + "- expect: {file: {node: node-1, path: /srv/logs/app.log}, content: day-1}\n"
        + "- apply: {manifests: [" + hostPathPod("again", "node-1") + ", " + hostPathPod("elsewhere", "node-2") + "]}\n"
        + "- waitFor: {object: pod/elsewhere, field: status.phase, equals: Running, timeout: 2m}\n"
        + "- waitFor: {object: pod/again, field: status.phase, equals: Running, timeout: 2m}\n"
        + "- expect: {file: {pod: again, path: /logs/app.log}, content: day-1}\n"
        + "- expect: {file: {pod: elsewhere, path: /logs/app.log}, exists: false}\n"));
  }

  @Test
  void C21_hostPathOrCreateTypesMakeRootOwnedDirectoriesAndFiles() {
    assertPassed(runSpec(dir, """
        objects:
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              nodeName: node-2
              volumes:
              - {name: dir, hostPath: {path: /var/lib/app, type: DirectoryOrCreate}}
              - {name: file, hostPath: {path: /var/lib/app.lock, type: FileOrCreate}}
              containers: [{name: app, image: busybox, volumeMounts: [{name: dir, mountPath: /app}, {name: file, mountPath: /app.lock}]}]
        steps:
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 2m}
        - expect: {file: {node: node-2, path: /var/lib/app}, type: directory, mode: "0755", uid: 0, gid: 0}
        - expect: {file: {node: node-2, path: /var/lib/app.lock}, type: file, mode: "0644", uid: 0, size: 0}
        """));
  }

  @Test
  void C22_aNonRootProcessCannotWriteWhatTheKubeletCreatedButRootCan() {
    assertPassed(runSpec(dir, """
        objects:
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: filebeat}
            spec:
              nodeName: node-1
              volumes: [{name: varlog, hostPath: {path: /var/log/filebeat, type: DirectoryOrCreate}}]
              containers: [{name: filebeat, image: busybox, volumeMounts: [{name: varlog, mountPath: /var/log/filebeat}]}]
        steps:
        - waitFor: {object: pod/filebeat, field: status.phase, equals: Running, timeout: 2m}
        - exec: {pod: filebeat, as: {uid: 1000, gid: 1000}, write: /var/log/filebeat/out.log, content: x}
          expectError: "Permission denied"
        - exec: {pod: filebeat, write: /var/log/filebeat/out.log, content: x}
        - expect: {file: {node: node-1, path: /var/log/filebeat/out.log}, uid: 0, content: x}
        """));
  }
}
