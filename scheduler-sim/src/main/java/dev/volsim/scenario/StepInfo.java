package dev.volsim.scenario;

import static java.util.Objects.requireNonNull;

import dev.volsim.model.io.Location;

/**
 * What every step carries: its number, where it is written, and the error it expects.
 *
 * @param number its position in {@code spec.steps}, from 1 (as failures print it)
 * @param location where the step starts in the scenario file
 * @param expectError with {@code expectError: "<substring>"}: the step passes only if it fails
 *     with a message containing it; null for a step that must succeed
 */
public record StepInfo(int number, Location location, String expectError) {
  public StepInfo {
    requireNonNull(location, "location is null");
  }
}
