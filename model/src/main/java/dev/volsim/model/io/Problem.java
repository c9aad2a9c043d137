package dev.volsim.model.io;

import static java.util.Objects.requireNonNull;

/**
 * One problem found while reading or validating manifests, printed as
 * {@code file:line:col: message}.
 *
 * @param location where
 * @param severity whether it stops the object from being accepted
 * @param message what, in the API server's or kubectl's words
 */
public record Problem(Location location, Severity severity, String message) {
  public Problem {
    requireNonNull(location, "location is null");
    requireNonNull(severity, "severity is null");
    requireNonNull(message, "message is null");
  }

  /** Whether a problem rejects its object or only warns. */
  public enum Severity { ERROR, WARNING }

  public static Problem error(Location location, String message) {
    return new Problem(location, Severity.ERROR, message);
  }

  public static Problem warning(Location location, String message) {
    return new Problem(location, Severity.WARNING, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * Whether this error says an input could not be read at all (a path that does not exist, a
   * file or folder that cannot be read) rather than that its content is wrong. {@code volsim
   * validate} exits 2 for these and 1 for the others. Such messages start with
   * {@code "cannot read "} or {@code "the path "}.
   */
  public boolean isUnreadableInput() {
    return severity == Severity.ERROR
        && (message.startsWith("cannot read ") || message.startsWith("the path "));
  }

  @Override
  public String toString() {
    return location + ": " + (severity == Severity.WARNING ? "warning: " : "") + message;
  }
}
