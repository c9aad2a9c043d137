package dev.volsim.core.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Measures the engine against a bare {@link PriorityQueue} loop running the same stream of
 * trivial events: each event, when it runs, schedules one more at a pseudo-random delay, so the
 * number pending stays constant. Wall-clock timing lives here, outside any simulation, and no
 * test asserts it.
 */
public final class EngineBenchmark {
  /** One measurement. */
  public record Result(int pending, long events, double engineRate, double bareRate) {
    /** engine rate / bare rate: 1.0 means no overhead. */
    public double ratio() {
      return engineRate / bareRate;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "pending=%d events=%d engine=%.0f ev/s bare=%.0f ev/s ratio=%.2f",
          pending, events, engineRate, bareRate, ratio());
    }
  }

  private static final int DELAYS = 1 << 16;

  private EngineBenchmark() {}

  /**
   * Runs {@code rounds} measured rounds after {@code warmups} unmeasured ones and returns the best
   * round of each contender (the least disturbed by the machine).
   */
  public static Result measure(int pending, long events, int warmups, int rounds) {
    long[] delays = delays();
    double bestEngine = 0;
    double bestBare = 0;
    for (int i = 0; i < warmups + rounds; i++) {
      double e = engineRate(pending, events, delays);
      double b = bareRate(pending, events, delays);
      if (i >= warmups) {
        bestEngine = Math.max(bestEngine, e);
        bestBare = Math.max(bestBare, b);
      }
    }
    return new Result(pending, events, bestEngine, bestBare);
  }

  private static long[] delays() {
    SplittableRandom r = new SplittableRandom(42);
    long[] d = new long[DELAYS];
    for (int i = 0; i < d.length; i++) {
      d[i] = 1 + r.nextInt(1_000_000);
    }
    return d;
  }

  private static double engineRate(int pending, long events, long[] delays) {
    Engine engine = new Engine(1);
    long[] counter = {0};
    Runnable[] action = new Runnable[1];
    action[0] = () -> {
      long n = counter[0]++;
      if (n < events) {
        engine.scheduleAfterMicros(delays[(int) (n & (DELAYS - 1))], "bench", "tick", action[0]);
      }
    };
    for (int i = 0; i < pending; i++) {
      engine.scheduleAfterMicros(delays[i & (DELAYS - 1)], "bench", "tick", action[0]);
    }
    long start = System.nanoTime();
    engine.runUntilQuiescent();
    long elapsed = System.nanoTime() - start;
    return engine.executedEvents() / (elapsed / 1e9);
  }

  /** The baseline: the same events through a plain priority queue and a loop. */
  private static final class BareEvent {
    final long time;
    final long seq;
    final Runnable action;

    BareEvent(long time, long seq, Runnable action) {
      this.time = time;
      this.seq = seq;
      this.action = action;
    }
  }

  private static double bareRate(int pending, long events, long[] delays) {
    PriorityQueue<BareEvent> queue = new PriorityQueue<>(
        Comparator.<BareEvent>comparingLong(e -> e.time).thenComparingLong(e -> e.seq));
    long[] state = {0, 0, 0}; // now, seq, counter
    Runnable[] action = new Runnable[1];
    action[0] = () -> {
      long n = state[2]++;
      if (n < events) {
        queue.add(new BareEvent(state[0] + delays[(int) (n & (DELAYS - 1))], state[1]++, action[0]));
      }
    };
    for (int i = 0; i < pending; i++) {
      queue.add(new BareEvent(delays[i & (DELAYS - 1)], state[1]++, action[0]));
    }
    long executed = 0;
    long start = System.nanoTime();
    BareEvent e;
    while ((e = queue.poll()) != null) {
      state[0] = e.time;
      executed++;
      e.action.run();
    }
    long elapsed = System.nanoTime() - start;
    return executed / (elapsed / 1e9);
  }

  /** Runs the standard comparison (1,000 and 100,000 pending) and prints it; last line {@code ratio=...}. */
  public static List<String> standardReport() {
    List<String> lines = new ArrayList<>();
    double worst = Double.MAX_VALUE;
    for (int pending : new int[] {1_000, 100_000}) {
      Result r = measure(pending, 2_000_000, 3, 5);
      lines.add(r.toString());
      worst = Math.min(worst, r.ratio());
    }
    lines.add(String.format(Locale.ROOT, "ratio=%.2f", worst));
    return lines;
  }

  public static void main(String[] args) {
    standardReport().forEach(System.out::println);
  }
}
