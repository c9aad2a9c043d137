package dev.volsim.scenario.expr;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * The body of a {@code waitFor} step: an expectation and how long to wait for it.
 *
 * @param expectation what must come to hold
 * @param timeout the {@code timeout} given, or empty when none was (the runner's default applies)
 */
public record WaitFor(Expectation expectation, Optional<Duration> timeout) {
  public WaitFor {
    requireNonNull(expectation, "expectation is null");
    requireNonNull(timeout, "timeout is null");
  }

  /** A body with this timeout, or none when {@code timeout} is null. */
  public static WaitFor of(Expectation expectation, Duration timeout) {
    return new WaitFor(expectation, Optional.ofNullable(timeout));
  }
}
