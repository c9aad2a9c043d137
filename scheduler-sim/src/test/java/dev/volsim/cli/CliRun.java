package dev.volsim.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One {@code volsim} invocation run in-process: its exit code and what it printed.
 *
 * @param code the exit code
 * @param out everything printed on stdout
 * @param err everything printed on stderr
 */
record CliRun(int code, String out, String err) {

  /** Runs {@code volsim args...} with captured streams. */
  static CliRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = VolsimCli.run(args, o, e);
    }
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The stdout lines. */
  List<String> outLines() {
    return out.isEmpty() ? List.of() : List.of(out.split("\\R"));
  }

  /** The stderr lines. */
  List<String> errLines() {
    return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
  }
}
