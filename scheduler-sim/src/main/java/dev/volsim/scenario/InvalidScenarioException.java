package dev.volsim.scenario;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The scenario itself is invalid (exit code 2): every problem found, each printed as
 * {@code file:line:col: message}.
 */
public final class InvalidScenarioException extends Exception {
  private final ImmutableList<ScenarioError> errors;

  /**
   * @throws IllegalArgumentException if {@code errors} is empty
   */
  public InvalidScenarioException(List<ScenarioError> errors) {
    super(errors.stream().map(ScenarioError::toString).collect(Collectors.joining("\n")));
    com.google.common.base.Preconditions.checkArgument(!errors.isEmpty(), "no errors");
    this.errors = ImmutableList.copyOf(errors);
  }

  /** The problems, in file order (as found). */
  public ImmutableList<ScenarioError> errors() {
    return errors;
  }
}
