package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubelet resolves a volumeMount's subPath on the node and refuses one that symlinks lead out
 * of the volume (subpath_linux.go): the container waits in CreateContainerConfigError, and the
 * node's own files never show in it. Symlinks that stay inside the volume are followed.
 */
class SubPathSafetyTest {
  @TempDir Path dir;

  private static void assertPassed(Run run) {
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.outLines()).filteredOn(l -> l.startsWith("FAIL")).isEmpty();
  }

  private static String pod(String target, String medium) {
    return """
        behaviors:
        - match: {pod: app, container: init}
          onStart: [{mkdir: /vol/real}, {write: /vol/real/f, content: inside}, {symlink: {path: /vol/sub, target: "%s"}}]
        cluster:
          nodes:
          - name: node-1
            files: [{path: /etc/shadow, content: "root:secret", mode: "0600"}]
        objects:
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: app}
            spec:
              nodeName: node-1
              volumes: [{name: vol, emptyDir: {%s}}]
              initContainers: [{name: init, image: busybox, volumeMounts: [{name: vol, mountPath: /vol}]}]
              containers: [{name: app, image: busybox, volumeMounts: [{name: vol, mountPath: /data, subPath: sub}]}]
        steps:
        """.formatted(target, medium);
  }

  @Test
  void aSubPathSymlinkedToANodeDirectoryIsRefusedWithCreateContainerConfigError() {
    assertPassed(runSpec(dir, pod("/etc", "") + """
        - waitFor: {object: pod/app, field: "status.containerStatuses[name=app].state.waiting.reason", equals: CreateContainerConfigError, timeout: 1m}
        - expect: {object: pod/app, field: "status.containerStatuses[name=app].state.waiting.message", equals: "failed to prepare subPath for volumeMount \\"vol\\" of container \\"app\\""}
        - expect: {event: {object: pod/app, type: Warning, reason: Failed, messageContains: "Error: failed to prepare subPath"}}
        - advance: 1m
        - expect: {trace: {type: ContainerStarted, pod: app, container: app}, never: true}
        """));
  }

  @Test
  void aSubPathBacksteppingOutOfATmpfsVolumeIsRefused() {
    assertPassed(runSpec(dir, pod("../", "medium: Memory") + """
        - waitFor: {object: pod/app, field: "status.containerStatuses[name=app].state.waiting.reason", equals: CreateContainerConfigError, timeout: 1m}
        """));
  }

  @Test
  void aSubPathSymlinkedToAMissingNodePathIsNotMadeThere() {
    assertPassed(runSpec(dir, pod("/etc/made-by-kubelet", "") + """
        - waitFor: {object: pod/app, field: "status.containerStatuses[name=app].state.waiting.message", equals: "failed to create subPath directory for volumeMount \\"vol\\" of container \\"app\\"", timeout: 1m}
        - expect: {file: {node: node-1, path: /etc/made-by-kubelet}, exists: false}
        """));
  }

  @Test
  void aSubPathSymlinkedInsideTheVolumeIsFollowed() {
    assertPassed(runSpec(dir, pod("real", "") + """
        - waitFor: {object: pod/app, field: status.phase, equals: Running, timeout: 1m}
        - expect: {file: {pod: app, path: /data/f}, content: inside}
        """));
  }

  @Test
  void aSubPathExprExpandingToAnAbsolutePathIsRefusedOnTheNode() {
    assertPassed(runSpec(dir, """
        objects:
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: app}
            spec:
              nodeName: node-1
              volumes: [{name: vol, emptyDir: {}}]
              containers:
              - name: app
                image: busybox
                env: [{name: DIR, value: /etc}]
                volumeMounts: [{name: vol, mountPath: /data, subPathExpr: "$(DIR)"}]
        steps:
        - waitFor: {object: pod/app, field: "status.containerStatuses[name=app].state.waiting.reason", equals: CreateContainerConfigError, timeout: 1m}
        - expect: {object: pod/app, field: "status.containerStatuses[name=app].state.waiting.message", equals: "error SubPath `/etc` must not be an absolute path"}
        """));
  }
}
