package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;

/**
 * Pods this Pod is scheduled near (same topology domain).
 *
 * @param requiredDuringSchedulingIgnoredDuringExecution terms every candidate node must satisfy
 * @param preferredDuringSchedulingIgnoredDuringExecution terms that add to a node's score
 */
public record PodAffinity(
    ImmutableList<PodAffinityTerm> requiredDuringSchedulingIgnoredDuringExecution,
    ImmutableList<WeightedPodAffinityTerm> preferredDuringSchedulingIgnoredDuringExecution) {
  public PodAffinity {
    requiredDuringSchedulingIgnoredDuringExecution =
        Immutables.list(requiredDuringSchedulingIgnoredDuringExecution);
    preferredDuringSchedulingIgnoredDuringExecution =
        Immutables.list(preferredDuringSchedulingIgnoredDuringExecution);
  }
}
