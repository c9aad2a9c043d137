package dev.volsim.core.controller;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.volsim.core.engine.Durations;
import dev.volsim.core.engine.Engine;
import dev.volsim.core.engine.ScheduledEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A controller's rate-limited work queue with its workers, as client-go's
 * {@code workqueue.TypedRateLimitingInterface} ({@code queue.go}, {@code delaying_queue.go},
 * {@code rate_limiting_queue.go}) driven by the engine instead of goroutines.
 *
 * <p>Queue semantics, as upstream:
 * <ul>
 *   <li>{@link #add} marks a key dirty. A key waiting in the queue is there once however often it
 *       is added; a key being processed and added again is queued once more when its processing
 *       is done. Otherwise keys come out first in, first out.
 *   <li>{@link #addAfter} adds the key once the delay has passed, as an engine event. A key waits
 *       at most once: a second {@code addAfter} for a waiting key only moves it earlier, never
 *       later ({@code delaying_queue.go}'s {@code insert}). A delay of zero or less adds at once.
 *   <li>{@link #addRateLimited} is {@code addAfter(key, limiter.when(key))}; {@link #forget} and
 *       {@link #numRequeues} go to the limiter.
 *   <li>After {@link #shutDown} adds are ignored and delayed adds dropped; keys already queued
 *       are still handed out, as upstream's workers drain the queue before they exit.
 * </ul>
 *
 * <p>Processing: when a key is queued and fewer than {@code workers} workers are busy or about
 * to start, the queue schedules one engine event ({@code component}, {@code eventType}, zero
 * delay) that pops the head, calls the handler, applies its {@link SyncResult} and marks the key
 * done. Each event processes one key, so other components' events interleave between keys as
 * goroutines would. An empty queue schedules nothing. A handler's exception is a bug in the
 * simulation: the key is marked done (neither forgotten nor requeued) and the exception
 * propagates out of the engine's run.
 *
 * <p>Sets are only probed by key, never iterated, so hash order cannot reach behaviour; the
 * waiting keys keep insertion order. Not thread-safe.
 *
 * @param <K> the key type, with value equality (usually a {@code namespace/name} string)
 */
public final class WorkQueue<K> {
  /** The default engine event type of a worker processing one key. */
  public static final String DEFAULT_EVENT_TYPE = "sync";

  /** The engine event type of a delayed add coming due. */
  public static final String DELAYED_ADD_EVENT_TYPE = "delayed-add";

  private final Engine engine;
  private final String component;
  private final String eventType;
  private final int workers;
  private final RateLimiter<? super K> rateLimiter;
  private final Function<? super K, SyncResult> handler;
  private final Runnable workerAction = this::processNextWorkItem;

  // queue: keys in order, each dirty and not processing. dirty: keys that need processing.
  // processing: keys a handler is working on (at most `workers`).
  private final ArrayDeque<K> queue = new ArrayDeque<>();
  private final Set<K> dirty = new HashSet<>();
  private final Set<K> processing = new HashSet<>();
  private final Map<K, ScheduledEvent> waiting = new LinkedHashMap<>();
  private int scheduledWorkers;
  private int activeWorkers;
  private boolean shuttingDown;

  private WorkQueue(Builder<K> b, Function<? super K, SyncResult> handler) {
    this.engine = b.engine;
    this.component = b.component;
    this.eventType = b.eventType;
    this.workers = b.workers;
    this.rateLimiter = b.rateLimiter != null
        ? b.rateLimiter : RateLimiters.<K>defaultControllerRateLimiter(b.engine::nowMicros);
    this.handler = requireNonNull(handler, "handler is null");
  }

  /**
   * A queue with one worker, event type {@code sync} and client-go's default controller rate
   * limiter on the engine's clock.
   */
  public static <K> WorkQueue<K> create(Engine engine, String component,
      Function<? super K, SyncResult> handler) {
    return WorkQueue.<K>builder(engine, component).build(handler);
  }

  /** A builder for a queue whose events act for {@code component}. */
  public static <K> Builder<K> builder(Engine engine, String component) {
    return new Builder<>(engine, component);
  }

  /** Builds a {@link WorkQueue}. */
  public static final class Builder<K> {
    private final Engine engine;
    private final String component;
    private String eventType = DEFAULT_EVENT_TYPE;
    private int workers = 1;
    private RateLimiter<? super K> rateLimiter;

    private Builder(Engine engine, String component) {
      this.engine = requireNonNull(engine, "engine is null");
      this.component = requireNonNull(component, "component is null");
    }

    /** The engine event type of processing one key; {@code sync} unless set. */
    public Builder<K> eventType(String eventType) {
      this.eventType = requireNonNull(eventType, "eventType is null");
      return this;
    }

    /**
     * How many keys may be in flight at once (upstream: the number of worker goroutines); 1
     * unless set. As handlers run within one event, more workers only let more processing
     * events wait in the engine at once, which changes how they interleave with other events.
     *
     * @throws IllegalArgumentException if {@code workers < 1}
     */
    public Builder<K> workers(int workers) {
      checkArgument(workers >= 1, "workers is %s", workers);
      this.workers = workers;
      return this;
    }

    /** The limiter behind {@link #addRateLimited}; the default controller rate limiter unless set. */
    public Builder<K> rateLimiter(RateLimiter<? super K> rateLimiter) {
      this.rateLimiter = requireNonNull(rateLimiter, "rateLimiter is null");
      return this;
    }

    public WorkQueue<K> build(Function<? super K, SyncResult> handler) {
      return new WorkQueue<>(this, handler);
    }
  }

  /** Marks {@code key} as needing processing; a no-op if it is already queued or shutting down. */
  public void add(K key) {
    requireNonNull(key, "key is null");
    if (shuttingDown || !dirty.add(key)) {
      return;
    }
    if (processing.contains(key)) {
      // Queued again by done(key).
      return;
    }
    queue.addLast(key);
    scheduleWorkers();
  }

  /**
   * Adds {@code key} after {@code delay} of virtual time. If the key is already waiting, only an
   * earlier time replaces the one it waits for.
   */
  public void addAfter(K key, Duration delay) {
    addAfterMicros(key, Durations.toMicros(requireNonNull(delay, "delay is null")));
  }

  /** As {@link #addAfter} with the delay in microseconds. */
  public void addAfterMicros(K key, long delayMicros) {
    requireNonNull(key, "key is null");
    if (shuttingDown) {
      return;
    }
    if (delayMicros <= 0) {
      add(key);
      return;
    }
    long now = engine.nowMicros();
    long readyAt = delayMicros > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + delayMicros;
    ScheduledEvent existing = waiting.get(key);
    if (existing != null) {
      if (existing.timeMicros() <= readyAt) {
        return;
      }
      engine.cancel(existing);
    }
    waiting.put(key, engine.scheduleAtMicros(readyAt, component, DELAYED_ADD_EVENT_TYPE, () -> {
      waiting.remove(key);
      add(key);
    }));
  }

  /** Adds {@code key} after the rate limiter's delay for it (counting a failure). */
  public void addRateLimited(K key) {
    addAfterMicros(key, rateLimiter.whenMicros(key));
  }

  /** Makes the rate limiter stop tracking {@code key}; its delay starts from the base again. */
  public void forget(K key) {
    rateLimiter.forget(key);
  }

  /** How many times {@code key} has been requeued with a rate limit since it was forgotten. */
  public int numRequeues(K key) {
    return rateLimiter.numRequeues(key);
  }

  /** How many keys are queued: neither being processed nor waiting for a delay. */
  public int len() {
    return queue.size();
  }

  /** How many keys wait for a delayed add. */
  public int waitingLen() {
    return waiting.size();
  }

  /** Whether {@code key} needs processing: queued, or added again while being processed. */
  public boolean isDirty(K key) {
    return dirty.contains(key);
  }

  /** Whether a handler is working on {@code key} right now (only true inside a handler). */
  public boolean isProcessing(K key) {
    return processing.contains(key);
  }

  /**
   * Stops accepting keys: later adds are ignored and keys waiting for a delay dropped. Keys
   * already queued are still processed. Idempotent.
   */
  public void shutDown() {
    shuttingDown = true;
    for (ScheduledEvent e : waiting.values()) {
      engine.cancel(e);
    }
    waiting.clear();
  }

  public boolean isShuttingDown() {
    return shuttingDown;
  }

  /** The component this queue's events act for. */
  public String component() {
    return component;
  }

  private void scheduleWorkers() {
    while (scheduledWorkers + activeWorkers < workers && scheduledWorkers < queue.size()) {
      scheduledWorkers++;
      engine.scheduleAfterMicros(0, component, eventType, workerAction);
    }
  }

  /** One worker's turn: upstream {@code Get}, the sync handler, {@code Forget}/{@code AddRateLimited}, {@code Done}. */
  private void processNextWorkItem() {
    scheduledWorkers--;
    K key = queue.pollFirst();
    if (key == null) {
      throw new IllegalStateException(component + ": a worker event found the queue empty");
    }
    processing.add(key);
    dirty.remove(key);
    activeWorkers++;
    SyncResult result;
    try {
      result = handler.apply(key);
    } catch (RuntimeException | Error e) {
      done(key);
      throw e;
    }
    if (result == null) {
      done(key);
      throw new IllegalStateException(component + ": handler returned null for " + key);
    }
    switch (result) {
      case FORGET -> rateLimiter.forget(key);
      case REQUEUE_RATE_LIMITED -> addRateLimited(key);
      case HANDLED -> { }
    }
    done(key);
  }

  private void done(K key) {
    activeWorkers--;
    processing.remove(key);
    if (dirty.contains(key)) {
      queue.addLast(key);
    }
    scheduleWorkers();
  }

  @Override
  public String toString() {
    return "WorkQueue{" + component + ", queued=" + queue.size() + ", waiting=" + waiting.size() + "}";
  }
}
