package dev.volsim.model.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.model.IntOrString;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import org.junit.jupiter.api.Test;

/** Real manifests carry probes and hooks: they load strictly, with the API's defaults. */
class ProbesAndHooksTest {
  @Test
  void probesAndLifecycleHooksLoadWithTheirDefaults() {
    LoadResult r = ManifestLoader.strict().parse("pod.yaml", """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
          - name: nginx
            image: nginx:1.27
            livenessProbe:
              httpGet: {port: 80}
            readinessProbe:
              tcpSocket: {port: http}
              periodSeconds: 5
            startupProbe:
              exec: {command: [cat, /tmp/ready]}
              failureThreshold: 30
            lifecycle:
              preStop:
                exec: {command: [nginx, -s, quit]}
        """);
    assertThat(r.problems()).isEmpty();
    Container c = ((Pod) r.objects().get(0)).spec().containers().get(0);
    assertThat(c.livenessProbe().httpGet().path()).isEqualTo("/");
    assertThat(c.livenessProbe().httpGet().scheme()).isEqualTo("HTTP");
    assertThat(c.livenessProbe().httpGet().port()).isEqualTo(IntOrString.of(80));
    assertThat(c.livenessProbe().periodSeconds()).isEqualTo(10);
    assertThat(c.livenessProbe().timeoutSeconds()).isEqualTo(1);
    assertThat(c.livenessProbe().failureThreshold()).isEqualTo(3);
    assertThat(c.readinessProbe().tcpSocket().port()).isEqualTo(IntOrString.of("http"));
    assertThat(c.readinessProbe().periodSeconds()).isEqualTo(5);
    assertThat(c.startupProbe().exec().command()).containsExactly("cat", "/tmp/ready");
    assertThat(c.lifecycle().preStop().exec().command()).containsExactly("nginx", "-s", "quit");
  }

  @Test
  void aMisspelledProbeFieldIsStillAnUnknownField() {
    LoadResult r = ManifestLoader.strict().parse("pod.yaml", """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
          - name: nginx
            image: nginx
            livenessProbe: {httpGet: {port: 80}, periodSecond: 5}
        """);
    assertThat(r.problems()).extracting(p -> p.message())
        .containsExactly("unknown field \"spec.containers[0].livenessProbe.periodSecond\"");
  }
}
