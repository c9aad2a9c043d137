package dev.volsim.core.engine;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A component's own stream of random numbers, derived from the simulation's seed and the
 * component's name alone: adding a component, or drawing more in one, never changes the draws of
 * another. Not thread-safe (a simulation is single-threaded).
 */
public final class RandomSource {
  private final SplittableRandom random;
  private final String name;

  private RandomSource(long seed, String name) {
    this.name = name;
    long nameHash = Hashing.sha256().hashString(name, StandardCharsets.UTF_8).asLong();
    this.random = new SplittableRandom(seed ^ nameHash);
  }

  /** The stream for {@code name} under {@code seed}; the same pair always gives the same draws. */
  public static RandomSource of(long seed, String name) {
    return new RandomSource(seed, name);
  }

  public String name() {
    return name;
  }

  public long nextLong() {
    return random.nextLong();
  }

  /** Uniform in [0, bound). */
  public int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** Uniform in [origin, bound). */
  public long nextLong(long origin, long bound) {
    return random.nextLong(origin, bound);
  }

  /** Uniform in [0, 1). */
  public double nextDouble() {
    return random.nextDouble();
  }

  public boolean nextBoolean() {
    return random.nextBoolean();
  }

  /** A version-4 UUID string from this stream, as the API server's uids look. */
  public String nextUuid() {
    long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new java.util.UUID(hi, lo).toString();
  }

  /**
   * A random suffix for {@code generateName}, as the API server makes it: five characters from
   * an alphabet without vowels and look-alike characters.
   */
  public String nextNameSuffix() {
    String alphabet = "bcdfghjklmnpqrstvwxz2456789";
    StringBuilder sb = new StringBuilder(5);
    for (int i = 0; i < 5; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
