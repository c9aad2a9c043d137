package dev.volsim.core.kubelet;

import static java.util.Objects.requireNonNull;

import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.api.Watch;
import dev.volsim.core.api.WatchEvent;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.model.Kinds;
import dev.volsim.model.KubeObject;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The kubelet's ConfigMap or Secret manager (pkg/kubelet/util/manager/watch_based_manager.go), which
 * volume plugins read through: the first read of an object is fresh (the reflector's initial list);
 * later changes reach the cache {@code configSync} after they happen (the scenario's
 * {@code timing.configSync}: the cache propagation delay of the kubelet's manager), in the order
 * they happened. An object seen {@code immutable} is never read again (upstream stops its
 * reflector), so deleting and re-creating it does not reach running Pods.
 *
 * <p>The watch starts on first use, so nodes that never mount such a volume pay nothing.
 *
 * @param <T> ConfigMap or Secret
 */
final class WatchingObjectManager<T extends KubeObject> {
  private final ClusterContext ctx;
  private final Class<T> type;
  private final String nodeName;
  private final Predicate<T> immutable;
  /** Objects referenced so far, as the cache holds them (empty: known to be missing). */
  private final TreeMap<ObjectKey, Optional<T>> cache = new TreeMap<>();
  private Watch watch;

  WatchingObjectManager(ClusterContext ctx, Class<T> type, String nodeName, Predicate<T> immutable) {
    this.ctx = requireNonNull(ctx, "ctx is null");
    this.type = requireNonNull(type, "type is null");
    this.nodeName = requireNonNull(nodeName, "nodeName is null");
    this.immutable = requireNonNull(immutable, "immutable is null");
  }

  /** {@code GetObject}: the cached object, fetched from the API server on first reference. */
  Optional<T> get(String namespace, String name) {
    ObjectKey key = new ObjectKey(Kinds.of(type).kind(), namespace, name);
    Optional<T> cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    if (watch == null) {
      watch = ctx.api().watch(Kinds.of(type).kind(), Kubelet.NAME, this::onWatchEvent);
    }
    Optional<T> fresh = ctx.api().get(type, namespace, name);
    cache.put(key, fresh);
    return fresh;
  }

  private void onWatchEvent(WatchEvent event) {
    ObjectKey key = event.key();
    Optional<T> cached = cache.get(key);
    if (cached == null || (cached.isPresent() && immutable.test(cached.get()))) {
      return; // not referenced by a Pod here, or its reflector is stopped
    }
    long delay = ctx.latencyMicros("configSync", "kubelet/" + nodeName);
    T object = type.cast(event.object());
    ctx.engine().scheduleAfterMicros(delay, Kubelet.NAME, "configSync", () -> apply(key, event.type(), object));
  }

  private void apply(ObjectKey key, WatchEvent.Type eventType, T object) {
    Optional<T> cached = cache.get(key);
    if (cached == null || (cached.isPresent() && immutable.test(cached.get()))) {
      return;
    }
    if (cached.isPresent() && isOlder(object, cached.get())) {
      return; // a later change already arrived (random configSync latencies)
    }
    cache.put(key, eventType == WatchEvent.Type.DELETED ? Optional.empty() : Optional.of(object));
  }

  private static boolean isOlder(KubeObject a, KubeObject b) {
    try {
      return Long.parseLong(a.metadata().resourceVersion()) < Long.parseLong(b.metadata().resourceVersion());
    } catch (NumberFormatException | NullPointerException e) {
      return false;
    }
  }
}
