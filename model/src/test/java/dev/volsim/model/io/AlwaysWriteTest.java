package dev.volsim.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Fields without omitempty upstream are written even when false, as the API server writes them. */
class AlwaysWriteTest {
  @Test
  void containerReadyFalseIsWrittenButReadOnlyFalseIsNot() {
    LoadResult r = ManifestLoader.strict().parse("pod.yaml", """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          volumes: [{name: data, emptyDir: {}}]
          containers: [{name: app, image: busybox:1, volumeMounts: [{name: data, mountPath: /data, readOnly: false}]}]
        status:
          containerStatuses: [{name: app, ready: false, restartCount: 0, image: busybox:1, imageID: ""}]
        """);
    assertThat(r.problems()).isEmpty();
    String yaml = ManifestWriter.toYaml(r.objects().get(0));
    assertThat(yaml).contains("    ready: false\n").doesNotContain("readOnly");
  }
}
