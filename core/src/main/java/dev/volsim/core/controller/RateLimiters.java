package dev.volsim.core.controller;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/** Static factories for the {@link RateLimiter}s client-go's controllers use. */
public final class RateLimiters {
  /**
   * Base of the default per-item back-off: client-go {@code DefaultTypedControllerRateLimiter},
   * {@code NewTypedItemExponentialFailureRateLimiter(5*time.Millisecond, ...)}.
   */
  public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(5);

  /** Cap of the default per-item back-off: ibid., {@code 1000*time.Second}. */
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(1000);

  /**
   * Rate of the default overall bucket: ibid., {@code rate.NewLimiter(rate.Limit(10), 100)}
   * ("10 qps, 100 bucket size. This is only for retry speed and its only the overall factor").
   */
  public static final double DEFAULT_QPS = 10;

  /** Size of the default overall bucket: ibid. */
  public static final int DEFAULT_BURST = 100;

  private RateLimiters() {}

  /**
   * client-go's {@code DefaultControllerRateLimiter()} (since client-go 0.31 spelled
   * {@code DefaultTypedControllerRateLimiter[T]()}, the untyped name deprecated):
   * {@code max(exponential(5ms, 1000s) per item, bucket(10 qps, burst 100) overall)}. A fresh
   * limiter each call, with its own failure counts and bucket.
   *
   * @param clockMicros the virtual clock the bucket refills by, usually {@code engine::nowMicros}
   */
  public static <K> RateLimiter<K> defaultControllerRateLimiter(LongSupplier clockMicros) {
    return new MaxOfRateLimiter<K>(List.of(
        new ItemExponentialFailureRateLimiter<K>(DEFAULT_BASE_DELAY, DEFAULT_MAX_DELAY),
        new BucketRateLimiter<K>(DEFAULT_QPS, DEFAULT_BURST, clockMicros)));
  }

  /** {@code NewTypedItemExponentialFailureRateLimiter(base, max)}. */
  public static <K> RateLimiter<K> itemExponentialFailure(Duration base, Duration max) {
    return new ItemExponentialFailureRateLimiter<>(base, max);
  }

  /** {@code &TypedBucketRateLimiter{Limiter: rate.NewLimiter(rate.Limit(qps), burst)}}. */
  public static <K> RateLimiter<K> bucket(double qps, int burst, LongSupplier clockMicros) {
    return new BucketRateLimiter<>(qps, burst, clockMicros);
  }

  /** {@code NewTypedMaxOfRateLimiter(limiters...)}. */
  @SafeVarargs
  public static <K> RateLimiter<K> maxOf(RateLimiter<? super K>... limiters) {
    return new MaxOfRateLimiter<K>(List.of(limiters));
  }
}
