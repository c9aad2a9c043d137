package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;

/**
 * Node affinity of a Pod.
 *
 * @param requiredDuringSchedulingIgnoredDuringExecution nodes the Pod may only be scheduled on
 * @param preferredDuringSchedulingIgnoredDuringExecution nodes the scheduler prefers, by weight
 */
public record NodeAffinity(
    NodeSelector requiredDuringSchedulingIgnoredDuringExecution,
    ImmutableList<PreferredSchedulingTerm> preferredDuringSchedulingIgnoredDuringExecution) {
  public NodeAffinity {
    preferredDuringSchedulingIgnoredDuringExecution =
        Immutables.list(preferredDuringSchedulingIgnoredDuringExecution);
  }
}
