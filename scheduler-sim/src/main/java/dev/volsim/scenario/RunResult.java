package dev.volsim.scenario;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * What a run gave. The timeline went to the sink given to {@link ScenarioRunner#run}; this holds
 * the rest of {@code volsim run}'s output.
 *
 * @param exitCode 0 every step and expectation held, 1 one failed, 2 the scenario is invalid
 * @param seed the seed the run used
 * @param checks one line per check made, in order ({@code PASS step 4 expect: ...}, and the
 *     {@code FAIL ...} line last when a step failed)
 * @param failure the step that failed, if one did
 * @param errors the problems of an invalid scenario (exit code 2), else empty
 * @param fingerprint the SHA-256 of the run's JSON lines in hex, or empty for an invalid scenario
 */
public record RunResult(int exitCode, long seed, ImmutableList<String> checks, Optional<StepFailure> failure,
    ImmutableList<ScenarioError> errors, Optional<String> fingerprint) {
  /** Every step and expectation held. */
  public static final int OK = 0;
  /** A step or expectation failed. */
  public static final int FAILED = 1;
  /** The scenario is invalid. */
  public static final int INVALID = 2;

  public RunResult {
    checks = ImmutableList.copyOf(checks);
    requireNonNull(failure, "failure is null");
    errors = ImmutableList.copyOf(errors);
    requireNonNull(fingerprint, "fingerprint is null");
  }

  /** The result of a scenario found invalid before it ran. */
  public static RunResult invalid(long seed, ImmutableList<ScenarioError> errors) {
    return new RunResult(INVALID, seed, ImmutableList.of(), Optional.empty(), errors, Optional.empty());
  }

  /** {@code fingerprint: sha256:<hex>}, or empty for an invalid scenario. */
  public Optional<String> fingerprintLine() {
    return fingerprint.map(hex -> "fingerprint: sha256:" + hex);
  }
}
