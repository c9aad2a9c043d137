package dev.volsim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code volsim demo}: the guided tour of the seed chapter's volumes, run on the simulated
 * cluster. Until the engine exists it prints the help and says that the demo comes with it,
 * exiting 0.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Run the seed chapter's volumes on a simulated cluster and show what happens.")
final class DemoCommand implements Callable<Integer> {
  /** The line printed while the demo does not exist yet. */
  static final String NOT_YET = "volsim demo: the demo comes with the simulation engine, which is not built yet.";

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    spec.commandLine().getParent().usage(out);
    out.println();
    out.println(NOT_YET);
    return ExitCodes.OK;
  }
}
