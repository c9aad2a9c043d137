package dev.volsim.cli;

import dev.volsim.core.engine.EngineBenchmark;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code volsim bench engine}: the same stream of trivial events through the engine and through a
 * bare {@link java.util.PriorityQueue} loop, at 1,000 and 100,000 pending events; prints both
 * rates and their ratio, and last {@code ratio=<engine/bare>} (the worse of the two sizes).
 * {@code volsim bench scenarios FILE...}: replays each scenario file in this JVM (3 warm-up runs,
 * then {@code --rounds} measured) and prints runs per second and timeline entries per second, last
 * {@code runs/s=<all files>}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Measure volsim's speed. Targets: engine (the event loop against a bare priority queue), "
        + "scenarios FILE... (whole scenario runs in one JVM).")
final class BenchCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TARGET", description = "What to measure: engine or scenarios.")
  private String target;

  @Parameters(index = "1..*", paramLabel = "FILE", description = "Scenario files (target scenarios).")
  private java.util.List<java.nio.file.Path> files = java.util.List.of();

  @Option(names = "--events", description = "Events per round (default: ${DEFAULT-VALUE}).", defaultValue = "2000000")
  private long events;

  @Option(names = "--rounds", description = "Measured rounds after 3 warm-up rounds (default: ${DEFAULT-VALUE}).",
      defaultValue = "5")
  private int rounds;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!"engine".equals(target) && !"scenarios".equals(target)) {
      err.println("volsim bench: unknown target \"" + target + "\" (known: engine, scenarios)");
      return ExitCodes.USAGE;
    }
    if ("scenarios".equals(target)) {
      return scenarios(out, err);
    }
    if (events < 1 || rounds < 1) {
      err.println("volsim bench: --events and --rounds must be at least 1");
      return ExitCodes.USAGE;
    }
    double worst = Double.MAX_VALUE;
    for (int pending : new int[] {1_000, 100_000}) {
      EngineBenchmark.Result r = EngineBenchmark.measure(pending, events, 3, rounds);
      out.println(r);
      out.flush();
      worst = Math.min(worst, r.ratio());
    }
    out.println(String.format(Locale.ROOT, "ratio=%.2f", worst));
    return ExitCodes.OK;
  }

  /** Whole runs of each file: parse once, run 3 times to warm up, then {@code rounds} times timed. */
  private int scenarios(PrintWriter out, PrintWriter err) {
    if (files.isEmpty() || rounds < 1) {
      err.println("volsim bench scenarios: give one or more scenario files (and --rounds of at least 1)");
      return ExitCodes.USAGE;
    }
    long totalNanos = 0;
    long totalRuns = 0;
    for (java.nio.file.Path f : files) {
      dev.volsim.scenario.Scenario scenario;
      try {
        scenario = dev.volsim.scenario.ScenarioParser.parse(f);
      } catch (dev.volsim.scenario.InvalidScenarioException e) {
        e.errors().forEach(err::println);
        return ExitCodes.INVALID;
      }
      long events = 0;
      for (int i = 0; i < 3; i++) {
        runOnce(scenario);
      }
      // Wall-clock time measures the benchmark itself; the simulation never reads it.
      long start = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        events += runOnce(scenario);
      }
      long nanos = System.nanoTime() - start;
      totalNanos += nanos;
      totalRuns += rounds;
      out.println(String.format(Locale.ROOT, "%s runs=%d runs/s=%.1f entries/run=%d entries/s=%.0f", f.getFileName(),
          rounds, rounds * 1e9 / nanos, events / rounds, events * 1e9 / nanos));
      out.flush();
    }
    out.println(String.format(Locale.ROOT, "runs/s=%.1f", totalRuns * 1e9 / totalNanos));
    return ExitCodes.OK;
  }

  /** One run with its timeline counted, not printed; returns the number of timeline entries. */
  private static long runOnce(dev.volsim.scenario.Scenario scenario) {
    long[] lines = new long[1];
    dev.volsim.scenario.ScenarioRunner.run(scenario, dev.volsim.scenario.RunOptions.defaults(), line -> lines[0]++);
    return lines[0];
  }
}
