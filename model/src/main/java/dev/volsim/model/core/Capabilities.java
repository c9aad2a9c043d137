package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;

/**
 * Linux capabilities added to and dropped from the runtime's default set.
 *
 * @param add capabilities to add, as {@code NET_ADMIN}
 * @param drop capabilities to drop, as {@code ALL}
 */
public record Capabilities(ImmutableList<String> add, ImmutableList<String> drop) {
  public Capabilities {
    add = Immutables.list(add);
    drop = Immutables.list(drop);
  }
}
