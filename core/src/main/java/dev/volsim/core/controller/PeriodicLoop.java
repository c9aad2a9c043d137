package dev.volsim.core.controller;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import dev.volsim.core.engine.Durations;
import dev.volsim.core.engine.Engine;
import dev.volsim.core.engine.ScheduledEvent;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * A polling loop with period P, such as the 100 ms reconcilers of the kubelet's volume manager
 * and of the attach/detach controller ({@code wait.Until(rc.reconciliationLoopFunc(), period,
 * stopCh)}), that costs no event while it has nothing to do and still acts only at the virtual
 * times the real loop would: {@code t0 + k·P}, where {@code t0} is when it was started.
 *
 * <p>{@link #start} runs the first tick at once (as {@code wait.Until} does). A tick returns
 * whether it still has work: if so the next tick is scheduled one period later; if not, nothing
 * is scheduled and the loop sleeps. A real loop would keep ticking with nothing to do, which
 * nobody can observe; the price of skipping those ticks is that whoever gives the loop work must
 * call {@link #wake}, which schedules a tick at the next grid point strictly after the last tick
 * and not before now. So a wake right after a tick at {@code t} waits until {@code t + P}, and a
 * wake between grid points waits for the next one, exactly as a sleeping real loop would.
 *
 * <p>For a loop that always acts (a resync every 15 s), use {@link #resync}. Not thread-safe.
 */
public final class PeriodicLoop {
  private static final long NONE = Long.MIN_VALUE;

  private final Engine engine;
  private final String component;
  private final String type;
  private final long periodMicros;
  private final BooleanSupplier tick;
  private final Runnable action = this::runTick;
  private boolean running;
  private long originMicros;
  private long lastTickMicros = NONE;
  private ScheduledEvent next;
  private long ticks;

  /**
   * A stopped loop.
   *
   * @param component the component its ticks act for ({@code attachdetach-controller})
   * @param type the engine event type of a tick ({@code reconcile})
   * @param period the loop's period
   * @param tick one pass of the loop; returns whether there is still work (tick again after a
   *     period) or not (sleep until {@link #wake})
   * @throws IllegalArgumentException if the period is not positive
   */
  public PeriodicLoop(Engine engine, String component, String type, Duration period, BooleanSupplier tick) {
    this.engine = requireNonNull(engine, "engine is null");
    this.component = requireNonNull(component, "component is null");
    this.type = requireNonNull(type, "type is null");
    this.periodMicros = Durations.toMicros(requireNonNull(period, "period is null"));
    checkArgument(periodMicros > 0, "period is not positive: %s", period);
    this.tick = requireNonNull(tick, "tick is null");
  }

  /** A loop that ticks every period for as long as it runs, such as an informer's resync. */
  public static PeriodicLoop resync(Engine engine, String component, String type, Duration period, Runnable action) {
    requireNonNull(action, "action is null");
    return new PeriodicLoop(engine, component, type, period, () -> {
      action.run();
      return true;
    });
  }

  /**
   * Starts the loop now: its grid is now + k·P and its first tick runs at once (after the events
   * already scheduled for now).
   *
   * @throws IllegalStateException if it is running
   */
  public void start() {
    checkState(!running, "%s %s loop is already running", component, type);
    running = true;
    originMicros = engine.nowMicros();
    lastTickMicros = NONE;
    next = schedule(originMicros, component, type, action);
  }

  /** Stops the loop and cancels its next tick; a no-op if it is stopped. It may be started again. */
  public void stop() {
    running = false;
    engine.cancel(next);
    next = null;
  }

  /**
   * Makes sure a tick comes: if none is scheduled, schedules one at the first grid point that is
   * strictly after the last tick and not before now. A no-op if a tick is scheduled, or if the
   * loop is stopped. Calling it from within a tick schedules the next grid point.
   */
  public void wake() {
    if (!running || next != null) {
      return;
    }
    long now = engine.nowMicros();
    long at = originMicros + Math.floorDiv(now - originMicros + periodMicros - 1, periodMicros) * periodMicros;
    if (lastTickMicros != NONE && at <= lastTickMicros) {
      at = lastTickMicros + periodMicros;
    }
    next = schedule(at, component, type, action);
  }

  private void runTick() {
    next = null;
    lastTickMicros = engine.nowMicros();
    ticks++;
    boolean more = tick.getAsBoolean();
    if (more && running && next == null) {
      next = schedule(lastTickMicros + periodMicros, component, type, action);
    }
  }

  /**
   * Makes this loop's ticks background events ({@link Engine#scheduleBackgroundAtMicros}): a loop
   * that ticks for as long as its component lives, such as a kubelet's heartbeat, does not keep
   * the engine from being quiescent. Returns this loop.
   */
  public PeriodicLoop inBackground() {
    background = true;
    return this;
  }

  private boolean background;

  private ScheduledEvent schedule(long at, String component, String type, Runnable action) {
    return background ? engine.scheduleBackgroundAtMicros(at, component, type, action)
        : engine.scheduleAtMicros(at, component, type, action);
  }

  public boolean isRunning() {
    return running;
  }

  /** Whether a tick is scheduled; false while the loop sleeps. */
  public boolean isScheduled() {
    return next != null;
  }

  /** When the next tick runs, in virtual microseconds, if one is scheduled. */
  public OptionalLong nextTickMicros() {
    return next == null ? OptionalLong.empty() : OptionalLong.of(next.timeMicros());
  }

  /** When the last tick ran, if any ran since the loop was last started. */
  public OptionalLong lastTickMicros() {
    return lastTickMicros == NONE ? OptionalLong.empty() : OptionalLong.of(lastTickMicros);
  }

  /** How many ticks have run in all. */
  public long ticks() {
    return ticks;
  }

  public Duration period() {
    return Durations.ofMicros(periodMicros);
  }

  @Override
  public String toString() {
    return "PeriodicLoop{" + component + " " + type + " every " + Durations.formatGo(period())
        + (next == null ? ", sleeping" : ", next at " + Durations.format(next.timeMicros())) + "}";
  }
}
