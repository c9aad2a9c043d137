package dev.volsim.model.storage;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;

/**
 * A topology label that must have one of the given values.
 *
 * @param key the label key, a qualified name
 * @param values the allowed values; at least one, no duplicates
 */
public record TopologySelectorLabelRequirement(String key, ImmutableList<String> values) {
  public TopologySelectorLabelRequirement {
    values = Immutables.list(values);
  }
}
