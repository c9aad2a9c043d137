package dev.volsim.core.controller;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.function.LongSupplier;

/**
 * An overall token bucket, as client-go's {@code BucketRateLimiter} over
 * {@code golang.org/x/time/rate.Limiter}: {@link #whenMicros} is {@code Reserve().Delay()}. The
 * bucket holds at most {@code burst} tokens and refills at {@code qps} tokens per second of
 * virtual time; it starts full. Each call takes one token, borrowing from the future when the
 * bucket is empty, so with an empty bucket successive calls at one instant wait
 * {@code 1/qps}, {@code 2/qps}, ... The delay applies to every item alike: {@link #forget} is a
 * no-op and {@link #numRequeues} is always 0.
 *
 * <p>The token arithmetic is x/time/rate's ({@code advance}, {@code reserveN},
 * {@code durationFromTokens}) in {@code double}, which Java evaluates identically on every JVM;
 * Go's nanosecond delay is rounded up to whole microseconds so an item never acts earlier than
 * Go's limiter would let it.
 */
public final class BucketRateLimiter<K> implements RateLimiter<K> {
  private final double qps;
  private final int burst;
  private final LongSupplier clockMicros;
  private double tokens;
  private long lastMicros;
  private boolean used;

  /**
   * @param qps tokens per second ({@code rate.Limit})
   * @param burst the bucket size
   * @param clockMicros the virtual clock, usually {@code engine::nowMicros}
   * @throws IllegalArgumentException if {@code qps} is not positive and finite or
   *     {@code burst < 1}
   */
  public BucketRateLimiter(double qps, int burst, LongSupplier clockMicros) {
    checkArgument(qps > 0 && Double.isFinite(qps), "qps is %s", qps);
    checkArgument(burst >= 1, "burst is %s", burst);
    this.qps = qps;
    this.burst = burst;
    this.clockMicros = requireNonNull(clockMicros, "clockMicros is null");
  }

  @Override
  public long whenMicros(K item) {
    long now = clockMicros.getAsLong();
    double left = advance(now) - 1;
    long waitMicros = left < 0 ? durationFromTokensMicros(-left) : 0;
    // Reserve(): the limiter remembers the debt, so the next caller queues behind this one.
    lastMicros = now;
    tokens = left;
    used = true;
    return waitMicros;
  }

  /** The tokens at {@code now}: upstream a limiter starts with its zero {@code last}, i.e. full. */
  private double advance(long now) {
    if (!used) {
      return burst;
    }
    long elapsed = Math.max(0, now - lastMicros);
    double refilled = tokens + (elapsed / 1e6) * qps;
    return Math.min(refilled, burst);
  }

  private long durationFromTokensMicros(double owed) {
    double nanos = (owed / qps) * 1e9;
    if (nanos >= Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    long truncated = (long) nanos; // Go: time.Duration(duration) truncates
    return (truncated + 999) / 1_000;
  }

  @Override
  public void forget(K item) {
    // The bucket is overall, not per item: nothing to forget.
  }

  @Override
  public int numRequeues(K item) {
    return 0;
  }

  @Override
  public String toString() {
    return "BucketRateLimiter{qps=" + qps + ", burst=" + burst + "}";
  }
}
