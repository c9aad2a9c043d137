package dev.volsim.model.core;

import dev.volsim.model.WireEnum;

/** A Pod's {@code restartPolicy}: when the kubelet restarts its containers after they exit. */
public enum RestartPolicy implements WireEnum {
  /** Restart every container that exits, whatever its exit code (the default). */
  ALWAYS("Always"),
  /** Restart a container only when it exits with a non-zero code. */
  ON_FAILURE("OnFailure"),
  /** Never restart a container. */
  NEVER("Never");

  private final String wire;

  RestartPolicy(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
