package dev.volsim.core.kubelet;

import java.util.HashMap;
import java.util.Map;

/**
 * The kubelet's container restart back-off ({@code flowcontrol.Backoff} as {@code doBackOff} uses
 * it, keyed by Pod and container): 10 s, doubling on each restart up to 5 min; a container that
 * exits more than twice the maximum (10 min) after its last restart starts again from 10 s.
 */
final class ContainerBackOff {
  /** {@code backOffPeriod = time.Second * 10} (pkg/kubelet/kubelet.go). */
  static final long INITIAL_MICROS = 10_000_000L;
  /** {@code MaxContainerBackOff = 300 * time.Second} (pkg/kubelet/kubelet.go). */
  static final long MAX_MICROS = 300_000_000L;

  private record Entry(long backoffMicros, long lastUpdateMicros) {}

  private final Map<String, Entry> entries = new HashMap<>();

  /** {@code hasExpired}: stable when it ran for twice the maximum since the last restart. */
  private static boolean hasExpired(long eventMicros, Entry e) {
    return eventMicros - e.lastUpdateMicros > 2 * MAX_MICROS;
  }

  /** {@code IsInBackOffSince(key, finishedAt)}: too soon to restart a container that finished then. */
  boolean isInBackOffSince(String key, long finishedMicros, long nowMicros) {
    Entry e = entries.get(key);
    if (e == null || hasExpired(finishedMicros, e)) {
      return false;
    }
    return nowMicros - finishedMicros < e.backoffMicros;
  }

  /** {@code Get(key)}: the current back-off, 0 when none. */
  long get(String key) {
    Entry e = entries.get(key);
    return e == null ? 0 : e.backoffMicros;
  }

  /** When the container finished at {@code finishedMicros} may start again. */
  long restartAt(String key, long finishedMicros) {
    Entry e = entries.get(key);
    return e == null || hasExpired(finishedMicros, e) ? finishedMicros : finishedMicros + e.backoffMicros;
  }

  /** {@code Next(key, finishedAt)}: a restart now; the next one waits twice as long. */
  void next(String key, long finishedMicros, long nowMicros) {
    Entry e = entries.get(key);
    long d = e == null || hasExpired(finishedMicros, e) ? INITIAL_MICROS : Math.min(e.backoffMicros * 2, MAX_MICROS);
    entries.put(key, new Entry(d, nowMicros));
  }
}
