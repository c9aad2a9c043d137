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
 * with its story, timeline and checks, then the seed chapter's own examples of
 * {@code examples/scenarios/seed/} (envoy's emptyDir, filebeat's hostPaths, the gitRepo site,
 * redis on NFS). Without the stories it prints the help and says so.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Replay volsim's demo stories on a simulated cluster and show what happens.")
final class DemoCommand implements Callable<Integer> {
  /** The folder of the demo stories, relative to volsim's home. */
  static final String DEMO_DIR = "examples/scenarios/demo";
  /** The last line: where more stories are. */
  static final String MORE_STORIES = "volsim demo: more stories (multi-attach after a node dies, eviction over an "
      + "emptyDir sizeLimit, a ConfigMap update and subPath, ...) are in examples/scenarios/stories/: "
      + "./volsim run FILE";
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
    List<Path> stories = new java.util.ArrayList<>(yamlFiles(dir));
    Path seed = dir.resolveSibling("seed");
    if (Files.isDirectory(seed)) {
      stories.addAll(yamlFiles(seed));
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
    out.println(MORE_STORIES);
    return worst;
  }

  private static List<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
    }
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
