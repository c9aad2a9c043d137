package dev.volsim.model.core;

import dev.volsim.model.WireEnum;

/** A node's {@code status.phase} (deprecated upstream, rarely set). */
public enum NodePhase implements WireEnum {
  /** Created by the system, not yet configured. */
  PENDING("Pending"),
  /** Configured and running Pods. */
  RUNNING("Running"),
  /** Removed from the cluster. */
  TERMINATED("Terminated");

  private final String wire;

  NodePhase(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
