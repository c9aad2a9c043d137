package dev.volsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every scenario under {@code examples/scenarios/control-plane} runs and exits 0. */
class ControlPlaneExamplesTest {
  private static final Path FOLDER = Path.of("..", "examples", "scenarios", "control-plane");

  @TestFactory
  Stream<DynamicTest> everyControlPlaneExampleHolds() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(FOLDER)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(8);
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      ScenarioHarness.Run run = ScenarioHarness.run(f);
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.outLines()).as(run.toString()).last().asString().startsWith("fingerprint: sha256:");
      assertThat(run.out()).doesNotContain("FAIL ");
    }));
  }
}
