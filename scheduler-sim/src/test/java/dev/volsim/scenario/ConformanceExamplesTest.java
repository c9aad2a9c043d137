package dev.volsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario under {@code examples/scenarios/conformance} runs and exits 0: each replays what
 * one of Kubernetes' own e2e tests checks (the test is named in the file).
 */
class ConformanceExamplesTest {
  private static final Path FOLDER = Path.of("..", "examples", "scenarios", "conformance");

  @TestFactory
  Stream<DynamicTest> everyConformanceScenarioHolds() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(FOLDER)) {
      files = s.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/manifests/")).sorted().toList();
    }
    return files.stream().map(f -> DynamicTest.dynamicTest(FOLDER.relativize(f).toString(), () -> {
      ScenarioHarness.Run run = ScenarioHarness.run(f);
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out()).doesNotContain("FAIL ");
    }));
  }
}
