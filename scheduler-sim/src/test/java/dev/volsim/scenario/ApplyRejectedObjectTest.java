package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code apply} of an object the API server refuses is a failed step (exit 1), so with
 * {@code expectError} it passes: the scenario contract's "an API rejection ... unless it says
 * expectError". Without expectError the same object is still reported where it stands.
 */
class ApplyRejectedObjectTest {
  @TempDir Path dir;

  private static final String POD = """
        - apply:
            manifest:
              apiVersion: v1
              kind: Pod
              metadata: {name: bad}
              spec:
                volumes: [{name: v, emptyDir: {}}]
                containers: [{name: c, image: busybox, volumeMounts: [{name: v, mountPath: /v, subPath: /etc}]}]
        """;

  @Test
  void anInvalidObjectInAnApplyWithExpectErrorFailsThatStepAsExpected() {
    Run run = runSpec(dir, "steps:\n" + POD + """
          expectError: "must be a relative path"
        - expect: {absent: pod/bad}
        """);
    assertThat(run.code()).as(run.toString()).isZero();
  }

  @Test
  void anInvalidObjectWithAnotherExpectedErrorFailsTheRun() {
    Run run = runSpec(dir, "steps:\n" + POD + """
          expectError: "something else"
        """);
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("must be a relative path");
  }

  @Test
  void anInvalidObjectWithoutExpectErrorIsStillAnInvalidScenario() {
    Run run = runSpec(dir, "steps:\n" + POD);
    assertThat(run.code()).as(run.toString()).isEqualTo(2);
  }
}
