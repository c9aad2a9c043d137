package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CreateVolume the driver does not answer: csi-provisioner gives up at its 10 s {@code --timeout}
 * with DeadlineExceeded, which is not a final error, so the claim keeps the scheduler's selected
 * node and is provisioned on a later try.
 */
class ProvisioningTimeoutTest {
  @TempDir Path dir;

  @Test
  void aCreateVolumeThatTimesOutFailsAtTheDeadlineAndKeepsTheSelectedNode() {
    Run run = runSpec(dir, """
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
              containers: [{name: db, image: busybox, volumeMounts: [{name: data, mountPath: /data}]}]
        steps:
        - inject: {failure: {operation: provision, claim: data, times: 1, mode: timeout, message: "rpc error: code = DeadlineExceeded desc = context deadline exceeded"}}
        - waitFor: {event: {object: pvc/data, reason: Provisioning}, timeout: 30s}
        - capture: {name: node, value: "${pvc/data.metadata.annotations[\\"volume.kubernetes.io/selected-node\\"]}"}
        - advance: 9s
        - expect: {event: {object: pvc/data, reason: ProvisioningFailed}, count: 0}
        - waitFor: {event: {object: pvc/data, type: Warning, reason: ProvisioningFailed, messageContains: DeadlineExceeded}, timeout: 5s}
        - expect: {trace: {type: Provisioned, claim: default/data, outcome: timeout}, count: 1}
        - expect: {object: pvc/data, field: "metadata.annotations[\\"volume.kubernetes.io/selected-node\\"]", equals: "${node}"}
        - waitFor: {object: pvc/data, field: status.phase, equals: Bound, timeout: 1m}
        - waitFor: {object: pod/db, field: spec.nodeName, equals: "${node}", timeout: 1m}
        """);
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.outLines()).filteredOn(l -> l.startsWith("FAIL")).isEmpty();
  }
}
