package dev.volsim.core.engine;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.volsim.core.trace.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The single-threaded discrete-event engine: a virtual clock and a queue of events ordered by
 * (time, sequence). Everything in a simulation happens as an event here, so the same seed and
 * input give the same sequence of events, byte for byte.
 *
 * <p>Virtual time is kept in microseconds since the start; {@link #wallTime()} maps it onto a
 * fixed epoch for object timestamps. There is no wall clock, no thread and no static state: two
 * engines never interact. Not thread-safe.
 */
public final class Engine {
  /** The default number of events one engine may run before it is judged to be livelocked. */
  public static final long DEFAULT_EVENT_BUDGET = 200_000_000L;

  /** Virtual time zero as a timestamp: fixed so object timestamps do not depend on the host. */
  public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  private static final int RECENT = 4096;

  private final long seed;
  private final EventQueue queue = new EventQueue();
  private final Map<String, RandomSource> randoms = new HashMap<>();
  private final Trace trace;
  private final String[] recentComponents = new String[RECENT];
  private long now;
  private long sequence;
  private long executed;
  private long eventBudget = DEFAULT_EVENT_BUDGET;

  /** An engine at virtual time zero whose random streams derive from {@code seed}. */
  public Engine(long seed) {
    this.seed = seed;
    this.trace = new Trace(() -> now);
  }

  public long seed() {
    return seed;
  }

  /** Virtual time in microseconds since the start. */
  public long nowMicros() {
    return now;
  }

  /** Virtual time since the start. */
  public Duration now() {
    return Durations.ofMicros(now);
  }

  /** Virtual time as a timestamp, from {@link #EPOCH}. */
  public Instant wallTime() {
    return EPOCH.plusNanos(now * 1_000L);
  }

  /** The trace of this simulation. */
  public Trace trace() {
    return trace;
  }

  /**
   * The random stream of a component, created on first use; its draws depend only on the seed
   * and the name.
   */
  public RandomSource random(String component) {
    return randoms.computeIfAbsent(component, c -> RandomSource.of(seed, c));
  }

  /** Sets how many events this engine may run in all before it reports a livelock. */
  public void setEventBudget(long budget) {
    checkArgument(budget > 0, "budget is %s", budget);
    this.eventBudget = budget;
  }

  public long eventBudget() {
    return eventBudget;
  }

  /** How many events have run. */
  public long executedEvents() {
    return executed;
  }

  /** How many events wait. */
  public int pendingEvents() {
    return queue.size();
  }

  /** The time of the next pending event, if any. */
  public Optional<Duration> nextEventTime() {
    ScheduledEvent e = queue.peek();
    return e == null ? Optional.empty() : Optional.of(Durations.ofMicros(e.time));
  }

  /**
   * Schedules {@code action} after {@code delay} (zero: after every event already scheduled for
   * now).
   *
   * @throws IllegalArgumentException if the delay is negative
   */
  public ScheduledEvent schedule(Duration delay, String component, String type, Runnable action) {
    return scheduleAfterMicros(Durations.toMicros(delay), component, type, action);
  }

  /** As {@link #schedule} with the delay in microseconds. */
  public ScheduledEvent scheduleAfterMicros(long delayMicros, String component, String type, Runnable action) {
    checkArgument(delayMicros >= 0, "delay is negative: %s us", delayMicros);
    long at = delayMicros > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + delayMicros;
    return scheduleAtMicros(at, component, type, action);
  }

  /**
   * Schedules {@code action} at an absolute virtual time, not before now.
   *
   * @throws IllegalArgumentException if the time is in the past
   */
  public ScheduledEvent scheduleAtMicros(long timeMicros, String component, String type, Runnable action) {
    checkArgument(timeMicros >= now, "time %s is before now %s", timeMicros, now);
    ScheduledEvent e = new ScheduledEvent(timeMicros, sequence++,
        requireNonNull(component, "component is null"), requireNonNull(type, "type is null"),
        requireNonNull(action, "action is null"));
    queue.add(e);
    foregroundPending++;
    return e;
  }

  /**
   * Schedules a background event at an absolute virtual time: one that a component repeats for as
   * long as it lives (a kubelet's heartbeat, a controller's monitor loop). It runs like any other
   * event, but {@link #runUntilQuiescent} does not wait for it: a cluster whose only pending work
   * is heartbeats is quiescent.
   */
  public ScheduledEvent scheduleBackgroundAtMicros(long timeMicros, String component, String type, Runnable action) {
    ScheduledEvent e = scheduleAtMicros(timeMicros, component, type, action);
    e.background = true;
    foregroundPending--;
    return e;
  }

  /** Cancels a pending event; a no-op if it already ran or was cancelled. */
  public void cancel(ScheduledEvent event) {
    if (event != null && !event.cancelled) {
      event.cancelled = true;
      if (queue.remove(event) && !event.background) {
        foregroundPending--;
      }
    }
  }

  private long foregroundPending;

  /** Runs the next event, if any, and says what it was. */
  public Optional<ExecutedEvent> step() {
    ScheduledEvent e = queue.poll();
    if (e == null) {
      return Optional.empty();
    }
    execute(e);
    return Optional.of(new ExecutedEvent(e.time, e.seq, e.component, e.type));
  }

  /**
   * Runs until no event is pending.
   *
   * @return the number of events run
   * @throws EventBudgetExceededException if the event budget runs out first
   */
  public long runUntilQuiescent() {
    long start = executed;
    ScheduledEvent e;
    // Background events (heartbeats) run in time order among the others, but only while other
    // work is pending.
    while (foregroundPending > 0 && (e = queue.poll()) != null) {
      execute(e);
    }
    return executed - start;
  }

  /**
   * Runs every event up to and including virtual time {@code timeMicros}, then sets the clock to
   * it (if it is later than now).
   *
   * @return the number of events run
   */
  public long runUntilMicros(long timeMicros) {
    long start = executed;
    ScheduledEvent e;
    while ((e = queue.peek()) != null && e.time <= timeMicros) {
      queue.poll();
      execute(e);
    }
    if (timeMicros > now) {
      now = timeMicros;
    }
    return executed - start;
  }

  /** Runs everything in the next {@code d} of virtual time, as {@link #runUntilMicros}. */
  public long runFor(Duration d) {
    long delta = Durations.toMicros(d);
    return runUntilMicros(delta > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + delta);
  }

  /**
   * Runs events until {@code condition} holds (checked before the first event and after each),
   * but not past {@code timeout} of virtual time from now.
   *
   * @return whether the condition held; on false the clock stands at the timeout
   */
  public boolean runUntil(BooleanSupplier condition, Duration timeout) {
    long deadline = Durations.toMicros(timeout) > Long.MAX_VALUE - now
        ? Long.MAX_VALUE : now + Durations.toMicros(timeout);
    if (condition.getAsBoolean()) {
      return true;
    }
    ScheduledEvent e;
    while ((e = queue.peek()) != null && e.time <= deadline) {
      queue.poll();
      execute(e);
      if (condition.getAsBoolean()) {
        return true;
      }
    }
    if (deadline > now) {
      now = deadline;
    }
    return condition.getAsBoolean();
  }

  private void execute(ScheduledEvent e) {
    if (executed >= eventBudget) {
      throw budgetExceeded(e);
    }
    if (!e.background) {
      foregroundPending--;
    }
    now = e.time;
    recentComponents[(int) (executed % RECENT)] = e.component;
    executed++;
    if (trace.enabled()) {
      trace.record(e.component, "EngineEvent", null, null,
          com.google.common.collect.ImmutableSortedMap.of("event", e.type));
    }
    e.action.run();
  }

  private EventBudgetExceededException budgetExceeded(ScheduledEvent next) {
    // Put the event back so the engine stays consistent for inspection after the error.
    queue.add(next);
    Map<String, Integer> counts = new TreeMap<>();
    int n = (int) Math.min(RECENT, executed);
    for (int i = 0; i < n; i++) {
      counts.merge(recentComponents[i], 1, Integer::sum);
    }
    String top = next.component;
    int best = -1;
    for (Map.Entry<String, Integer> c : counts.entrySet()) {
      // TreeMap order: on a tie the alphabetically first component is named, deterministically.
      if (c.getValue() > best) {
        best = c.getValue();
        top = c.getKey();
      }
    }
    int topCount = counts.getOrDefault(top, 0);
    return new EventBudgetExceededException(String.format(
        "event budget of %d events exhausted at %s: component \"%s\" ran %d of the last %d events; "
            + "it keeps rescheduling itself (a livelock?)",
        eventBudget, Durations.format(now), top, topCount, n), top);
  }
}
