package dev.volsim.scheduler;

import dev.volsim.core.engine.Engine;
import dev.volsim.core.engine.ScheduledEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The scheduling queue ({@code internal/queue.PriorityQueue}): an active queue ordered by priority
 * then by the time a pod entered it ({@code PrioritySort}; all pods have priority 0 unless set,
 * so first in, first out), a backoff queue, and the unschedulable pods waiting for a cluster event.
 *
 * <p>Timing, as upstream: a pod's backoff is 1 s after its first failed attempt, doubling per
 * attempt, at most 10 s ({@code podInitialBackoffDuration}, {@code podMaxBackoffDuration}),
 * counted from when it was last queued. Unschedulable pods move when an event one of their
 * rejecting plugins registered for happens (to the backoff queue while backing off, else to the
 * active queue), and at the latest after 5 minutes ({@code podMaxInUnschedulablePodsDuration}),
 * checked every 30 s ({@code flushUnschedulablePodsLeftover}). volsim moves a pod out of backoff at
 * the exact instant its backoff ends instead of upstream's 1 s flush ticks. Nothing is scheduled
 * on the engine while every queue is empty.
 */
final class SchedulingQueue {
  static final long INITIAL_BACKOFF_MICROS = 1_000_000L;
  static final long MAX_BACKOFF_MICROS = 10_000_000L;
  static final long MAX_IN_UNSCHEDULABLE_MICROS = 5 * 60 * 1_000_000L;
  static final long FLUSH_UNSCHEDULABLE_PERIOD_MICROS = 30_000_000L;

  /** A queued pod ({@code QueuedPodInfo}). */
  static final class QueuedPodInfo {
    final String key;
    int priority;
    long timestamp;
    int attempts;
    Set<String> unschedulablePlugins = Set.of();
    long seq;

    QueuedPodInfo(String key) {
      this.key = key;
    }
  }

  private record ActiveKey(int negPriority, long timestamp, long seq) implements Comparable<ActiveKey> {
    @Override
    public int compareTo(ActiveKey o) {
      int c = Integer.compare(negPriority, o.negPriority);
      if (c == 0) {
        c = Long.compare(timestamp, o.timestamp);
      }
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private record BackoffKey(long expiry, long seq) implements Comparable<BackoffKey> {
    @Override
    public int compareTo(BackoffKey o) {
      int c = Long.compare(expiry, o.expiry);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private final Engine engine;
  private final String component;
  private final Runnable onActive;
  private final Map<String, QueuedPodInfo> infos = new HashMap<>();
  private final TreeMap<ActiveKey, String> activeQ = new TreeMap<>();
  private final Map<String, ActiveKey> activeKeys = new HashMap<>();
  private final TreeMap<BackoffKey, String> backoffQ = new TreeMap<>();
  private final Map<String, BackoffKey> backoffKeys = new HashMap<>();
  private final LinkedHashMap<String, QueuedPodInfo> unschedulable = new LinkedHashMap<>();
  private ScheduledEvent backoffFlush;
  private ScheduledEvent unschedulableFlush;
  private long seq;
  private long schedulingCycle;
  private long moveRequestCycle = -1;
  private final long startMicros;

  SchedulingQueue(Engine engine, String component, Runnable onActive) {
    this.engine = engine;
    this.component = component;
    this.onActive = onActive;
    this.startMicros = engine.nowMicros();
  }

  /** A new pending pod (or one whose spec changed) goes to the active queue unless known. */
  void add(String key, int priority) {
    QueuedPodInfo info = infos.get(key);
    if (info == null) {
      info = new QueuedPodInfo(key);
      info.priority = priority;
      infos.put(key, info);
      info.timestamp = engine.nowMicros();
      toActive(info);
    }
  }

  boolean contains(String key) {
    return infos.containsKey(key);
  }

  /** A pod updated while waiting as unschedulable is tried again ({@code isPodUpdated}). */
  void podSpecUpdated(String key) {
    QueuedPodInfo info = unschedulable.remove(key);
    if (info != null) {
      moveOut(info);
    }
  }

  /** Forgets a pod (deleted, or bound by someone else). */
  void delete(String key) {
    QueuedPodInfo info = infos.remove(key);
    if (info == null) {
      return;
    }
    ActiveKey a = activeKeys.remove(key);
    if (a != null) {
      activeQ.remove(a);
    }
    BackoffKey b = backoffKeys.remove(key);
    if (b != null) {
      backoffQ.remove(b);
    }
    unschedulable.remove(key);
  }

  boolean hasActive() {
    return !activeQ.isEmpty();
  }

  /** Pops the head of the active queue; the pod is in flight until {@link #done} or requeued. */
  QueuedPodInfo pop() {
    Map.Entry<ActiveKey, String> e = activeQ.pollFirstEntry();
    if (e == null) {
      return null;
    }
    activeKeys.remove(e.getValue());
    QueuedPodInfo info = infos.get(e.getValue());
    info.attempts++;
    schedulingCycle++;
    info.seq = schedulingCycle;
    return info;
  }

  /** The pod left the queue for good (bound). */
  void done(String key) {
    infos.remove(key);
  }

  /**
   * A failed attempt ({@code AddUnschedulableIfNotPresent}): rejected pods wait as unschedulable
   * unless a move request came while they were in flight; errors go to the backoff queue.
   */
  void addUnschedulable(QueuedPodInfo info, Set<String> rejectingPlugins) {
    if (!infos.containsKey(info.key)) {
      return; // deleted meanwhile
    }
    info.timestamp = engine.nowMicros();
    info.unschedulablePlugins = rejectingPlugins;
    if (rejectingPlugins.isEmpty() || moveRequestCycle >= info.seq) {
      toBackoff(info);
    } else {
      unschedulable.put(info.key, info);
      scheduleUnschedulableFlush();
    }
  }

  /** A cluster event: pods a plugin interested in it rejected move ({@code MoveAllToActiveOrBackoffQueue}). */
  void moveAllToActiveOrBackoff(ClusterEvent event, Map<String, Set<ClusterEvent>> pluginEvents) {
    List<QueuedPodInfo> moving = new ArrayList<>();
    for (QueuedPodInfo info : unschedulable.values()) {
      if (interested(info, event, pluginEvents)) {
        moving.add(info);
      }
    }
    for (QueuedPodInfo info : moving) {
      unschedulable.remove(info.key);
      moveOut(info);
    }
    moveRequestCycle = schedulingCycle;
  }

  private static boolean interested(QueuedPodInfo info, ClusterEvent event, Map<String, Set<ClusterEvent>> pluginEvents) {
    if (info.unschedulablePlugins.isEmpty()) {
      return true;
    }
    for (String p : info.unschedulablePlugins) {
      Set<ClusterEvent> events = pluginEvents.get(p);
      if (events == null || events.contains(event)) {
        return true;
      }
    }
    return false;
  }

  private void moveOut(QueuedPodInfo info) {
    if (backoffExpiry(info) > engine.nowMicros()) {
      toBackoff(info);
    } else {
      toActive(info);
    }
  }

  /** {@code calculateBackoffDuration}: 1 s doubled per further attempt, at most 10 s. */
  static long backoffDuration(int attempts) {
    long d = INITIAL_BACKOFF_MICROS;
    for (int i = 1; i < attempts; i++) {
      if (d > MAX_BACKOFF_MICROS - d) {
        return MAX_BACKOFF_MICROS;
      }
      d += d;
    }
    return d;
  }

  private long backoffExpiry(QueuedPodInfo info) {
    return info.attempts == 0 ? info.timestamp : info.timestamp + backoffDuration(info.attempts);
  }

  private void toActive(QueuedPodInfo info) {
    ActiveKey k = new ActiveKey(-info.priority, info.timestamp, ++seq);
    activeQ.put(k, info.key);
    activeKeys.put(info.key, k);
    onActive.run();
  }

  private void toBackoff(QueuedPodInfo info) {
    long expiry = backoffExpiry(info);
    if (expiry <= engine.nowMicros()) {
      toActive(info);
      return;
    }
    BackoffKey k = new BackoffKey(expiry, ++seq);
    backoffQ.put(k, info.key);
    backoffKeys.put(info.key, k);
    scheduleBackoffFlush();
  }

  private void scheduleBackoffFlush() {
    if (backoffQ.isEmpty()) {
      return;
    }
    long first = backoffQ.firstKey().expiry();
    if (backoffFlush != null && backoffFlush.timeMicros() <= first) {
      return;
    }
    if (backoffFlush != null) {
      engine.cancel(backoffFlush);
    }
    backoffFlush = engine.scheduleAtMicros(first, component, "backoff-complete", this::flushBackoffCompleted);
  }

  private void flushBackoffCompleted() {
    backoffFlush = null;
    long now = engine.nowMicros();
    while (!backoffQ.isEmpty() && backoffQ.firstKey().expiry() <= now) {
      String key = backoffQ.pollFirstEntry().getValue();
      backoffKeys.remove(key);
      toActive(infos.get(key));
    }
    scheduleBackoffFlush();
  }

  private void scheduleUnschedulableFlush() {
    if (unschedulableFlush != null || unschedulable.isEmpty()) {
      return;
    }
    long now = engine.nowMicros();
    long ticks = (now - startMicros) / FLUSH_UNSCHEDULABLE_PERIOD_MICROS + 1;
    unschedulableFlush = engine.scheduleAtMicros(startMicros + ticks * FLUSH_UNSCHEDULABLE_PERIOD_MICROS,
        component, "flush-unschedulable", this::flushUnschedulableLeftover);
  }

  private void flushUnschedulableLeftover() {
    unschedulableFlush = null;
    long now = engine.nowMicros();
    List<QueuedPodInfo> moving = new ArrayList<>();
    for (QueuedPodInfo info : unschedulable.values()) {
      if (now - info.timestamp > MAX_IN_UNSCHEDULABLE_MICROS) {
        moving.add(info);
      }
    }
    for (QueuedPodInfo info : moving) {
      unschedulable.remove(info.key);
      moveOut(info);
    }
    scheduleUnschedulableFlush();
  }

  int unschedulableCount() {
    return unschedulable.size();
  }

  int backoffCount() {
    return backoffQ.size();
  }
}
