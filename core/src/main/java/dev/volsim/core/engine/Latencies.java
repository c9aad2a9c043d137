package dev.volsim.core.engine;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latency model of each operation kind ({@code watch}, {@code attach}, {@code mountDevice},
 * ...), with volsim's defaults and a scenario's {@code timing} overrides. Immutable.
 */
public final class Latencies {
  /** Every operation kind a scenario's {@code timing} may name, with its default. */
  public static final ImmutableSortedMap<String, LatencyModel> DEFAULTS = ImmutableSortedMap.<String, LatencyModel>naturalOrder()
      .put("watch", LatencyModel.fixed(Duration.ofMillis(1)))
      .put("schedule", LatencyModel.fixed(Duration.ofMillis(10)))
      .put("bind", LatencyModel.fixed(Duration.ofMillis(5)))
      .put("provision", LatencyModel.fixed(Duration.ofSeconds(2)))
      .put("delete", LatencyModel.fixed(Duration.ofSeconds(1)))
      .put("attach", LatencyModel.fixed(Duration.ofSeconds(2)))
      .put("detach", LatencyModel.fixed(Duration.ofSeconds(2)))
      .put("mountDevice", LatencyModel.fixed(Duration.ofMillis(500)))
      .put("setUp", LatencyModel.fixed(Duration.ofMillis(100)))
      .put("tearDown", LatencyModel.fixed(Duration.ofMillis(100)))
      .put("unmountDevice", LatencyModel.fixed(Duration.ofMillis(200)))
      .put("imagePull", LatencyModel.fixed(Duration.ofSeconds(1)))
      .put("containerStart", LatencyModel.fixed(Duration.ofMillis(300)))
      .put("containerStop", LatencyModel.fixed(Duration.ofMillis(200)))
      .put("gitClone", LatencyModel.fixed(Duration.ofSeconds(1)))
      .put("download", LatencyModel.fixed(Duration.ofMillis(500)))
      .put("configSync", LatencyModel.fixed(Duration.ofSeconds(60)))
      .build();

  private final ImmutableSortedMap<String, LatencyModel> models;

  private Latencies(Map<String, LatencyModel> models) {
    this.models = ImmutableSortedMap.copyOf(models);
  }

  /** volsim's defaults. */
  public static Latencies defaults() {
    return new Latencies(DEFAULTS);
  }

  /**
   * These latencies with some replaced.
   *
   * @throws IllegalArgumentException for an operation kind that does not exist
   */
  public Latencies with(Map<String, LatencyModel> overrides) {
    Map<String, LatencyModel> m = new TreeMap<>(models);
    for (Map.Entry<String, LatencyModel> e : overrides.entrySet()) {
      if (!DEFAULTS.containsKey(e.getKey())) {
        throw new IllegalArgumentException("unknown operation \"" + e.getKey() + "\"; known: "
            + String.join(", ", DEFAULTS.keySet()));
      }
      m.put(e.getKey(), requireNonNull(e.getValue()));
    }
    return new Latencies(m);
  }

  /** The model of an operation kind. */
  public LatencyModel of(String operation) {
    LatencyModel m = models.get(operation);
    if (m == null) {
      throw new IllegalArgumentException("unknown operation \"" + operation + "\"");
    }
    return m;
  }

  /** One draw for an operation from the given stream, in microseconds. */
  public long sampleMicros(String operation, RandomSource random) {
    return of(operation).sampleMicros(random);
  }
}
