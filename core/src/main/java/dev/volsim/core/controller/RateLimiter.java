package dev.volsim.core.controller;

import dev.volsim.core.engine.Durations;
import java.time.Duration;

/**
 * Decides how long an item must wait before it is processed again, as client-go's
 * {@code workqueue.TypedRateLimiter[T]} ({@code util/workqueue/default_rate_limiters.go}). Delays
 * are in virtual microseconds; a limiter that needs a clock reads the engine's, never the wall
 * clock. Not thread-safe (a simulation is single-threaded).
 *
 * @param <K> the item type, usually an object key
 */
public interface RateLimiter<K> {
  /**
   * How long {@code item} should wait, in microseconds, never negative. Upstream {@code When}:
   * calling it counts as a failure (or, for a token bucket, takes a token).
   */
  long whenMicros(K item);

  /** {@link #whenMicros} as a {@link Duration}. */
  default Duration when(K item) {
    return Durations.ofMicros(whenMicros(item));
  }

  /** Stops tracking {@code item}: its next failure starts from the base delay again. */
  void forget(K item);

  /** How many failures {@code item} has had since it was last forgotten. */
  int numRequeues(K item);
}
