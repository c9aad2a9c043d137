package dev.volsim.model.volume;

import dev.volsim.model.WireEnum;

/** {@code azureDisk.cachingMode}: the host caching of an Azure data disk. */
public enum AzureDataDiskCachingMode implements WireEnum {
  /** No host caching. */
  NONE("None"),
  /** Read caching only. */
  READ_ONLY("ReadOnly"),
  /** Read and write caching (the default). */
  READ_WRITE("ReadWrite");

  private final String wire;

  AzureDataDiskCachingMode(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
