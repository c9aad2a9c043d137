package dev.volsim.model.core;

import dev.volsim.model.WireEnum;

/** A volume mount's {@code recursiveReadOnly}. */
public enum RecursiveReadOnlyMode implements WireEnum {
  /** Submounts keep their own writability (the behaviour when unset). */
  DISABLED("Disabled"),
  /** Submounts are made read-only when the runtime supports it. */
  IF_POSSIBLE("IfPossible"),
  /** Submounts are made read-only, or the container fails to start. */
  ENABLED("Enabled");

  private final String wire;

  RecursiveReadOnlyMode(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
