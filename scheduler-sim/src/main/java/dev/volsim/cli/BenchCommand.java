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
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Measure volsim's speed. Targets: engine (the event loop against a bare priority queue).")
final class BenchCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TARGET", description = "What to measure: engine.")
  private String target;

  @Option(names = "--events", description = "Events per round (default: ${DEFAULT-VALUE}).", defaultValue = "2000000")
  private long events;

  @Option(names = "--rounds", description = "Measured rounds after 3 warm-up rounds (default: ${DEFAULT-VALUE}).",
      defaultValue = "5")
  private int rounds;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!"engine".equals(target)) {
      err.println("volsim bench: unknown target \"" + target + "\" (known: engine)");
      return ExitCodes.USAGE;
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
}
