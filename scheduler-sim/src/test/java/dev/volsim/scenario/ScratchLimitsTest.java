package dev.volsim.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchLimitsTest {
  @TempDir Path dir;

  @Test
  void show() throws Exception {
    String spec = Files.readString(Path.of("/tmp/scratch-spec.yaml"));
    var run = ScenarioHarness.runSpec(dir, spec, System.getProperty("scratchArgs", "-v").split(" "));
    System.out.println(run);
  }
}
