package dev.volsim.model.volume;

import dev.volsim.model.WireEnum;

/** {@code emptyDir.medium}. */
public enum StorageMedium implements WireEnum {
  /** The node's default medium, its disk. */
  DEFAULT(""),
  /** tmpfs, RAM-backed. */
  MEMORY("Memory"),
  /** Huge pages, any size. */
  HUGE_PAGES("HugePages");

  private final String wire;

  StorageMedium(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
