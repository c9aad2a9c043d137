package dev.volsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code volsim bench}: its targets and usage errors (the figures themselves are never asserted). */
class BenchCommandTest {
  private static final String ENVOY = "../examples/scenarios/seed/envoy-emptydir.yaml";

  @Test
  void scenariosReplaysEachFileAndEndsWithTheOverallRate() {
    CliRun run = CliRun.of("bench", "scenarios", "--rounds", "1", ENVOY);
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.outLines()).hasSize(2);
    assertThat(run.outLines().get(0)).matches("envoy-emptydir\\.yaml runs=1 runs/s=[0-9.]+ entries/run=\\d+ entries/s=\\d+");
    assertThat(run.outLines().get(1)).matches("runs/s=[0-9.]+");
  }

  @Test
  void scenariosWithoutFilesIsAUsageError() {
    CliRun run = CliRun.of("bench", "scenarios");
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("give one or more scenario files");
  }

  @Test
  void anUnknownTargetNamesTheKnownOnes() {
    CliRun run = CliRun.of("bench", "disks");
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("unknown target \"disks\" (known: engine, scenarios)");
  }
}
