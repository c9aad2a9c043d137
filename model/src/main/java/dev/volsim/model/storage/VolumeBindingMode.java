package dev.volsim.model.storage;

import dev.volsim.model.WireEnum;

/** {@code StorageClass.volumeBindingMode}: when claims of the class are bound and provisioned. */
public enum VolumeBindingMode implements WireEnum {
  /** As soon as the claim is created (the default). */
  IMMEDIATE("Immediate"),
  /** Once a Pod using the claim is scheduled, taking its node's topology into account. */
  WAIT_FOR_FIRST_CONSUMER("WaitForFirstConsumer");

  private final String wire;

  VolumeBindingMode(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
