package dev.volsim.model.core;

import dev.volsim.model.WireEnum;

/** A Pod's {@code status.phase}. */
public enum PodPhase implements WireEnum {
  /** Accepted, but not all containers have started (scheduling, volume set-up, image pulls). */
  PENDING("Pending"),
  /** Bound to a node and every container created; at least one is running or restarting. */
  RUNNING("Running"),
  /** Every container exited with code 0 and none will be restarted. */
  SUCCEEDED("Succeeded"),
  /** Every container exited and at least one failed. */
  FAILED("Failed"),
  /** The state could not be obtained. */
  UNKNOWN("Unknown");

  private final String wire;

  PodPhase(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
