package dev.volsim.model.core;

import dev.volsim.model.WireEnum;

/** A Pod's quality-of-service class ({@code status.qosClass}). */
public enum PodQOSClass implements WireEnum {
  /** Every container has equal requests and limits for cpu and memory. */
  GUARANTEED("Guaranteed"),
  /** Some requests or limits, but not Guaranteed. */
  BURSTABLE("Burstable"),
  /** No requests or limits at all. */
  BEST_EFFORT("BestEffort");

  private final String wire;

  PodQOSClass(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
