package dev.volsim.model.core;

import dev.volsim.model.WireEnum;

/** A network protocol of a port. */
public enum Protocol implements WireEnum {
  /** TCP (the default). */
  TCP("TCP"),
  /** UDP. */
  UDP("UDP"),
  /** SCTP. */
  SCTP("SCTP");

  private final String wire;

  Protocol(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
