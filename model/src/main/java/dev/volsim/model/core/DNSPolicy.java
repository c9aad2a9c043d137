package dev.volsim.model.core;

import dev.volsim.model.WireEnum;

/** A Pod's {@code dnsPolicy}. */
public enum DNSPolicy implements WireEnum {
  /** Cluster DNS first, also for Pods on the host network. */
  CLUSTER_FIRST_WITH_HOST_NET("ClusterFirstWithHostNet"),
  /** Cluster DNS first, falling back to the node's resolvers (the default). */
  CLUSTER_FIRST("ClusterFirst"),
  /** The node's resolver configuration. */
  DEFAULT("Default"),
  /** Only what {@code dnsConfig} gives. */
  NONE("None");

  private final String wire;

  DNSPolicy(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
