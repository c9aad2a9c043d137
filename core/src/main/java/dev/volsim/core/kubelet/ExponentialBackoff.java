package dev.volsim.core.kubelet;

import java.util.HashMap;
import java.util.Map;

/**
 * Upstream's {@code exponentialbackoff.ExponentialBackoff} as nestedpendingoperations uses it: after
 * a failure an operation may not run again for 500 ms, doubling on each further failure up to
 * 2m2s; a success forgets the key.
 */
final class ExponentialBackoff {
  /** {@code initialDurationBeforeRetry = 500 * time.Millisecond}. */
  static final long INITIAL_MICROS = 500_000L;
  /** {@code maxDurationBeforeRetry = 2*time.Minute + 2*time.Second}. */
  static final long MAX_MICROS = 122_000_000L;

  private record Entry(long lastErrorMicros, long durationMicros) {}

  private final Map<String, Entry> entries = new HashMap<>();

  boolean safeToRetry(String key, long nowMicros) {
    Entry e = entries.get(key);
    return e == null || nowMicros >= e.lastErrorMicros + e.durationMicros;
  }

  void failed(String key, long nowMicros) {
    Entry e = entries.get(key);
    long d = e == null ? INITIAL_MICROS : Math.min(e.durationMicros * 2, MAX_MICROS);
    entries.put(key, new Entry(nowMicros, d));
  }

  void succeeded(String key) {
    entries.remove(key);
  }
}
