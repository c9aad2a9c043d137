package dev.volsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code volsim validate} on hostile files: one line naming the file and place, exit 1, no hang.
 * The timeout only guards against a hang; speed itself is measured, not asserted.
 */
class ValidateHostileInputTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(20);

  @Test
  void aliasBombIsRefusedWithOneLine(@TempDir Path dir) throws Exception {
    StringBuilder y = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\n");
    y.append("x0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (int i = 1; i <= 9; i++) {
      y.append("x").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        y.append(j == 0 ? "" : ",").append("*a").append(i - 1);
      }
      y.append("]\n");
    }
    Path bomb = dir.resolve("bomb.yaml");
    Files.writeString(bomb, y.toString());
    CliRun run = assertTimeoutPreemptively(HANG_GUARD, () -> CliRun.of("validate", bomb.toString()));
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.errLines()).singleElement().asString()
        .startsWith(bomb + ":").endsWith("yaml: document contains excessive aliasing");
  }

  @Test
  void deepNestingIsRefusedWithOneLine(@TempDir Path dir) throws Exception {
    Path deep = dir.resolve("deep.yaml");
    Files.writeString(deep, "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
    CliRun run = assertTimeoutPreemptively(HANG_GUARD, () -> CliRun.of("validate", deep.toString()));
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.errLines()).singleElement().asString().startsWith(deep + ":1:").contains("nested too deeply");
  }
}
