package dev.volsim.model.core;

import dev.volsim.model.WireEnum;

/** A Pod's {@code securityContext.fsGroupChangePolicy}. */
public enum PodFSGroupChangePolicy implements WireEnum {
  /** Change ownership and permissions only when the volume root does not match already. */
  ON_ROOT_MISMATCH("OnRootMismatch"),
  /** Always change ownership and permissions of the whole volume (the behaviour when unset). */
  ALWAYS("Always");

  private final String wire;

  PodFSGroupChangePolicy(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
