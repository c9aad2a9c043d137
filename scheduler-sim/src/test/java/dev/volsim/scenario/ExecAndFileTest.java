package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code exec} and {@code admin} steps and {@code file} expectations, through {@code volsim run}. */
class ExecAndFileTest {
  @TempDir
  Path dir;

  private static void assertPassed(Run run) {
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).as(run.toString()).doesNotContain("FAIL ");
  }

  private static final String SHARED = """
      objects:
      - manifest:
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            volumes: [{name: shared, emptyDir: {}}]
            containers:
            - {name: writer, image: busybox, volumeMounts: [{name: shared, mountPath: /out}]}
            - {name: reader, image: busybox, volumeMounts: [{name: shared, mountPath: /in, readOnly: true}]}
      """;

  @Test
  void containersShareAnEmptyDirButNotTheirRootFileSystems() {
    Run run = runSpec(dir, SHARED + """
        steps:
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 2m}
        - exec: {pod: web, container: writer, write: /out/index.html, content: hello}
        - expect: {file: {pod: web, container: reader, path: /in/index.html}, content: hello, type: file, size: 5}
        - exec: {pod: web, container: writer, write: /out/big, size: 1Ki}
        - expect: {file: {pod: web, container: reader, path: /in/big}, size: 1Ki}
        - exec: {pod: default/web, container: reader, read: /in/index.html}
        - exec: {pod: web, container: writer, mkdir: /out/sub}
        - expect: {file: {pod: web, container: reader, path: /in}, entries: [big, index.html, sub]}
        - exec: {pod: web, container: writer, write: /local.txt, content: x}
        - expect: {file: {pod: web, container: writer, path: /local.txt}, exists: true}
        - expect: {file: {pod: web, container: reader, path: /local.txt}, exists: false}
        - expect: {file: {pod: web, container: reader, path: /local.txt}, error: "No such file or directory"}
        - exec: {pod: web, container: reader, write: /in/x, content: y}
          expectError: "Read-only file system"
        """);
    assertPassed(run);
    assertThat(run.out()).contains("read \"hello\"");
  }

  @Test
  void aContainersRootStartsWithTheUsualTopDirectoriesAndAWorldWritableTmp() {
    Run run = runSpec(dir, SHARED + """
        steps:
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 2m}
        - expect: {file: {pod: web, container: writer, path: /}, entries: [bin, etc, home, out, root, tmp, usr, var]}
        - expect: {file: {pod: web, container: writer, path: /tmp}, type: directory, mode: "1777"}
        - exec: {pod: web, container: writer, as: {uid: 1000, gid: 1000}, write: /tmp/scratch, content: mine}
        - expect: {file: {pod: web, container: writer, path: /tmp/scratch}, uid: 1000, content: mine}
        - expect: {file: {pod: web, container: reader, path: /tmp/scratch}, exists: false}
        - exec: {pod: web, container: writer, as: {uid: 1000, gid: 1000}, write: /etc/motd, content: no}
          expectError: "Permission denied"
        """);
    assertPassed(run);
  }

  @Test
  void aFailedOperationFailsTheStep() {
    Run run = runSpec(dir, SHARED + """
        steps:
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 2m}
        - exec: {pod: web, container: reader, write: /in/x, content: y}
        """);
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).as(run.toString()).contains("Read-only file system");
  }

  @Test
  void aPodWithSeveralContainersNeedsTheContainerNamed() {
    Run run = runSpec(dir, SHARED + """
        steps:
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 2m}
        - exec: {pod: web, read: /in/x}
          expectError: "name one with container"
        - exec: {pod: nothere, read: /x}
          expectError: "not found"
        """);
    assertPassed(run);
  }

  @Test
  void aNonRootUserCannotWriteIntoADirectoryOrCreateHostPathButRootCan() {
    Run run = runSpec(dir, """
        objects:
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: hp}
            spec:
              volumes: [{name: h, hostPath: {path: /var/log/app, type: DirectoryOrCreate}}]
              containers: [{name: app, image: busybox, volumeMounts: [{name: h, mountPath: /logs}]}]
        steps:
        - waitFor: {object: pod/hp, field: status.phase, equals: Running, timeout: 2m}
        - exec: {pod: hp, as: {uid: 1000, gid: 1000}, write: /logs/a, content: x}
          expectError: "Permission denied"
        - exec: {pod: hp, write: /logs/a, content: hi}
        - expect: {file: {pod: hp, path: /logs/a}, content: hi, uid: 0, gid: 0, mode: "0644"}
        - capture: {name: node, value: "${pod/hp.spec.nodeName}"}
        - expect: {file: {node: "${node}", path: /var/log/app/a}, content: hi}
        - expect: {file: {node: "${node}", path: /var/log/app}, type: directory, mode: "0755", entries: [a]}
        - admin: {node: "${node}", append: /var/log/app/a, content: " there"}
        - expect: {file: {pod: hp, container: app, path: /logs/a}, contains: there}
        - admin: {node: "${node}", chmod: {path: /var/log/app, mode: "0777"}}
        - exec: {pod: hp, as: {uid: 1000, gid: 1000}, write: /logs/b, content: x}
        - expect: {file: {node: "${node}", path: /var/log/app/b}, uid: 1000, gid: 1000}
        """);
    assertPassed(run);
  }
}
