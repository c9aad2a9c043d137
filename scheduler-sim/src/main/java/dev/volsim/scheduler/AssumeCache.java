package dev.volsim.scheduler;

import dev.volsim.core.api.Informer;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.model.KubeObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An informer with assumed objects on top ({@code util/assumecache}): the scheduler writes what it
 * decided (a PV's claimRef, a claim's selected-node) here before the API has it, so the next
 * cycles see the volume as taken. An assumed object gives way as soon as the informer holds a
 * version other than the one it was based on, or when it is restored.
 */
final class AssumeCache<T extends KubeObject> {
  private final Informer<T> informer;
  private final Map<ObjectKey, T> assumed = new HashMap<>();

  AssumeCache(Informer<T> informer) {
    this.informer = informer;
  }

  /** The assumed object if still current, else the informer's. */
  T get(ObjectKey key) {
    T latest = informer.get(key).orElse(null);
    T a = assumed.get(key);
    if (a != null) {
      if (latest != null && Objects.equals(latest.metadata().resourceVersion(), a.metadata().resourceVersion())) {
        return a;
      }
      assumed.remove(key);
    }
    return latest;
  }

  /** The informer's object, ignoring assumptions ({@code GetAPIObj}). */
  T getApi(ObjectKey key) {
    return informer.get(key).orElse(null);
  }

  void assume(T object) {
    assumed.put(ObjectKey.of(object), object);
  }

  void restore(ObjectKey key) {
    assumed.remove(key);
  }
}
