package dev.volsim.scenario;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every step key of the scenario contract, and whether this version of volsim runs it. A step
 * whose kind is not {@link #supported()} is refused when the scenario is read ("not supported
 * yet", exit 2), never ignored. To add a step: a record in {@link Step}, its parsing in
 * {@link StepParser}, its execution in {@link ScenarioRunner} (whose switch over this enum has no
 * default, so the compiler points at it), and {@code supported} set to true here.
 */
public enum StepKind {
  APPLY("apply", true),
  DELETE("delete", true),
  PATCH("patch", true),
  ADVANCE("advance", true),
  WAIT_FOR("waitFor", true),
  EXPECT("expect", true),
  EXPECT_ORDER("expectOrder", true),
  CAPTURE("capture", true),
  PAUSE("pause", true),
  RESUME("resume", true),
  INJECT("inject", true),
  EXEC("exec", true),
  ADMIN("admin", true),
  EXIT("exit", true),
  FAIL("fail", true),
  RECOVER("recover", true),
  RESTART("restart", true),
  TAINT("taint", true),
  UNTAINT("untaint", true);

  private final String key;
  private final boolean supported;

  StepKind(String key, boolean supported) {
    this.key = key;
    this.supported = supported;
  }

  /** The step's key in a scenario file ({@code waitFor}). */
  public String key() {
    return key;
  }

  /** Whether this version of volsim runs steps of this kind. */
  public boolean supported() {
    return supported;
  }

  /** The kind with this key, if the contract has one. */
  public static Optional<StepKind> ofKey(String key) {
    return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
  }

  /** Every step key of the contract, in the contract's order. */
  public static ImmutableList<String> keys() {
    return Arrays.stream(values()).map(StepKind::key).collect(ImmutableList.toImmutableList());
  }
}
