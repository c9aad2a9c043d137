package dev.volsim.model.core;

import dev.volsim.model.WireEnum;

/** An init container's own {@code restartPolicy}; {@code Always} makes it a sidecar that keeps running beside the regular containers. */
public enum ContainerRestartPolicy implements WireEnum {
  /** The init container is a sidecar: started in order, then restarted whenever it exits. */
  ALWAYS("Always");

  private final String wire;

  ContainerRestartPolicy(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
