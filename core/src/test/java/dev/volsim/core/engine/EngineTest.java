package dev.volsim.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineTest {

  @Test
  void eventsRunInTimeOrderAndTiesInSchedulingOrder() {
    Engine engine = new Engine(1);
    List<String> ran = new ArrayList<>();
    engine.schedule(Duration.ofSeconds(2), "b", "x", () -> ran.add("b@2"));
    engine.schedule(Duration.ofSeconds(1), "a", "x", () -> ran.add("a@1"));
    engine.schedule(Duration.ofSeconds(1), "c", "x", () -> ran.add("c@1"));
    engine.schedule(Duration.ZERO, "d", "x", () -> {
      ran.add("d@0");
      engine.schedule(Duration.ZERO, "e", "x", () -> ran.add("e@0"));
    });
    assertThat(engine.runUntilQuiescent()).isEqualTo(5);
    assertThat(ran).containsExactly("d@0", "e@0", "a@1", "c@1", "b@2");
    assertThat(engine.now()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void stepRunsOneEventAndSaysWhatItWas() {
    Engine engine = new Engine(1);
    engine.schedule(Duration.ofMillis(1500), "kubelet", "sync", () -> { });
    engine.schedule(Duration.ofMillis(100), "attachdetach-controller", "reconcile", () -> { });
    ExecutedEvent first = engine.step().orElseThrow();
    assertThat(first.component()).isEqualTo("attachdetach-controller");
    assertThat(first.timeMicros()).isEqualTo(100_000);
    assertThat(first.toString()).isEqualTo("+0.100s  attachdetach-controller  reconcile");
    assertThat(engine.step().orElseThrow().type()).isEqualTo("sync");
    assertThat(engine.step()).isEmpty();
  }

  @Test
  void runUntilTimeRunsEventsAtThatTimeAndMovesTheClock() {
    Engine engine = new Engine(1);
    List<Long> ran = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      long t = i;
      engine.schedule(Duration.ofSeconds(i), "c", "x", () -> ran.add(t));
    }
    engine.runFor(Duration.ofSeconds(3));
    assertThat(ran).containsExactly(1L, 2L, 3L);
    assertThat(engine.now()).isEqualTo(Duration.ofSeconds(3));
    engine.runFor(Duration.ofMillis(500));
    assertThat(engine.now()).isEqualTo(Duration.ofMillis(3500));
    assertThat(engine.pendingEvents()).isEqualTo(2);
  }

  @Test
  void runUntilPredicateStopsAsSoonAsItHoldsOrAtTheTimeout() {
    Engine engine = new Engine(1);
    int[] counter = {0};
    for (int i = 1; i <= 10; i++) {
      engine.schedule(Duration.ofSeconds(i), "c", "tick", () -> counter[0]++);
    }
    assertThat(engine.runUntil(() -> counter[0] == 3, Duration.ofMinutes(1))).isTrue();
    assertThat(engine.now()).isEqualTo(Duration.ofSeconds(3));
    assertThat(engine.runUntil(() -> counter[0] == 100, Duration.ofSeconds(4))).isFalse();
    assertThat(engine.now()).isEqualTo(Duration.ofSeconds(7));
    assertThat(counter[0]).isEqualTo(7);
  }

  @Test
  void cancelledEventsDoNotRun() {
    Engine engine = new Engine(1);
    List<String> ran = new ArrayList<>();
    ScheduledEvent e = engine.schedule(Duration.ofSeconds(1), "c", "x", () -> ran.add("cancelled"));
    engine.schedule(Duration.ofSeconds(2), "c", "x", () -> ran.add("kept"));
    engine.cancel(e);
    engine.cancel(e);
    engine.runUntilQuiescent();
    assertThat(ran).containsExactly("kept");
    assertThat(e.isCancelled()).isTrue();
  }

  @Test
  void aComponentThatKeepsReschedulingItselfExhaustsTheBudgetAndIsNamed() {
    Engine engine = new Engine(1);
    engine.setEventBudget(10_000);
    engine.schedule(Duration.ofSeconds(1), "quiet", "once", () -> { });
    Runnable[] loop = new Runnable[1];
    loop[0] = () -> engine.schedule(Duration.ofMillis(1), "busy-controller", "spin", loop[0]);
    engine.schedule(Duration.ZERO, "busy-controller", "spin", loop[0]);
    assertThatThrownBy(engine::runUntilQuiescent)
        .isInstanceOf(EventBudgetExceededException.class)
        .hasMessageContaining("event budget of 10000 events exhausted")
        .hasMessageContaining("component \"busy-controller\"")
        .satisfies(t -> assertThat(((EventBudgetExceededException) t).component()).isEqualTo("busy-controller"));
  }

  @Test
  void randomStreamsDependOnlyOnSeedAndComponentName() {
    Engine a = new Engine(42);
    Engine b = new Engine(42);
    long a1 = a.random("scheduler").nextLong();
    // b creates another component first and draws from it: the scheduler's draws must not move.
    b.random("kubelet").nextLong();
    b.random("kubelet").nextLong();
    long b1 = b.random("scheduler").nextLong();
    assertThat(a1).isEqualTo(b1);
    assertThat(new Engine(43).random("scheduler").nextLong()).isNotEqualTo(a1);
    assertThat(a.random("scheduler").nextUuid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(a.random("names").nextNameSuffix()).matches("[bcdfghjklmnpqrstvwxz2456789]{5}");
  }

  @Test
  void latencyModelsDrawFromTheSeed() {
    RandomSource r1 = RandomSource.of(7, "attach");
    RandomSource r2 = RandomSource.of(7, "attach");
    LatencyModel uniform = LatencyModel.uniform(Duration.ofSeconds(1), Duration.ofSeconds(3));
    LatencyModel exp = LatencyModel.exponential(Duration.ofSeconds(2));
    for (int i = 0; i < 1000; i++) {
      long u = uniform.sampleMicros(r1);
      assertThat(u).isBetween(1_000_000L, 3_000_000L).isEqualTo(uniform.sampleMicros(r2));
      long x = exp.sampleMicros(r1);
      assertThat(x).isBetween(0L, 200_000_000L).isEqualTo(exp.sampleMicros(r2));
    }
    assertThat(LatencyModel.fixed(Duration.ofMillis(250)).sampleMicros(r1)).isEqualTo(250_000);
  }

  @Test
  void durationsParseAndPrintLikeGo() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Durations.parse("2m3s")).isEqualTo(Duration.ofSeconds(123));
    assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
    assertThatThrownBy(() -> Durations.parse("5")).hasMessage("time: missing unit in duration \"5\"");
    assertThatThrownBy(() -> Durations.parse("3 days")).hasMessageContaining("unknown unit");
    assertThatThrownBy(() -> Durations.parse("abc")).hasMessage("time: invalid duration \"abc\"");
    assertThat(Durations.formatGo(Duration.ofSeconds(123))).isEqualTo("2m3s");
    assertThat(Durations.formatGo(Duration.ofMinutes(90))).isEqualTo("1h30m0s");
    assertThat(Durations.formatGo(Duration.ofMillis(500))).isEqualTo("500ms");
    assertThat(Durations.format(12_300_000)).isEqualTo("+12.300s");
  }
}
