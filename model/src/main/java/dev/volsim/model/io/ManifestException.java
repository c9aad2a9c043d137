package dev.volsim.model.io;

import static java.util.Objects.requireNonNull;

/**
 * An input that cannot be read at all (malformed YAML, a file too large, bad encoding), with the
 * place where reading stopped.
 */
public final class ManifestException extends Exception {
  private final Location location;

  public ManifestException(Location location, String message) {
    super(message);
    this.location = requireNonNull(location, "location is null");
  }

  public Location location() {
    return location;
  }

  /** {@code file:line:col: message}. */
  @Override
  public String toString() {
    return location + ": " + getMessage();
  }
}
