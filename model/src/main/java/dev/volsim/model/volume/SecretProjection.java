package dev.volsim.model.volume;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;

/**
 * The keys of a Secret in a projected volume.
 *
 * @param name the Secret's name; required
 * @param items the keys to project and where; empty projects every key
 * @param optional whether a missing Secret or key is tolerated
 */
public record SecretProjection(String name, ImmutableList<KeyToPath> items, Boolean optional) {
  public SecretProjection {
    items = Immutables.list(items);
  }
}
