package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;

/**
 * A disjunction of node selector terms: a node matches when it matches any term.
 *
 * @param nodeSelectorTerms the terms; required and non-empty
 */
public record NodeSelector(ImmutableList<NodeSelectorTerm> nodeSelectorTerms) {
  public NodeSelector {
    nodeSelectorTerms = Immutables.list(nodeSelectorTerms);
  }
}
