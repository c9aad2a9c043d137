package dev.volsim.core.controller.workload;

import java.time.Duration;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * Upstream's {@code UIDTrackingControllerExpectations} ({@code controller_utils.go}): how many
 * Pods a controller has created and which it has deleted that its cache has not shown yet.
 * Until they are seen (or {@link #EXPECTATIONS_TIMEOUT} has passed) the controller does not
 * count Pods again, so a lagging cache never makes it create or delete twice.
 */
final class ControllerExpectations {
  /** {@code ExpectationsTimeout}: expectations older than this are ignored. */
  static final Duration EXPECTATIONS_TIMEOUT = Duration.ofMinutes(5);

  private final LongSupplier clockMicros;
  private final TreeMap<String, Expectation> byKey = new TreeMap<>();

  ControllerExpectations(LongSupplier clockMicros) {
    this.clockMicros = clockMicros;
  }

  private static final class Expectation {
    int adds;
    final TreeSet<String> deletes = new TreeSet<>();
    long setAtMicros;
  }

  /** {@code SatisfiedExpectations}. */
  boolean satisfied(String key) {
    Expectation e = byKey.get(key);
    if (e == null) {
      return true;
    }
    if (e.adds <= 0 && e.deletes.isEmpty()) {
      return true;
    }
    return clockMicros.getAsLong() - e.setAtMicros > EXPECTATIONS_TIMEOUT.toNanos() / 1000;
  }

  void expectCreations(String key, int adds) {
    Expectation e = new Expectation();
    e.adds = adds;
    e.setAtMicros = clockMicros.getAsLong();
    byKey.put(key, e);
  }

  /** Expects deletions; creations expected in the same sync are kept. */
  void expectDeletions(String key, Iterable<String> podKeys) {
    Expectation e = byKey.get(key);
    if (e == null || e.setAtMicros != clockMicros.getAsLong()) {
      e = new Expectation();
      e.setAtMicros = clockMicros.getAsLong();
      byKey.put(key, e);
    }
    podKeys.forEach(e.deletes::add);
  }

  void creationObserved(String key) {
    Expectation e = byKey.get(key);
    if (e != null) {
      e.adds--;
    }
  }

  void deletionObserved(String key, String podKey) {
    Expectation e = byKey.get(key);
    if (e != null) {
      e.deletes.remove(podKey);
    }
  }

  void delete(String key) {
    byKey.remove(key);
  }
}
