package dev.volsim.scenario;

/**
 * A step did not do what it said (an expectation that does not hold, a waitFor that timed out),
 * as opposed to an error (the API refused, a reference did not resolve).
 */
final class StepFailedException extends Exception {
  private final String expected;
  private final String found;

  StepFailedException(String expected, String found) {
    super("expected " + expected + ", found " + found);
    this.expected = expected;
    this.found = found;
  }

  String expected() {
    return expected;
  }

  String found() {
    return found;
  }
}
