package dev.volsim.core.api;

import dev.volsim.model.KubeObject;

/**
 * One change delivered to a watcher.
 *
 * @param type what happened
 * @param object the object after the change (for DELETED, its last state)
 */
public record WatchEvent(Type type, KubeObject object) {
  /** The watch event types. */
  public enum Type { ADDED, MODIFIED, DELETED }

  public ObjectKey key() {
    return ObjectKey.of(object);
  }
}
