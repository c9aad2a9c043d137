package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;

/**
 * A group of addresses that share the same ports.
 *
 * @param addresses ready addresses
 * @param notReadyAddresses addresses not ready to serve
 * @param ports the ports, valid for every address
 */
public record EndpointSubset(
    ImmutableList<EndpointAddress> addresses,
    ImmutableList<EndpointAddress> notReadyAddresses,
    ImmutableList<EndpointPort> ports) {
  public EndpointSubset {
    addresses = Immutables.list(addresses);
    notReadyAddresses = Immutables.list(notReadyAddresses);
    ports = Immutables.list(ports);
  }
}
