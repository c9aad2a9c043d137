package dev.volsim.core.api;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Kinds;
import dev.volsim.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A component's cache of one kind, fed by a watch: it lists what exists when started, then
 * applies changes as they arrive, late by the watch latency, so it can be stale exactly as a real
 * informer's cache is. Handlers run after the cache is updated. {@link #pause()} stops applying
 * changes (a paused controller); {@link #resume()} catches up from the API in one step, as a
 * relist does.
 *
 * @param <T> the record type
 */
public final class Informer<T extends KubeObject> {
  /** Reactions to cache changes. */
  public interface Handler<T> {
    default void onAdd(T object) {}

    default void onUpdate(T oldObject, T newObject) {}

    default void onDelete(T object) {}
  }

  private final ApiServer api;
  private final Class<T> type;
  private final String component;
  private final TreeMap<ObjectKey, T> cache = new TreeMap<>();
  private final List<Handler<T>> handlers = new ArrayList<>();
  private Watch watch;
  private boolean paused;
  private boolean synced;

  public Informer(ApiServer api, Class<T> type, String component) {
    this.api = requireNonNull(api, "api is null");
    this.type = requireNonNull(type, "type is null");
    this.component = requireNonNull(component, "component is null");
  }

  public void addHandler(Handler<T> handler) {
    handlers.add(handler);
  }

  /**
   * Starts: the current objects are listed now (delivered to handlers as adds in key order) and
   * the watch begins.
   */
  public void start() {
    if (watch != null) {
      return;
    }
    watch = api.watch(Kinds.of(type).kind(), component, this::onWatchEvent);
    for (T o : api.list(type)) {
      cache.put(ObjectKey.of(o), o);
      for (Handler<T> h : handlers) {
        h.onAdd(o);
      }
    }
    synced = true;
  }

  public void stop() {
    if (watch != null) {
      watch.stop();
      watch = null;
    }
  }

  /** Whether the initial list has been loaded. */
  public boolean hasSynced() {
    return synced;
  }

  private void onWatchEvent(WatchEvent event) {
    if (paused) {
      return;
    }
    T object = type.cast(event.object());
    ObjectKey key = ObjectKey.of(object);
    switch (event.type()) {
      case ADDED, MODIFIED -> {
        T old = cache.get(key);
        if (old != null && isOlder(object, old)) {
          return; // a relist already brought something newer
        }
        cache.put(key, object);
        for (Handler<T> h : handlers) {
          if (old == null) {
            h.onAdd(object);
          } else {
            h.onUpdate(old, object);
          }
        }
      }
      case DELETED -> {
        T old = cache.remove(key);
        if (old != null) {
          for (Handler<T> h : handlers) {
            h.onDelete(old);
          }
        }
      }
    }
  }

  private static boolean isOlder(KubeObject a, KubeObject b) {
    try {
      return Long.parseLong(a.metadata().resourceVersion()) < Long.parseLong(b.metadata().resourceVersion());
    } catch (NumberFormatException | NullPointerException e) {
      return false;
    }
  }

  /** Stops applying changes: the cache stays as it is. */
  public void pause() {
    paused = true;
  }

  /** Applies everything missed, as a relist: adds, updates and deletes in key order. */
  public void resume() {
    if (!paused) {
      return;
    }
    paused = false;
    TreeMap<ObjectKey, T> fresh = new TreeMap<>();
    for (T o : api.list(type)) {
      fresh.put(ObjectKey.of(o), o);
    }
    for (ObjectKey key : new ArrayList<>(cache.keySet())) {
      if (!fresh.containsKey(key)) {
        T old = cache.remove(key);
        for (Handler<T> h : handlers) {
          h.onDelete(old);
        }
      }
    }
    for (T o : fresh.values()) {
      T old = cache.put(ObjectKey.of(o), o);
      for (Handler<T> h : handlers) {
        if (old == null) {
          h.onAdd(o);
        } else if (!old.equals(o)) {
          h.onUpdate(old, o);
        }
      }
    }
  }

  public boolean isPaused() {
    return paused;
  }

  /** The cached object, which may be stale. */
  public Optional<T> get(ObjectKey key) {
    return Optional.ofNullable(cache.get(key));
  }

  public Optional<T> get(String namespace, String name) {
    return get(new ObjectKey(Kinds.of(type).kind(), Kinds.of(type).namespaced() ? namespace : "", name));
  }

  /** Every cached object in key order. */
  public ImmutableList<T> list() {
    return ImmutableList.copyOf(cache.values());
  }

  public int size() {
    return cache.size();
  }
}
