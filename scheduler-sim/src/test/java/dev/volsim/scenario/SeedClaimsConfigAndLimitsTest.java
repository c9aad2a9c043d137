package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed claims about emptyDir limits (C15) and ConfigMap, Secret and Downward API volumes (C6, C34),
 * each as a scenario replayed through {@code volsim run}: eviction of a disk-backed emptyDir over its
 * sizeLimit, a bounded tmpfs for a Memory one, and configuration volumes that follow their objects
 * at the kubelet's next pod sync, except through subPath.
 */
class SeedClaimsConfigAndLimitsTest {
  @TempDir Path dir;

  private static void assertPassed(Run run) {
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.outLines()).filteredOn(l -> l.startsWith("FAIL")).isEmpty();
  }

  private static String emptyDirPod(String name, String emptyDir, String resources) {
    return "{apiVersion: v1, kind: Pod, metadata: {name: " + name + "}, spec: {nodeName: node-1, "
        + "volumes: [{name: scratch, emptyDir: " + emptyDir + "}], "
        + "containers: [{name: app, image: busybox, " + resources + "volumeMounts: [{name: scratch, mountPath: /scratch}]}]}}";
  }

  @Test
  void C15_aDiskBackedEmptyDirOverItsSizeLimitGetsThePodEvicted() {
    assertPassed(runSpec(dir, "objects:\n"
        + "- manifest: " + emptyDirPod("cache", "{sizeLimit: 16Mi}", "") + "\n"
        + """
        steps:
        - waitFor: {object: pod/cache, field: status.phase, equals: Running, timeout: 2m}
        - capture: {name: uid, value: "${pod/cache.metadata.uid}"}
        - exec: {pod: cache, write: /scratch/blob, size: 17Mi}
        - expect: {file: {pod: cache, path: /scratch/blob}, size: 17825792}
        - waitFor: {object: pod/cache, field: status.phase, equals: Failed, timeout: 3m}
        - expect: {object: pod/cache, field: status.reason, equals: Evicted}
        - expect: {object: pod/cache, field: status.message, equals: "Usage of EmptyDir volume \\"scratch\\" exceeds the limit \\"16Mi\\". "}
        - expect: {event: {object: pod/cache, type: Warning, reason: Evicted, messageContains: "Usage of EmptyDir volume \\"scratch\\" exceeds the limit \\"16Mi\\"."}, count: 1}
        - expect: {object: "pod/cache", field: "status.containerStatuses[name=app].state.terminated.exitCode", equals: 137}
        - waitFor: {file: {node: node-1, path: "/var/lib/kubelet/pods/${uid}/volumes/kubernetes.io~empty-dir/scratch"}, exists: false, timeout: 10s}
        - advance: 5m
        - expect: {object: pod/cache, field: status.phase, equals: Failed}
        - expectOrder:
          - {type: Evicted, pod: cache}
          - {type: ContainerKilled, pod: cache, container: app}
          - {type: TearDown, pod: cache}
        - delete: {object: pod/cache}
        - waitFor: {absent: pod/cache, timeout: 30s}
        """));
  }
}
