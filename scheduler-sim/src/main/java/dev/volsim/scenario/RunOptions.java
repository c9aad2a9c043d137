package dev.volsim.scenario;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/**
 * How to run a scenario.
 *
 * @param seed the seed to use instead of {@code spec.seed} ({@code --seed}), or empty
 * @param format how trace entries are rendered for the timeline sink
 */
public record RunOptions(OptionalLong seed, Format format) {
  /** The renderings of the trace. */
  public enum Format {
    /** {@code +12.300s  component  message}, one line per entry that has a message. */
    TEXT,
    /** One JSON object per entry, every entry (the lines the fingerprint hashes). */
    JSONL
  }

  public RunOptions {
    requireNonNull(seed, "seed is null");
    requireNonNull(format, "format is null");
  }

  /** The scenario's own seed, text timeline. */
  public static RunOptions defaults() {
    return new RunOptions(OptionalLong.empty(), Format.TEXT);
  }

  /** A copy with {@code --seed}. */
  public RunOptions withSeed(long s) {
    return new RunOptions(OptionalLong.of(s), format);
  }

  /** A copy with another format. */
  public RunOptions withFormat(Format f) {
    return new RunOptions(seed, f);
  }
}
