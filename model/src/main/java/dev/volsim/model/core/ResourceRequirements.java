package dev.volsim.model.core;

import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.model.Immutables;
import dev.volsim.model.Quantity;

/**
 * Compute resources of a container ({@code resources}).
 *
 * @param limits the most of each resource the container may use, by resource name
 * @param requests the amount of each resource the scheduler reserves, by resource name
 */
public record ResourceRequirements(
    ImmutableSortedMap<String, Quantity> limits, ImmutableSortedMap<String, Quantity> requests) {
  public ResourceRequirements {
    limits = Immutables.map(limits);
    requests = Immutables.map(requests);
  }
}
