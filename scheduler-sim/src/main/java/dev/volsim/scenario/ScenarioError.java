package dev.volsim.scenario;

import static java.util.Objects.requireNonNull;

import dev.volsim.model.io.Location;

/**
 * A problem with the scenario file itself (exit code 2), printed as {@code file:line:col: message}.
 *
 * @param location where in the scenario (or an included file)
 * @param message what is wrong
 */
public record ScenarioError(Location location, String message) {
  public ScenarioError {
    requireNonNull(location, "location is null");
    requireNonNull(message, "message is null");
  }

  @Override
  public String toString() {
    return location + ": " + message;
  }
}
