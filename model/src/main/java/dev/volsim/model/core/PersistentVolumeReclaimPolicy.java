package dev.volsim.model.core;

import dev.volsim.model.WireEnum;

/** What happens to a PersistentVolume when its claim is released. */
public enum PersistentVolumeReclaimPolicy implements WireEnum {
  /** The volume is scrubbed (rm -rf) and made Available again (deprecated). */
  RECYCLE("Recycle"),
  /** The volume and its storage asset are deleted. */
  DELETE("Delete"),
  /** The volume is kept, Released, for manual reclamation (the default for PVs). */
  RETAIN("Retain");

  private final String wire;

  PersistentVolumeReclaimPolicy(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
