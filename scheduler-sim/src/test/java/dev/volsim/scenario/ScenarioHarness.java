package dev.volsim.scenario;

import dev.volsim.cli.RunCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Writes scenario files and runs {@code volsim run} on them in-process. */
final class ScenarioHarness {
  private ScenarioHarness() {}

  /** One {@code volsim run} invocation: exit code and output. */
  record Run(int code, String out, String err) {
    List<String> outLines() {
      return out.isEmpty() ? List.of() : List.of(out.split("\\R"));
    }

    List<String> errLines() {
      return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** The header every test scenario starts with. */
  static String scenario(String spec) {
    return "apiVersion: volsim.dev/v1alpha1\nkind: Scenario\nmetadata: {name: test}\nspec:\n"
        + spec.stripIndent().indent(2);
  }

  /** Writes {@code text} to {@code dir/name}, creating folders. */
  static Path write(Path dir, String name, String text) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text, StandardCharsets.UTF_8);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code volsim run file args...}. */
  static Run run(Path file, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>();
    all.add(file.toString());
    all.addAll(List.of(args));
    int code = new CommandLine(new RunCommand())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  /** Writes {@code s.yaml} with the given spec into {@code dir} and runs it. */
  static Run runSpec(Path dir, String spec, String... args) {
    return run(write(dir, "s.yaml", scenario(spec)), args);
  }
}
