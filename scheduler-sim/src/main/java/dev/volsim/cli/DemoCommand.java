package dev.volsim.cli;

import dev.volsim.scenario.InvalidScenarioException;
import dev.volsim.scenario.RunOptions;
import dev.volsim.scenario.RunResult;
import dev.volsim.scenario.Scenario;
import dev.volsim.scenario.ScenarioParser;
import dev.volsim.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code volsim demo}: replays the demo stories of {@code examples/scenarios/demo/} (found under
 * the directory the launcher passes as {@code -Dvolsim.home}, else the current directory), each
 * with its story, timeline and checks. Today they follow a claim from provisioning to a running
 * Pod and back; the chapter's own volumes join with the node-side scenario keys. Without the stories it prints the help and says so.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Replay volsim's demo stories on a simulated cluster and show what happens.")
final class DemoCommand implements Callable<Integer> {
  /** The folder of the demo stories, relative to volsim's home. */
  static final String DEMO_DIR = "examples/scenarios/demo";
  /** The last line: what the demo does not show yet. */
  static final String NODE_SIDE_LATER = "volsim demo: the seed chapter's own volumes (emptyDir, gitRepo, hostPath, NFS) "
      + "and the data inside them join the demo with the node-side scenario keys.";
  /** Printed when the stories cannot be found. */
  static final String NOT_FOUND = "volsim demo: no demo stories found (looked for " + DEMO_DIR + " under "
      + "-Dvolsim.home and the current directory); run it through ./volsim";

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = demoDir();
    if (dir == null) {
      spec.commandLine().getParent().usage(out);
      out.println();
      out.println(NOT_FOUND);
      return ExitCodes.OK;
    }
    List<Path> stories;
    try (Stream<Path> files = Files.list(dir)) {
      stories = files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
    }
    int worst = ExitCodes.OK;
    for (Path story : stories) {
      Scenario scenario;
      try {
        scenario = ScenarioParser.parse(story);
      } catch (InvalidScenarioException e) {
        e.errors().forEach(err::println);
        worst = Math.max(worst, 2);
        continue;
      }
      out.println("== " + scenario.metadata().name() + ": " + scenario.metadata().description());
      out.flush();
      RunResult result = ScenarioRunner.run(scenario, RunOptions.defaults(), out::println);
      result.checks().forEach(out::println);
      result.errors().forEach(err::println);
      result.fingerprintLine().ifPresent(out::println);
      out.println();
      worst = Math.max(worst, result.exitCode());
    }
    out.println(NODE_SIDE_LATER);
    return worst;
  }

  private static Path demoDir() {
    String home = System.getProperty("volsim.home");
    for (Path base : home == null ? List.of(Path.of("")) : List.of(Path.of(home), Path.of(""))) {
      Path d = base.resolve(DEMO_DIR);
      if (Files.isDirectory(d)) {
        return d;
      }
    }
    return null;
  }
}
