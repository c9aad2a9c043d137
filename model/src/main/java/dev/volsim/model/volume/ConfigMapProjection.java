package dev.volsim.model.volume;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;

/**
 * The keys of a ConfigMap in a projected volume.
 *
 * @param name the ConfigMap's name; required
 * @param items the keys to project and where; empty projects every key
 * @param optional whether a missing ConfigMap or key is tolerated
 */
public record ConfigMapProjection(String name, ImmutableList<KeyToPath> items, Boolean optional) {
  public ConfigMapProjection {
    items = Immutables.list(items);
  }
}
