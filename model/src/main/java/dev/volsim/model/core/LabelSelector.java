package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.model.Immutables;

/**
 * A label query, as {@code metav1.LabelSelector}: all of {@code matchLabels} and all of
 * {@code matchExpressions} must hold. An empty selector matches everything.
 *
 * @param matchLabels labels that must be present with these values
 * @param matchExpressions further requirements
 */
public record LabelSelector(
    ImmutableSortedMap<String, String> matchLabels,
    ImmutableList<LabelSelectorRequirement> matchExpressions) {
  public LabelSelector {
    matchLabels = Immutables.map(matchLabels);
    matchExpressions = Immutables.list(matchExpressions);
  }

  /** Whether the selector has no condition at all (and so selects everything). */
  public boolean isEmpty() {
    return matchLabels.isEmpty() && matchExpressions.isEmpty();
  }
}
