package dev.volsim.core.engine;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;

/**
 * How long an operation of some kind takes in virtual time: fixed, uniform between two bounds,
 * or exponential around a mean. Draws come from the caller's {@link RandomSource}, so they are
 * part of the seeded story.
 */
public sealed interface LatencyModel {
  /** One draw, in microseconds, never negative. */
  long sampleMicros(RandomSource random);

  static LatencyModel fixed(Duration d) {
    return new Fixed(Durations.toMicros(d));
  }

  static LatencyModel uniform(Duration min, Duration max) {
    return new Uniform(Durations.toMicros(min), Durations.toMicros(max));
  }

  static LatencyModel exponential(Duration mean) {
    return new Exponential(Durations.toMicros(mean));
  }

  /** Always the same. */
  record Fixed(long micros) implements LatencyModel {
    public Fixed {
      checkArgument(micros >= 0, "latency is negative: %s", micros);
    }

    @Override
    public long sampleMicros(RandomSource random) {
      return micros;
    }
  }

  /** Uniform in [min, max]. */
  record Uniform(long minMicros, long maxMicros) implements LatencyModel {
    public Uniform {
      checkArgument(minMicros >= 0 && maxMicros >= minMicros, "bad uniform bounds [%s, %s]", minMicros, maxMicros);
    }

    @Override
    public long sampleMicros(RandomSource random) {
      return minMicros == maxMicros ? minMicros : random.nextLong(minMicros, maxMicros + 1);
    }
  }

  /** Exponential with the given mean, capped at 100 means so a draw cannot stall a run. */
  record Exponential(long meanMicros) implements LatencyModel {
    public Exponential {
      checkArgument(meanMicros >= 0, "mean is negative: %s", meanMicros);
    }

    @Override
    public long sampleMicros(RandomSource random) {
      double u = random.nextDouble();
      double draw = -Math.log1p(-u) * meanMicros;
      return (long) Math.min(draw, 100.0 * meanMicros);
    }
  }
}
