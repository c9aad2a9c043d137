package dev.volsim.model.core;

import dev.volsim.model.WireEnum;

/** The status of a condition: whether it holds. */
public enum ConditionStatus implements WireEnum {
  /** The condition holds. */
  TRUE("True"),
  /** The condition does not hold. */
  FALSE("False"),
  /** It is not known whether the condition holds. */
  UNKNOWN("Unknown");

  private final String wire;

  ConditionStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
