package dev.volsim.core.trace;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;

/**
 * One thing that happened: an engine event that ran, an object that changed, an operation that
 * succeeded or failed. The trace of these entries is the single source of truth of a run.
 *
 * @param timeMicros virtual time in microseconds
 * @param sequence position in the trace, from 0
 * @param component Kubernetes' name of who did it ({@code attachdetach-controller}, {@code api-server})
 * @param type what happened ({@code AttachVolume}, {@code ObjectCreated}, {@code Event})
 * @param object the object concerned as {@code kind/namespace/name} or {@code kind/name}, or null
 * @param message the human sentence for the timeline, or null for entries the timeline skips
 * @param attributes matchable facts ({@code volume}, {@code claim}, {@code pod}, {@code node},
 *     {@code outcome}, ...), sorted by key
 */
public record TraceEntry(
    long timeMicros, long sequence, String component, String type, String object, String message,
    ImmutableSortedMap<String, String> attributes) {

  public TraceEntry {
    requireNonNull(component, "component is null");
    requireNonNull(type, "type is null");
    attributes = attributes == null ? ImmutableSortedMap.of() : ImmutableSortedMap.copyOf(attributes);
  }

  /** An attribute's value, or null. */
  public String attribute(String key) {
    return attributes.get(key);
  }

  /** Builds the attribute map from alternating keys and values, skipping null values. */
  public static ImmutableSortedMap<String, String> attrs(String... keysAndValues) {
    java.util.TreeMap<String, String> m = new java.util.TreeMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        m.put(keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return ImmutableSortedMap.copyOfSorted(m);
  }

  /** A copy with more attributes. */
  public TraceEntry withAttributes(Map<String, String> more) {
    java.util.TreeMap<String, String> m = new java.util.TreeMap<>(attributes);
    m.putAll(more);
    return new TraceEntry(timeMicros, sequence, component, type, object, message, ImmutableSortedMap.copyOfSorted(m));
  }
}
