package dev.volsim.core.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.volsim.core.engine.Engine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodicLoopTest {
  private static final Duration PERIOD = Duration.ofMillis(100);

  private final Engine engine = new Engine(1);
  private final List<Long> ticks = new ArrayList<>();
  private int work;

  private PeriodicLoop loop() {
    return new PeriodicLoop(engine, "attachdetach-controller", "reconcile", PERIOD, () -> {
      ticks.add(engine.nowMicros());
      if (work > 0) {
        work--;
      }
      return work > 0;
    });
  }

  @Test
  void anIdleLoopCostsNoEventsForAnHourOfVirtualTime() {
    PeriodicLoop loop = loop();
    loop.start();
    engine.runUntilQuiescent();
    assertThat(ticks).containsExactly(0L);
    long executed = engine.executedEvents();
    engine.runFor(Duration.ofHours(1));
    assertThat(engine.executedEvents()).isEqualTo(executed);
    assertThat(engine.pendingEvents()).isZero();
    assertThat(loop.isScheduled()).isFalse();
  }

  @Test
  void aLoopWithWorkTicksEveryPeriodUntilItIsDone() {
    work = 3;
    PeriodicLoop loop = loop();
    loop.start();
    engine.runUntilQuiescent();
    assertThat(ticks).containsExactly(0L, 100_000L, 200_000L);
  }

  @Test
  void aWakeBetweenGridPointsTicksAtTheNextOne() {
    PeriodicLoop loop = loop();
    loop.start();
    engine.runFor(Duration.ofMillis(250));
    loop.wake();
    assertThat(loop.nextTickMicros()).hasValue(300_000L);
    engine.runUntilQuiescent();
    assertThat(ticks).containsExactly(0L, 300_000L);
  }

  @Test
  void aWakeRightAfterATickWaitsAFullPeriod() {
    PeriodicLoop loop = loop();
    loop.start();
    engine.runFor(Duration.ofMillis(250));
    loop.wake();
    engine.runUntilMicros(300_000);
    assertThat(ticks).containsExactly(0L, 300_000L);
    loop.wake(); // at 300 ms, after the tick at 300 ms
    assertThat(loop.nextTickMicros()).hasValue(400_000L);
    engine.runUntilQuiescent();
    assertThat(ticks).containsExactly(0L, 300_000L, 400_000L);
  }

  @Test
  void aWakeOnAGridPointBeforeItsTickTicksThen() {
    PeriodicLoop loop = loop();
    loop.start();
    engine.runUntilMicros(500_000);
    loop.wake();
    assertThat(loop.nextTickMicros()).hasValue(500_000L);
  }

  @Test
  void theGridStartsWhereTheLoopStarted() {
    engine.runFor(Duration.ofMillis(30));
    PeriodicLoop loop = loop();
    loop.start();
    engine.runFor(Duration.ofMillis(1050));
    loop.wake(); // at 1080 ms: the grid is 30 ms + k * 100 ms
    engine.runUntilQuiescent();
    assertThat(ticks).containsExactly(30_000L, 1_130_000L);
  }

  @Test
  void wakesCoalesceAndATickThatWakesItselfTicksOncePerPeriod() {
    List<Long> seen = new ArrayList<>();
    PeriodicLoop[] holder = new PeriodicLoop[1];
    holder[0] = new PeriodicLoop(engine, "kubelet", "reconcile", PERIOD, () -> {
      seen.add(engine.nowMicros());
      if (seen.size() < 3) {
        holder[0].wake();
      }
      return seen.size() < 3;
    });
    holder[0].start();
    holder[0].wake();
    holder[0].wake();
    assertThat(engine.pendingEvents()).isEqualTo(1);
    engine.runUntilQuiescent();
    assertThat(seen).containsExactly(0L, 100_000L, 200_000L);
  }

  @Test
  void stopCancelsTheNextTickAndWakeIsThenANoOp() {
    work = 100;
    PeriodicLoop loop = loop();
    loop.start();
    engine.runFor(Duration.ofMillis(150));
    loop.stop();
    loop.wake();
    assertThat(engine.pendingEvents()).isZero();
    engine.runFor(Duration.ofSeconds(10));
    assertThat(ticks).containsExactly(0L, 100_000L);
    assertThatThrownBy(() -> {
      loop.start();
      loop.start();
    }).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aResyncLoopTicksEveryPeriod() {
    List<Long> resyncs = new ArrayList<>();
    PeriodicLoop resync = PeriodicLoop.resync(engine, "persistentvolume-controller", "resync",
        Duration.ofSeconds(15), () -> resyncs.add(engine.nowMicros()));
    resync.start();
    engine.runFor(Duration.ofSeconds(60));
    assertThat(resyncs).containsExactly(0L, 15_000_000L, 30_000_000L, 45_000_000L, 60_000_000L);
    assertThat(resync.isScheduled()).isTrue();
  }
}
