package dev.volsim.core.controller;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.volsim.core.engine.Durations;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-item exponential back-off, as client-go's {@code ItemExponentialFailureRateLimiter}: the
 * n-th call of {@link #whenMicros} for an item since it was last forgotten returns
 * {@code base * 2^(n-1)}, capped at {@code max}. The arithmetic saturates instead of overflowing,
 * so any number of failures gives {@code max}.
 *
 * <p>The failure counts are only looked up by key, never iterated, so a hash map cannot leak
 * its order into the simulation.
 */
public final class ItemExponentialFailureRateLimiter<K> implements RateLimiter<K> {
  private final Map<K, Integer> failures = new HashMap<>();
  private final long baseMicros;
  private final long maxMicros;

  /**
   * @throws IllegalArgumentException if a delay is negative or {@code base > max}
   */
  public ItemExponentialFailureRateLimiter(Duration base, Duration max) {
    this.baseMicros = Durations.toMicros(requireNonNull(base, "base is null"));
    this.maxMicros = Durations.toMicros(requireNonNull(max, "max is null"));
    checkArgument(baseMicros >= 0, "base delay is negative: %s", base);
    checkArgument(maxMicros >= baseMicros, "max delay %s is below base delay %s", max, base);
  }

  @Override
  public long whenMicros(K item) {
    int exp = failures.merge(item, 1, Integer::sum) - 1;
    return backoffMicros(exp);
  }

  /** {@code base * 2^exp}, capped at the maximum and safe from overflow. */
  long backoffMicros(int exp) {
    if (baseMicros == 0) {
      return 0;
    }
    if (exp >= Long.SIZE - 1 || baseMicros > (Long.MAX_VALUE >> exp)) {
      return maxMicros;
    }
    return Math.min(baseMicros << exp, maxMicros);
  }

  @Override
  public void forget(K item) {
    failures.remove(item);
  }

  @Override
  public int numRequeues(K item) {
    return failures.getOrDefault(item, 0);
  }

  @Override
  public String toString() {
    return "ItemExponentialFailureRateLimiter{base=" + Durations.formatGo(Durations.ofMicros(baseMicros))
        + ", max=" + Durations.formatGo(Durations.ofMicros(maxMicros)) + "}";
  }
}
