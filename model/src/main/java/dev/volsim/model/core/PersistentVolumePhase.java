package dev.volsim.model.core;

import dev.volsim.model.WireEnum;

/** The lifecycle phase of a PersistentVolume. */
public enum PersistentVolumePhase implements WireEnum {
  /** Not yet available (the initial phase). */
  PENDING("Pending"),
  /** Not bound to a claim, free to bind. */
  AVAILABLE("Available"),
  /** Bound to a claim. */
  BOUND("Bound"),
  /** Its claim was deleted; not yet reclaimed. */
  RELEASED("Released"),
  /** Automatic reclamation failed. */
  FAILED("Failed");

  private final String wire;

  PersistentVolumePhase(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
