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

  /**
   * {@code file:line:col: message} ({@code file:line:col: warning: message}), always one line:
   * line breaks and other control characters (in a file name, or in a map key quoted in a field
   * path) are escaped as {@code \n}, {@code \r} or {@code \}{@code uXXXX}.
   */
  @Override
  public String toString() {
    return oneLine(location + ": " + (severity == Severity.WARNING ? "warning: " : "") + message);
  }

  private static String oneLine(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean bad = c < 0x20 && c != '\t' || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029;
      if (bad && sb == null) {
        sb = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (sb != null) {
        if (!bad) {
          sb.append(c);
        } else if (c == '\n') {
          sb.append("\\n");
        } else if (c == '\r') {
          sb.append("\\r");
        } else {
          sb.append(String.format("\\u%04x", (int) c));
        }
      }
    }
    return sb == null ? s : sb.toString();
  }
}
