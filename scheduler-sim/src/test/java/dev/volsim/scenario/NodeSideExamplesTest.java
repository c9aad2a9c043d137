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
 * Every scenario under {@code examples/scenarios/seed} (the chapter's four examples) and
 * {@code examples/scenarios/stories} (the classic node-side stories) runs and exits 0.
 */
class NodeSideExamplesTest {
  private static final Path EXAMPLES = Path.of("..", "examples", "scenarios");

  @TestFactory
  Stream<DynamicTest> everySeedExampleHolds() throws IOException {
    return runAll(EXAMPLES.resolve("seed"));
  }

  @TestFactory
  Stream<DynamicTest> everyStoryHolds() throws IOException {
    return runAll(EXAMPLES.resolve("stories"));
  }

  private static Stream<DynamicTest> runAll(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      ScenarioHarness.Run run = ScenarioHarness.run(f);
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.outLines()).as(run.toString()).last().asString().startsWith("fingerprint: sha256:");
      assertThat(run.out()).doesNotContain("FAIL ");
    }));
  }
}
