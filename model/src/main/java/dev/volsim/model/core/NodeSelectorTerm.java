package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;

/**
 * A conjunction of node requirements: a node matches when it meets all of them. A term with no
 * requirement matches no node.
 *
 * @param matchExpressions requirements on the node's labels
 * @param matchFields requirements on the node's fields (only {@code metadata.name} with In/NotIn)
 */
public record NodeSelectorTerm(
    ImmutableList<NodeSelectorRequirement> matchExpressions,
    ImmutableList<NodeSelectorRequirement> matchFields) {
  public NodeSelectorTerm {
    matchExpressions = Immutables.list(matchExpressions);
    matchFields = Immutables.list(matchFields);
  }
}
