package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the kubelet reports when the runtime cannot create a container. */
class KubeletErrorsTest {
  @TempDir Path dir;

  @Test
  void aContainerThatCannotBeCreatedWaitsInCreateContainerErrorWithAFailedEvent() {
    Run run = runSpec(dir, """
        objects:
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              nodeName: node-1
              volumes: [{name: lock, hostPath: {path: /run/app.lock, type: FileOrCreate}}]
              # a file cannot be mounted over the image's /etc directory
              containers: [{name: app, image: busybox, volumeMounts: [{name: lock, mountPath: /etc}]}]
        steps:
        - advance: 1m
        - expect: {object: pod/web, field: status.phase, equals: Pending}
        - expect: {object: pod/web, field: "status.containerStatuses[name=app].state.waiting.reason", equals: CreateContainerError}
        - expect: {event: {object: pod/web, type: Warning, reason: Failed, messageContains: "Not a directory"}, atLeast: 2}
        - expect: {trace: {type: ContainerStarted, pod: web}, never: true}
        """);
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
  }
}
