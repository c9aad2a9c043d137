package dev.volsim.model.core;

import dev.volsim.model.WireEnum;

/** The effect of a node taint. */
public enum TaintEffect implements WireEnum {
  /** Pods that do not tolerate the taint are not scheduled onto the node. */
  NO_SCHEDULE("NoSchedule"),
  /** The scheduler tries to avoid the node for Pods that do not tolerate the taint. */
  PREFER_NO_SCHEDULE("PreferNoSchedule"),
  /** Pods that do not tolerate the taint are also evicted from the node. */
  NO_EXECUTE("NoExecute");

  private final String wire;

  TaintEffect(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
