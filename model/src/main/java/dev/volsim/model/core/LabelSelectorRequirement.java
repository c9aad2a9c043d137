package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;

/**
 * One condition of a label selector.
 *
 * @param key the label key
 * @param operator how the label is compared
 * @param values the operands: non-empty for In/NotIn, empty for Exists/DoesNotExist
 */
public record LabelSelectorRequirement(String key, LabelSelectorOperator operator, ImmutableList<String> values) {
  public LabelSelectorRequirement {
    values = Immutables.list(values);
  }
}
