package dev.volsim.cli;

import dev.volsim.scenario.InvalidScenarioException;
import dev.volsim.scenario.RunOptions;
import dev.volsim.scenario.RunResult;
import dev.volsim.scenario.Scenario;
import dev.volsim.scenario.ScenarioError;
import dev.volsim.scenario.ScenarioParser;
import dev.volsim.scenario.ScenarioRunner;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code volsim run SCENARIO.yaml [--seed N] [--format text|jsonl] [--out FILE] [--quiet]}:
 * replays a scenario.
 *
 * <p>Output, a public contract, on stdout: the timeline (or with {@code --format jsonl} every
 * trace entry as a JSON line; with {@code --out FILE} these go to FILE instead), then one line
 * per check ({@code PASS step 4 expect: ...}; the {@code FAIL ...} line of the step that failed,
 * followed by how to replay it), then {@code fingerprint: sha256:<hex>}. {@code --quiet} prints
 * only the failure and the fingerprint. An invalid scenario prints each problem on stderr as
 * {@code file:line:col: message}.
 *
 * <p>Exit codes: 0 every step and expectation held; 1 one failed; 2 the scenario is invalid (or
 * unreadable, or a usage error); 3 internal error.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Replay a scenario: print its timeline, each check's result and the run's fingerprint.",
        "Exit codes: 0 every expectation held, 1 one failed, 2 invalid scenario (file:line:col on stderr)",
        "or usage error, 3 internal error."})
public final class RunCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO.yaml", description = "The scenario file.")
  private Path scenario;

  @Option(names = "--seed", paramLabel = "N", description = "Use this seed instead of the scenario's spec.seed.")
  private Long seed;

  @Option(names = "--format", paramLabel = "text|jsonl", defaultValue = "text",
      description = "The timeline as text lines (default) or every trace entry as a JSON line.")
  private String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the timeline (or JSON lines) to FILE instead of stdout.")
  private Path out;

  @Option(names = "--quiet", description = "Print only failures and the fingerprint.")
  private boolean quiet;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    RunOptions.Format fmt;
    switch (format.toLowerCase(Locale.ROOT)) {
      case "text" -> fmt = RunOptions.Format.TEXT;
      case "jsonl" -> fmt = RunOptions.Format.JSONL;
      default -> {
        stderr.println("volsim run: --format must be text or jsonl, got \"" + format + "\"");
        stderr.println("Try 'volsim run --help' for more information.");
        return ExitCodes.USAGE;
      }
    }
    Scenario parsed;
    try {
      parsed = ScenarioParser.parse(scenario);
    } catch (InvalidScenarioException e) {
      e.errors().forEach(err -> stderr.println(oneLine(err)));
      return ExitCodes.USAGE;
    }
    RunOptions options = new RunOptions(
        seed == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(seed), fmt);
    RunResult result;
    if (out != null) {
      try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        result = ScenarioRunner.run(parsed, options, line -> write(w, line));
      } catch (IOException | UncheckedIOException e) {
        stderr.println("volsim run: cannot write " + out + ": " + e.getMessage());
        return ExitCodes.USAGE;
      }
    } else {
      Consumer<String> sink = quiet ? line -> { } : stdout::println;
      result = ScenarioRunner.run(parsed, options, sink);
    }
    if (result.exitCode() == RunResult.INVALID) {
      result.errors().forEach(err -> stderr.println(oneLine(err)));
      return ExitCodes.USAGE;
    }
    for (String check : result.checks()) {
      if (!quiet || check.startsWith("FAIL ")) {
        stdout.println(check);
      }
    }
    if (result.failure().isPresent()) {
      stdout.println("replay: volsim run " + scenario + " --seed " + result.seed());
    }
    result.fingerprintLine().ifPresent(stdout::println);
    stdout.flush();
    return result.exitCode() == RunResult.OK ? ExitCodes.OK : ExitCodes.INVALID;
  }

  private static void write(BufferedWriter w, String line) {
    try {
      w.write(line);
      w.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An error on one line, control characters escaped, as {@code validate} prints problems. */
  private static String oneLine(ScenarioError err) {
    return dev.volsim.model.io.Problem.error(err.location(), err.message()).toString();
  }
}
