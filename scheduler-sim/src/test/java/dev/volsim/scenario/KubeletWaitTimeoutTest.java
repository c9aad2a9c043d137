package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubelet's WaitForAttachAndMount gives up after 2m3s. Up to 1.27 the timeout was an error
 * recorded as a FailedMount event ("... timed out waiting for the condition"); from 1.28
 * (kubernetes#117412) the wait runs under a context and its timeout is an interruption, which
 * syncPod neither records nor logs: the Pod just waits on, and only the attach/detach controller's
 * events tell why.
 */
class KubeletWaitTimeoutTest {
  @TempDir Path dir;

  private static void assertPassed(Run run) {
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.outLines()).filteredOn(l -> l.startsWith("FAIL")).isEmpty();
  }

  /** An in-tree EBS volume migrated to a CSI driver the cluster does not run: it is never attached. */
  private static String podWaitingForAnAttach(String version) {
    return """
        kubernetes: {version: "%s"}
        objects:
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: db}
            spec:
              nodeName: node-1
              volumes: [{name: data, awsElasticBlockStore: {volumeID: vol-0abc}}]
              containers: [{name: db, image: busybox, volumeMounts: [{name: data, mountPath: /data}]}]
        steps:
        - advance: 2m10s
        - expect: {object: pod/db, field: status.phase, equals: Pending}
        """.formatted(version);
  }

  @Test
  void upTo127TheTimeoutIsAFailedMountEvent() {
    assertPassed(runSpec(dir, podWaitingForAnAttach("1.27") + """
        - expect:
            event: {object: pod/db, type: Warning, reason: FailedMount, messageMatches: "^Unable to attach or mount volumes: unmounted volumes=\\\\[data\\\\], unattached volumes=\\\\[data\\\\], failed to process volumes=\\\\[\\\\]: timed out waiting for the condition$"}
            count: 1
        """));
  }

  @Test
  void from128TheTimeoutIsQuiet() {
    assertPassed(runSpec(dir, podWaitingForAnAttach("1.34") + """
        - expect: {event: {object: pod/db, reason: FailedMount}, count: 0}
        - expect: {event: {object: pod/db, reason: FailedAttachVolume, source: attachdetach-controller}, atLeast: 1}
        """));
  }
}
