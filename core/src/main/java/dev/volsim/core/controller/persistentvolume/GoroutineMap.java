package dev.volsim.core.controller.persistentvolume;

import static java.util.Objects.requireNonNull;

import dev.volsim.core.engine.Engine;
import java.time.Duration;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Upstream's {@code goroutinemap} with exponential back-off on error: at most one operation per
 * name runs at a time; after a failure the same name may not run again until its back-off has
 * passed. Operations here run in virtual time: each gets a callback to report how it ended.
 */
final class GoroutineMap {
  /** {@code initialDurationBeforeRetry} in exponential_backoff.go. */
  static final Duration INITIAL_DURATION_BEFORE_RETRY = Duration.ofMillis(500);
  /** {@code maxDurationBeforeRetry}: 2m2s. */
  static final Duration MAX_DURATION_BEFORE_RETRY = Duration.ofMinutes(2).plusSeconds(2);

  /** How an operation ended. */
  interface Done {
    void finish(boolean failed);
  }

  private static final class Op {
    boolean running;
    long lastErrorMicros;
    long durationBeforeRetryMicros;
  }

  private final Engine engine;
  private final TreeMap<String, Op> ops = new TreeMap<>();

  GoroutineMap(Engine engine) {
    this.engine = requireNonNull(engine, "engine is null");
  }

  /**
   * Starts {@code operation} under {@code name} unless one is running or backing off.
   *
   * @return whether it started
   */
  boolean run(String name, Consumer<Done> operation) {
    Op op = ops.get(name);
    long now = engine.nowMicros();
    if (op != null && op.running) {
      return false; // "operation with name ... is already running"
    } else if (op != null && now < op.lastErrorMicros + op.durationBeforeRetryMicros) {
      return false; // exponential back-off: not yet
    } else {
      Op started = op == null ? new Op() : op;
      started.running = true;
      ops.put(name, started);
      operation.accept(failed -> finished(name, started, failed));
      return true;
    }
  }

  private void finished(String name, Op op, boolean failed) {
    op.running = false;
    if (!failed) {
      ops.remove(name);
    } else {
      long initial = INITIAL_DURATION_BEFORE_RETRY.toNanos() / 1000;
      long max = MAX_DURATION_BEFORE_RETRY.toNanos() / 1000;
      op.durationBeforeRetryMicros = op.durationBeforeRetryMicros == 0
          ? initial : Math.min(max, op.durationBeforeRetryMicros * 2);
      op.lastErrorMicros = engine.nowMicros();
    }
  }

  /** Whether any operation runs or waits out a back-off (a resync may then still change things). */
  boolean isBusy() {
    return !ops.isEmpty();
  }

  boolean isRunning(String name) {
    Op op = ops.get(name);
    return op != null && op.running;
  }

  /** The back-off now in force for a name (zero when none). */
  Duration backoff(String name) {
    Op op = ops.get(name);
    return op == null ? Duration.ZERO : Duration.ofNanos(op.durationBeforeRetryMicros * 1000);
  }
}
