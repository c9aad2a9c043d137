package dev.volsim.model.core;

import dev.volsim.model.WireEnum;

/** A container's {@code imagePullPolicy}. */
public enum PullPolicy implements WireEnum {
  /** Pull the image every time the container starts. */
  ALWAYS("Always"),
  /** Use only an image already on the node. */
  NEVER("Never"),
  /** Pull only when the node lacks the image. */
  IF_NOT_PRESENT("IfNotPresent");

  private final String wire;

  PullPolicy(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
