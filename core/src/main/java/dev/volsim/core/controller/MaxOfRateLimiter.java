package dev.volsim.core.controller;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The worst case of several limiters, as client-go's {@code MaxOfRateLimiter}: {@link #whenMicros}
 * asks every limiter, in order, and returns the longest delay (so a token bucket inside still
 * spends a token even when another limiter's delay wins); {@link #numRequeues} is the largest
 * count; {@link #forget} forgets in all.
 */
public final class MaxOfRateLimiter<K> implements RateLimiter<K> {
  private final ImmutableList<RateLimiter<? super K>> limiters;

  /** @throws IllegalArgumentException if {@code limiters} is empty */
  public MaxOfRateLimiter(List<? extends RateLimiter<? super K>> limiters) {
    this.limiters = ImmutableList.copyOf(limiters);
    checkArgument(!this.limiters.isEmpty(), "no limiters");
  }

  @Override
  public long whenMicros(K item) {
    long max = 0;
    for (RateLimiter<? super K> limiter : limiters) {
      max = Math.max(max, limiter.whenMicros(item));
    }
    return max;
  }

  @Override
  public void forget(K item) {
    for (RateLimiter<? super K> limiter : limiters) {
      limiter.forget(item);
    }
  }

  @Override
  public int numRequeues(K item) {
    int max = 0;
    for (RateLimiter<? super K> limiter : limiters) {
      max = Math.max(max, limiter.numRequeues(item));
    }
    return max;
  }

  /** The limiters, in the order they are asked. */
  public List<RateLimiter<? super K>> limiters() {
    return limiters;
  }

  @Override
  public String toString() {
    return "MaxOfRateLimiter" + limiters;
  }
}
