package dev.volsim.scenario;

import static java.util.Objects.requireNonNull;

import dev.volsim.core.engine.Durations;
import dev.volsim.model.io.Location;

/**
 * The step that failed a run: which, where, what was expected, what was found, and when.
 *
 * @param step the step's number from 1, or 0 for {@code spec.objects}
 * @param description the step in words ({@code waitFor: pvc/data status.phase == "Bound"})
 * @param location where the step (or the object) is written
 * @param timeMicros the virtual time of the failure
 * @param expected what was expected
 * @param found what was found
 */
public record StepFailure(int step, String description, Location location, long timeMicros,
    String expected, String found) {
  public StepFailure {
    requireNonNull(description, "description is null");
    requireNonNull(location, "location is null");
    requireNonNull(expected, "expected is null");
    requireNonNull(found, "found is null");
  }

  /**
   * {@code FAIL step 5 waitFor: pvc/data status.phase == "Bound" (s.yaml:30:5) at +300.000s:
   * expected "Bound", found "Pending"}: the line {@code volsim run} prints.
   */
  public String line() {
    return "FAIL " + (step == 0 ? "objects" : "step " + step) + " " + description + " (" + location + ") at "
        + Durations.format(timeMicros) + ": expected " + expected + ", found " + found;
  }
}
