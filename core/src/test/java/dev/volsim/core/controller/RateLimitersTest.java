package dev.volsim.core.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitersTest {
  private long now;

  @Test
  void exponentialDoublesFromFiveMillisecondsAndCapsAtOneThousandSeconds() {
    RateLimiter<String> limiter = RateLimiters.itemExponentialFailure(
        RateLimiters.DEFAULT_BASE_DELAY, RateLimiters.DEFAULT_MAX_DELAY);
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      delays.add(limiter.whenMicros("pvc-1"));
    }
    assertThat(delays).containsExactly(5_000L, 10_000L, 20_000L, 40_000L, 80_000L);
    assertThat(limiter.numRequeues("pvc-1")).isEqualTo(5);
    // 5 ms * 2^17 = 655.36 s; 2^18 would be 1310.72 s, capped.
    for (int i = 5; i < 17; i++) {
      limiter.whenMicros("pvc-1");
    }
    assertThat(limiter.whenMicros("pvc-1")).isEqualTo(655_360_000L);
    assertThat(limiter.when("pvc-1")).isEqualTo(Duration.ofSeconds(1000));
    // No overflow however many failures.
    for (int i = 0; i < 200; i++) {
      assertThat(limiter.whenMicros("pvc-1")).isEqualTo(1_000_000_000L);
    }
  }

  @Test
  void forgetResetsTheBackoffOfThatItemOnly() {
    RateLimiter<String> limiter = RateLimiters.itemExponentialFailure(Duration.ofMillis(5), Duration.ofSeconds(1000));
    limiter.whenMicros("a");
    limiter.whenMicros("a");
    limiter.whenMicros("b");
    limiter.forget("a");
    assertThat(limiter.numRequeues("a")).isZero();
    assertThat(limiter.whenMicros("a")).isEqualTo(5_000L);
    assertThat(limiter.whenMicros("b")).isEqualTo(10_000L);
  }

  @Test
  void exponentialBackoffSaturatesInsteadOfOverflowing() {
    ItemExponentialFailureRateLimiter<String> limiter =
        new ItemExponentialFailureRateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(Long.MAX_VALUE / 2_000_000));
    assertThat(limiter.backoffMicros(0)).isEqualTo(5_000L);
    assertThat(limiter.backoffMicros(62)).isEqualTo(Long.MAX_VALUE / 2_000_000 * 1_000_000);
    assertThat(limiter.backoffMicros(Integer.MAX_VALUE)).isEqualTo(Long.MAX_VALUE / 2_000_000 * 1_000_000);
  }

  @Test
  void bucketLetsTheFirstHundredThroughThenOneEveryHundredMilliseconds() {
    RateLimiter<String> bucket = RateLimiters.bucket(10, 100, () -> now);
    for (int i = 0; i < 100; i++) {
      assertThat(bucket.whenMicros("k" + i)).as("request %s", i).isZero();
    }
    for (int i = 1; i <= 50; i++) {
      assertThat(bucket.whenMicros("late" + i)).as("late request %s", i).isEqualTo(i * 100_000L);
    }
    assertThat(bucket.numRequeues("late1")).isZero();
  }

  @Test
  void bucketRefillsWithVirtualTimeUpToItsBurst() {
    RateLimiter<String> bucket = RateLimiters.bucket(10, 100, () -> now);
    for (int i = 0; i < 100; i++) {
      bucket.whenMicros("k");
    }
    now = 1_000_000; // one second: ten tokens back
    for (int i = 0; i < 10; i++) {
      assertThat(bucket.whenMicros("k")).isZero();
    }
    assertThat(bucket.whenMicros("k")).isEqualTo(100_000L);
    now = 3_600_000_000L; // an hour: full again, but never above the burst
    for (int i = 0; i < 100; i++) {
      assertThat(bucket.whenMicros("k")).isZero();
    }
    assertThat(bucket.whenMicros("k")).isEqualTo(100_000L);
  }

  @Test
  void bucketDebtIsPaidBackOverTime() {
    RateLimiter<String> bucket = RateLimiters.bucket(10, 1, () -> now);
    assertThat(bucket.whenMicros("k")).isZero();
    assertThat(bucket.whenMicros("k")).isEqualTo(100_000L);
    assertThat(bucket.whenMicros("k")).isEqualTo(200_000L);
    now = 150_000;
    // Two tokens owed at 0, 1.5 repaid: the next one acts at 300 ms.
    assertThat(bucket.whenMicros("k")).isEqualTo(150_000L);
  }

  @Test
  void maxOfPicksTheLargerDelayAndAsksEveryLimiter() {
    RateLimiter<String> bucket = RateLimiters.bucket(10, 2, () -> now);
    RateLimiter<String> limiter = RateLimiters.maxOf(
        RateLimiters.itemExponentialFailure(Duration.ofMillis(5), Duration.ofSeconds(1000)), bucket);
    assertThat(limiter.whenMicros("a")).isEqualTo(5_000L); // exponential wins
    assertThat(limiter.whenMicros("b")).isEqualTo(5_000L);
    assertThat(limiter.whenMicros("c")).isEqualTo(100_000L); // bucket empty: bucket wins
    assertThat(limiter.whenMicros("a")).isEqualTo(200_000L);
    assertThat(limiter.numRequeues("a")).isEqualTo(2);
    limiter.forget("a");
    assertThat(limiter.numRequeues("a")).isZero();
  }

  @Test
  void defaultControllerRateLimiterIsExponentialPerItemUnderAnOverallBucket() {
    RateLimiter<String> limiter = RateLimiters.defaultControllerRateLimiter(() -> now);
    assertThat(limiter).isInstanceOf(MaxOfRateLimiter.class);
    assertThat(limiter.whenMicros("pv-1")).isEqualTo(5_000L);
    assertThat(limiter.whenMicros("pv-1")).isEqualTo(10_000L);
    for (int i = 0; i < 98; i++) {
      assertThat(limiter.whenMicros("other-" + i)).isEqualTo(5_000L);
    }
    // The 101st request at one instant: the bucket's 100 ms beats the item's 5 ms.
    assertThat(limiter.whenMicros("late")).isEqualTo(100_000L);
    assertThat(limiter.whenMicros("pv-1")).isEqualTo(200_000L);
    assertThat(limiter.numRequeues("pv-1")).isEqualTo(3);
  }
}
