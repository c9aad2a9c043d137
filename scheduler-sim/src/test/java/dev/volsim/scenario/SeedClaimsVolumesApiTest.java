package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed claims of the chapter's section 1 and 2 about the volume API (C9 to C13, C16's describe
 * lines): what the API server accepts and refuses, what a container's mount table and
 * {@code kubectl describe} show. Each runs as a scenario through {@code volsim run}.
 */
class SeedClaimsVolumesApiTest {
  @TempDir Path dir;

  private static void assertPassed(Run run) {
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.outLines()).filteredOn(l -> l.startsWith("FAIL")).isEmpty();
  }

  private static final String ENVOY = """
      objects:
      - manifest:
          apiVersion: v1
          kind: Pod
          metadata: {name: volumes-emptydir-demo, namespace: default}
          spec:
            nodeName: node-1
            initContainers:
            - name: config-file-downloader
              image: ikubernetes/admin-box
              volumeMounts: [{name: config-file-store, mountPath: /data}]
            containers:
            - name: envoy
              image: envoyproxy/envoy-alpine:v1.13.1
              volumeMounts: [{name: config-file-store, mountPath: /etc/envoy, readOnly: true}]
            volumes:
            - name: config-file-store
              emptyDir: {medium: Memory, sizeLimit: 16Mi}
      """;

  @Test
  void C16_describeShowsTheMountsAndTheMemoryBackedEmptyDir() {
    assertPassed(runSpec(dir, ENVOY + """
        steps:
        - waitFor: {object: pod/volumes-emptydir-demo, field: status.phase, equals: Running, timeout: 2m}
        - expect:
            describe: pod/volumes-emptydir-demo
            contains:
            - "/data from config-file-store (rw)"
            - "/etc/envoy from config-file-store (ro)"
            - "Type: EmptyDir (a temporary directory that shares a pod's lifetime)"
            - "Medium: Memory"
            - "SizeLimit: 16Mi"
        """));
  }
}
