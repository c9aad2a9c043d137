package dev.volsim.core.api;

import java.util.HashMap;
import java.util.Map;

/**
 * Which Event object already records a given (source, object, type, reason, message), so that a
 * repeated event increments its count as the real recorder's correlator does. Lookup only.
 */
final class EventRecorderIndex {
  private final Map<String, ObjectKey> byIdentity = new HashMap<>();

  ObjectKey find(String identity) {
    return byIdentity.get(identity);
  }

  void put(String identity, ObjectKey key) {
    byIdentity.put(identity, key);
  }

  void forget(String identity) {
    byIdentity.remove(identity);
  }
}
