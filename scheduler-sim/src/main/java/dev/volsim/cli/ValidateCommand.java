package dev.volsim.cli;

import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.model.io.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code volsim validate [--lenient] FILE|DIR...}: reads manifests as {@code kubectl apply -f}
 * would and checks them as the API server would, without running anything.
 *
 * <p>Output, a public contract: every problem on stderr, one per line, in file order, as
 * {@code file:line:col: field.path: message} (warnings as {@code file:line:col: warning: ...});
 * when all is well, {@code N objects valid} ({@code 1 object valid}) on stdout. Exit 0 when every
 * object is valid; 1 when any object is invalid, or when no object at all was found (as kubectl,
 * which says "no objects passed to apply"); 2 when a path does not exist or cannot be read.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Check Kubernetes manifests (YAML or JSON files, or folders of them) as the API server would.",
        "Problems go to stderr as file:line:col: field.path: message.",
        "Exit codes: 0 all valid, 1 an object is invalid or there is none,",
        "2 a path is missing or unreadable, or a usage error, 3 internal error."})
final class ValidateCommand implements Callable<Integer> {
  /** Printed (on stderr) when the inputs hold no object at all. */
  static final String NO_OBJECTS = "error: no objects passed to validate";

  @Spec
  private CommandSpec spec;

  @Option(
      names = "--lenient",
      description = "Report unknown and duplicate fields as warnings instead of errors"
          + " (kubectl's --validate=warn).")
  private boolean lenient;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|DIR",
      description = "Manifest files, or folders whose .yaml, .yml and .json files are read in name order.")
  private List<Path> paths;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ManifestLoader loader = lenient ? ManifestLoader.lenient() : ManifestLoader.strict();
    LoadResult result = loader.load(paths);
    boolean unreadable = false;
    for (Problem p : result.problems()) {
      err.println(p);
      unreadable |= p.isUnreadableInput();
    }
    if (unreadable) {
      return ExitCodes.USAGE;
    }
    if (!result.ok()) {
      return ExitCodes.INVALID;
    }
    int n = result.manifests().size();
    if (n == 0) {
      err.println(NO_OBJECTS);
      return ExitCodes.INVALID;
    }
    out.println(n + (n == 1 ? " object valid" : " objects valid"));
    return ExitCodes.OK;
  }
}
