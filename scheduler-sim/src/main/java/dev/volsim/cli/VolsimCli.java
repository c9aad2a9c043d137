package dev.volsim.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code volsim} command: the entry point of the runnable jar behind {@code ./volsim}.
 *
 * <p>Subcommands are small classes in this package, registered in the {@code subcommands} list
 * below ({@code validate}, {@code run}, {@code bench}, {@code demo}). The whole
 * command line is testable without exiting the JVM: {@link #run(String[], PrintStream,
 * PrintStream)} returns the exit code, {@link #main(String[])} only passes it to
 * {@code System.exit}.
 *
 * <p>It never prints a stack trace: usage errors print one message and a hint and exit
 * {@link ExitCodes#USAGE 2}; an unexpected exception prints one line
 * {@code volsim: internal error: <message>} and exits {@link ExitCodes#INTERNAL 3}.
 */
@Command(
    name = "volsim",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A deterministic simulator of the Kubernetes volume lifecycle.",
    subcommands = {ValidateCommand.class, RunCommand.class, BenchCommand.class, DemoCommand.class},
    footer = {"", "Exit codes: 0 success, 1 invalid input, 2 usage error or unreadable input,",
        "3 internal error (a bug: please report it)."})
public final class VolsimCli implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  /** Runs {@code volsim} with these arguments and returns the exit code, exiting nothing. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    PrintWriter outWriter = writer(out);
    PrintWriter errWriter = writer(err);
    try {
      CommandLine cli = new CommandLine(new VolsimCli())
          .setOut(outWriter)
          .setErr(errWriter)
          .setParameterExceptionHandler(USAGE_ERROR)
          .setExecutionExceptionHandler(INTERNAL_ERROR);
      return cli.execute(args == null ? new String[0] : args);
    } catch (Exception | Error e) { // never a stack trace, whatever happens
      return internalError(errWriter, e);
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
  }

  /** Runs {@code volsim} and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** {@code volsim} without a command: the help on stderr, a usage error. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("volsim: missing command");
    spec.commandLine().usage(err);
    return ExitCodes.USAGE;
  }

  private static final IParameterExceptionHandler USAGE_ERROR = (ParameterException ex, String[] args) -> {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getCommandName().equals("volsim") ? "volsim: " + oneLine(ex.getMessage())
        : "volsim " + cmd.getCommandName() + ": " + oneLine(ex.getMessage()));
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    return ExitCodes.USAGE;
  };

  private static final IExecutionExceptionHandler INTERNAL_ERROR =
      (Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) -> internalError(cmd.getErr(), ex);

  /** Prints the one-line report of an unexpected exception and returns {@link ExitCodes#INTERNAL}. */
  static int internalError(PrintWriter err, Throwable e) {
    String message = e.getMessage() == null || e.getMessage().isBlank()
        ? e.getClass().getSimpleName() : oneLine(e.getMessage());
    err.println("volsim: internal error: " + message);
    return ExitCodes.INTERNAL;
  }

  private static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  /** A writer that hands text to the stream, so the stream's own encoding applies. */
  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(new Writer() {
      @Override
      public void write(char[] chars, int off, int len) {
        stream.print(new String(chars, off, len));
      }

      @Override
      public void flush() {
        stream.flush();
      }

      @Override
      public void close() {
        stream.flush();
      }
    }, true);
  }
}
