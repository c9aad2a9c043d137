package dev.volsim.model.core;

import dev.volsim.model.WireEnum;

/** A volume mount's {@code mountPropagation}. */
public enum MountPropagationMode implements WireEnum {
  /** Nothing propagates either way (private mount; the behaviour when unset). */
  NONE("None"),
  /** Mounts the host makes later under the volume appear in the container (rslave). */
  HOST_TO_CONTAINER("HostToContainer"),
  /** Mounts also propagate from the container to the host and other containers (rshared); privileged containers only. */
  BIDIRECTIONAL("Bidirectional");

  private final String wire;

  MountPropagationMode(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
