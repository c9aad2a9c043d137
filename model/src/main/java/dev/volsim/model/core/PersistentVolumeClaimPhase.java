package dev.volsim.model.core;

import dev.volsim.model.WireEnum;

/** The lifecycle phase of a PersistentVolumeClaim. */
public enum PersistentVolumeClaimPhase implements WireEnum {
  /** Not yet bound (the initial phase). */
  PENDING("Pending"),
  /** Bound to a volume. */
  BOUND("Bound"),
  /** Its bound volume is gone; the data is lost. */
  LOST("Lost");

  private final String wire;

  PersistentVolumeClaimPhase(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
