package dev.volsim.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.List;
import java.util.Map;

/**
 * Normalisation used by every record's compact constructor: absent collections become empty
 * ones, lists keep their order, maps are sorted by key (the order the API server writes them in,
 * and the one iteration in the simulator relies on).
 */
public final class Immutables {
  private Immutables() {}

  /** An immutable copy of the list, or an empty list for null. */
  public static <T> ImmutableList<T> list(List<T> list) {
    return list == null ? ImmutableList.of() : ImmutableList.copyOf(list);
  }

  /** An immutable copy of the map sorted by key, or an empty map for null. */
  public static <V> ImmutableSortedMap<String, V> map(Map<String, V> map) {
    return map == null ? ImmutableSortedMap.of() : ImmutableSortedMap.copyOf(map);
  }
}
