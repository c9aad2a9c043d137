package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;

/**
 * A set of Pods that this Pod should (or should not) be co-located with, in the same topology
 * domain.
 *
 * @param labelSelector the Pods
 * @param namespaces the namespaces they are looked for in (empty: the Pod's own)
 * @param topologyKey the node label whose equal values make a domain; required
 * @param namespaceSelector namespaces by label, added to {@code namespaces}
 */
public record PodAffinityTerm(
    LabelSelector labelSelector,
    ImmutableList<String> namespaces,
    String topologyKey,
    LabelSelector namespaceSelector) {
  public PodAffinityTerm {
    namespaces = Immutables.list(namespaces);
  }
}
