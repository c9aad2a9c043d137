package dev.volsim.model.storage;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;

/**
 * A topology domain: all of its label requirements hold.
 *
 * @param matchLabelExpressions the requirements, one per key
 */
public record TopologySelectorTerm(ImmutableList<TopologySelectorLabelRequirement> matchLabelExpressions) {
  public TopologySelectorTerm {
    matchLabelExpressions = Immutables.list(matchLabelExpressions);
  }
}
