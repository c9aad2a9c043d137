package dev.volsim.cli;

/**
 * The exit codes of every {@code volsim} command. They are a public contract: scripts and CI
 * jobs test them.
 */
public final class ExitCodes {
  /** Everything asked for was done and every input was valid. */
  public static final int OK = 0;

  /** The input was read but is invalid (an object rejected, or no object at all). */
  public static final int INVALID = 1;

  /**
   * The command line is wrong (unknown command or option, missing argument), or an input cannot
   * be read (a path that does not exist, a file without read permission).
   */
  public static final int USAGE = 2;

  /**
   * A bug in volsim: an unexpected exception, reported as one line
   * {@code volsim: internal error: <message>} and never as a stack trace.
   */
  public static final int INTERNAL = 3;

  private ExitCodes() {}
}
