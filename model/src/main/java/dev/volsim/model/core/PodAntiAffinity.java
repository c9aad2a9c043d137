package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;

/**
 * Pods this Pod is kept away from (other topology domains).
 *
 * @param requiredDuringSchedulingIgnoredDuringExecution terms every candidate node must satisfy
 * @param preferredDuringSchedulingIgnoredDuringExecution terms that add to a node's score
 */
public record PodAntiAffinity(
    ImmutableList<PodAffinityTerm> requiredDuringSchedulingIgnoredDuringExecution,
    ImmutableList<WeightedPodAffinityTerm> preferredDuringSchedulingIgnoredDuringExecution) {
  public PodAntiAffinity {
    requiredDuringSchedulingIgnoredDuringExecution =
        Immutables.list(requiredDuringSchedulingIgnoredDuringExecution);
    preferredDuringSchedulingIgnoredDuringExecution =
        Immutables.list(preferredDuringSchedulingIgnoredDuringExecution);
  }
}
