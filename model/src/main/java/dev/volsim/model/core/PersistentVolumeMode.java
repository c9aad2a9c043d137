package dev.volsim.model.core;

import dev.volsim.model.WireEnum;

/** Whether a volume is consumed as a raw block device or a mounted filesystem. */
public enum PersistentVolumeMode implements WireEnum {
  /** A raw block device. */
  BLOCK("Block"),
  /** A filesystem, formatted if needed (the default). */
  FILESYSTEM("Filesystem");

  private final String wire;

  PersistentVolumeMode(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
