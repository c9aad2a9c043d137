package dev.volsim.model.volume;

import dev.volsim.model.WireEnum;

/** {@code azureDisk.kind}: how an Azure data disk is stored. */
public enum AzureDataDiskKind implements WireEnum {
  /** Several blob disks per storage account (the default). */
  SHARED("Shared"),
  /** One blob disk per storage account. */
  DEDICATED("Dedicated"),
  /** An Azure managed disk. */
  MANAGED("Managed");

  private final String wire;

  AzureDataDiskKind(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
