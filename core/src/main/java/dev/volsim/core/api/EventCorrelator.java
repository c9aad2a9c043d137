package dev.volsim.core.api;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * client-go's {@code EventCorrelator} for one event source (component and host): repeated events
 * are counted on one Event object; events that differ only in their message are combined after 10
 * distinct messages within 10 minutes ("(combined from similar events): ..."); and a source may
 * write at most 25 events about one object in a burst, then one every 5 minutes
 * ({@code EventSourceObjectSpamFilter}). Lookup-only maps; no iteration reaches behaviour.
 */
final class EventCorrelator {
  /** {@code defaultAggregateMaxEvents}. */
  static final int AGGREGATE_MAX_EVENTS = 10;
  /** {@code defaultAggregateIntervalInSeconds}. */
  static final long AGGREGATE_INTERVAL_SECONDS = 600;
  /** {@code defaultSpamBurst}. */
  static final int SPAM_BURST = 25;
  /** {@code defaultSpamQPS}: one event every 300 s. */
  static final double SPAM_QPS = 1.0 / 300.0;

  /** What to write for one event, or nothing. */
  record Decision(boolean skip, String cacheKey, String message, int count, Instant firstTimestamp, String existingName) {}

  private static final class AggregateRecord {
    final TreeSet<String> localKeys = new TreeSet<>();
    Instant lastTimestamp = Instant.EPOCH;
  }

  private static final class Observed {
    int count;
    Instant firstTimestamp;
    String name;
  }

  private static final class Bucket {
    double tokens = SPAM_BURST;
    long lastMicros;
  }

  private final Map<String, AggregateRecord> aggregates = new HashMap<>();
  private final Map<String, Observed> observed = new HashMap<>();
  private final Map<String, Bucket> spam = new HashMap<>();

  /**
   * Correlates one event: {@code eventKey} identifies it exactly (object, type, reason,
   * message), {@code aggregateKey} without the message, {@code spamKey} only the object.
   */
  Decision correlate(String eventKey, String aggregateKey, String spamKey, String message, Instant now, long nowMicros) {
    // EventAggregate
    AggregateRecord record = aggregates.get(aggregateKey);
    if (record == null || now.getEpochSecond() - record.lastTimestamp.getEpochSecond() > AGGREGATE_INTERVAL_SECONDS) {
      record = new AggregateRecord();
      aggregates.put(aggregateKey, record);
    }
    record.localKeys.add(message);
    record.lastTimestamp = now;
    String cacheKey = eventKey;
    String finalMessage = message;
    if (record.localKeys.size() >= AGGREGATE_MAX_EVENTS) {
      // Upstream pops an arbitrary element; the smallest keeps the choice deterministic.
      record.localKeys.pollFirst();
      cacheKey = aggregateKey;
      finalMessage = "(combined from similar events): " + message;
    }
    // eventObserve: the count is kept even when the spam filter then drops the write.
    Observed seen = observed.get(cacheKey);
    String existingName = null;
    if (seen == null) {
      seen = new Observed();
      seen.count = 1;
      seen.firstTimestamp = now;
      observed.put(cacheKey, seen);
    } else {
      seen.count++;
      existingName = seen.name;
    }
    // EventSourceObjectSpamFilter: a token bucket per source and object.
    Bucket bucket = spam.computeIfAbsent(spamKey, k -> {
      Bucket b = new Bucket();
      b.lastMicros = nowMicros;
      return b;
    });
    bucket.tokens = Math.min(SPAM_BURST, bucket.tokens + (nowMicros - bucket.lastMicros) / 1e6 * SPAM_QPS);
    bucket.lastMicros = nowMicros;
    if (bucket.tokens < 1) {
      return new Decision(true, cacheKey, finalMessage, seen.count, seen.firstTimestamp, existingName);
    }
    bucket.tokens -= 1;
    return new Decision(false, cacheKey, finalMessage, seen.count, seen.firstTimestamp, existingName);
  }

  /** Remembers which Event object holds a cache key, after it was created. */
  void created(String cacheKey, String eventName) {
    Observed seen = observed.get(cacheKey);
    if (seen != null) {
      seen.name = eventName;
    }
  }
}
