package dev.volsim.model.core;

import dev.volsim.model.WireEnum;

/** How a volume can be mounted: by how many nodes (or Pods) and whether writable. */
public enum PersistentVolumeAccessMode implements WireEnum {
  /** Read-write by a single node. */
  READ_WRITE_ONCE("ReadWriteOnce"),
  /** Read-only by many nodes. */
  READ_ONLY_MANY("ReadOnlyMany"),
  /** Read-write by many nodes. */
  READ_WRITE_MANY("ReadWriteMany"),
  /** Read-write by a single Pod; excludes every other mode. */
  READ_WRITE_ONCE_POD("ReadWriteOncePod");

  private final String wire;

  PersistentVolumeAccessMode(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
