package dev.volsim.core.controller;

import static java.util.Objects.requireNonNull;

import dev.volsim.core.api.ApiClient;
import dev.volsim.core.api.EventRecorder;
import dev.volsim.core.api.Informer;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The shape the protection and workload controllers share: informers feeding a rate-limited work queue of
 * {@code namespace/name} keys (client-go's {@code DefaultTypedControllerRateLimiter}), and a
 * pause that freezes the caches and holds back the keys that come due, replaying them, in key
 * order, on resume.
 */
public abstract class QueueController implements Controller {
  protected final ClusterContext context;
  protected final ApiClient client;
  protected final WorkQueue<String> queue;
  protected final EventRecorder recorder;
  private final String name;
  private final List<Informer<?>> informers = new ArrayList<>();
  private final TreeSet<String> heldBack = new TreeSet<>();
  private boolean paused;
  private boolean started;

  protected QueueController(ClusterContext context, String name) {
    this.context = requireNonNull(context, "context is null");
    this.name = requireNonNull(name, "name is null");
    this.client = context.api().client(name);
    this.recorder = new EventRecorder(client, null);
    this.queue = WorkQueue.<String>builder(context.engine(), name).build(this::process);
  }

  /** A new informer of this component, started by {@link #start()}. */
  protected final <T extends KubeObject> Informer<T> informer(Class<T> type) {
    Informer<T> informer = new Informer<>(context.api(), type, name);
    informers.add(informer);
    return informer;
  }

  /** Starts the informers (their initial lists enqueue what needs work); idempotent. */
  public final void start() {
    if (started) {
      return;
    }
    started = true;
    for (Informer<?> i : informers) {
      i.start();
    }
  }

  private SyncResult process(String key) {
    if (paused) {
      heldBack.add(key);
      return SyncResult.HANDLED;
    }
    return sync(key);
  }

  /** Processes one key; answers how the queue should treat it. */
  protected abstract SyncResult sync(String key);

  /** The virtual wall clock (the API's timestamps are in whole seconds of it). */
  protected final java.time.Instant now() {
    return context.engine().wallTime();
  }

  /** The namespace of a {@code namespace/name} key. */
  protected static String namespaceOf(String key) {
    return key.substring(0, key.indexOf('/'));
  }

  /** The name of a {@code namespace/name} key. */
  protected static String nameOf(String key) {
    return key.substring(key.indexOf('/') + 1);
  }

  /** The {@code namespace/name} key of an object ({@code name} for cluster-scoped ones). */
  protected static String keyOf(KubeObject o) {
    String ns = o.metadata().namespace();
    return ns == null || ns.isEmpty() ? o.metadata().name() : ns + "/" + o.metadata().name();
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final void pause() {
    if (paused) {
      return;
    }
    paused = true;
    for (Informer<?> i : informers) {
      i.pause();
    }
  }

  @Override
  public final void resume() {
    if (!paused) {
      return;
    }
    paused = false;
    for (Informer<?> i : informers) {
      i.resume();
    }
    List<String> missed = new ArrayList<>(heldBack);
    heldBack.clear();
    for (String k : missed) {
      queue.add(k);
    }
  }

  @Override
  public final boolean isPaused() {
    return paused;
  }
}
