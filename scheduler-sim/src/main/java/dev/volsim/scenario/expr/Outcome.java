package dev.volsim.scenario.expr;

import static java.util.Objects.requireNonNull;

/**
 * The result of checking an expectation: whether it holds, what was expected and what was found,
 * in words fit for a report ({@code status.phase == "Bound"} / {@code "Pending"}).
 *
 * @param holds whether the expectation holds
 * @param expected what was expected
 * @param actual what was found
 */
public record Outcome(boolean holds, String expected, String actual) {
  public Outcome {
    requireNonNull(expected, "expected is null");
    requireNonNull(actual, "actual is null");
  }

  /** An outcome that holds. */
  public static Outcome holds(String expected, String actual) {
    return new Outcome(true, expected, actual);
  }

  /** An outcome that does not hold. */
  public static Outcome fails(String expected, String actual) {
    return new Outcome(false, expected, actual);
  }

  /** An outcome that holds exactly when {@code holds} is true. */
  public static Outcome of(boolean holds, String expected, String actual) {
    return new Outcome(holds, expected, actual);
  }

  @Override
  public String toString() {
    return (holds ? "holds: " : "does not hold: ") + "expected " + expected + ", found " + actual;
  }
}
