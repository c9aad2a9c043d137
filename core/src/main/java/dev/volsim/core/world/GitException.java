package dev.volsim.core.world;

/** A failed git command, with git's own message ({@code fatal: repository '...' not found}). */
public final class GitException extends RuntimeException {
  /** A failure worded as git words it. */
  public GitException(String message) {
    super(message, null, false, false);
  }
}
