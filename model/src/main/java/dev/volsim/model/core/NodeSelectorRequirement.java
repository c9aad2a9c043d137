package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;

/**
 * One condition on a node's labels or fields.
 *
 * @param key the label key (or field name) compared
 * @param operator how it is compared
 * @param values the operands: non-empty for In/NotIn, empty for Exists/DoesNotExist, exactly one
 *     integer for Gt/Lt
 */
public record NodeSelectorRequirement(String key, NodeSelectorOperator operator, ImmutableList<String> values) {
  public NodeSelectorRequirement {
    values = Immutables.list(values);
  }
}
