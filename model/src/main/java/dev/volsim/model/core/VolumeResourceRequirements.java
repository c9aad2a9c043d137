package dev.volsim.model.core;

import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.model.Immutables;
import dev.volsim.model.Quantity;

/**
 * The storage a claim asks for.
 *
 * @param limits the most it may have, by resource name
 * @param requests the least it needs, by resource name; {@code storage} is required
 */
public record VolumeResourceRequirements(
    ImmutableSortedMap<String, Quantity> limits, ImmutableSortedMap<String, Quantity> requests) {
  public VolumeResourceRequirements {
    limits = Immutables.map(limits);
    requests = Immutables.map(requests);
  }
}
