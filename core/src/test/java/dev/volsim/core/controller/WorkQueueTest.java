package dev.volsim.core.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.volsim.core.engine.Durations;
import dev.volsim.core.engine.Engine;
import dev.volsim.core.engine.ExecutedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class WorkQueueTest {
  private final Engine engine = new Engine(42);
  private final List<String> synced = new ArrayList<>();

  private WorkQueue<String> queue(Function<String, SyncResult> handler) {
    return WorkQueue.create(engine, "persistentvolume-controller", handler);
  }

  private Function<String, SyncResult> recording() {
    return key -> {
      synced.add(key + "@" + Durations.format(engine.nowMicros()));
      return SyncResult.FORGET;
    };
  }

  @Test
  void aKeyAddedManyTimesIsQueuedOnceAndKeysComeOutInOrder() {
    WorkQueue<String> q = queue(recording());
    q.add("b");
    q.add("a");
    q.add("b");
    q.add("c");
    q.add("a");
    assertThat(q.len()).isEqualTo(3);
    assertThat(engine.runUntilQuiescent()).isEqualTo(3);
    assertThat(synced).containsExactly("b@+0.000s", "a@+0.000s", "c@+0.000s");
    assertThat(q.len()).isZero();
  }

  @Test
  void oneEventPerKeyWithOneWorkerAndOtherEventsInterleave() {
    WorkQueue<String> q = queue(recording());
    q.add("a");
    q.add("b");
    assertThat(engine.pendingEvents()).isEqualTo(1);
    engine.schedule(Duration.ZERO, "kubelet", "other", () -> synced.add("kubelet"));
    List<String> events = new ArrayList<>();
    Optional<ExecutedEvent> e;
    while ((e = engine.step()).isPresent()) {
      events.add(e.get().component() + " " + e.get().type());
    }
    assertThat(events).containsExactly(
        "persistentvolume-controller sync", "kubelet other", "persistentvolume-controller sync");
    assertThat(synced).containsExactly("a@+0.000s", "kubelet", "b@+0.000s");
  }

  @Test
  void aKeyAddedWhileBeingProcessedIsProcessedOnceMoreAfterDone() {
    List<String> log = new ArrayList<>();
    AtomicReference<WorkQueue<String>> holder = new AtomicReference<>();
    holder.set(queue(key -> {
      WorkQueue<String> q = holder.get();
      log.add(key + " dirty=" + q.isDirty(key) + " processing=" + q.isProcessing(key));
      if (log.size() == 1) {
        q.add(key);
        q.add(key);
        q.add("other");
        // Dirty but not queued while processing: it is not handed to another worker.
        log.add("len=" + q.len() + " dirty=" + q.isDirty(key));
      }
      return SyncResult.FORGET;
    }));
    holder.get().add("pv-1");
    engine.runUntilQuiescent();
    assertThat(log).containsExactly(
        "pv-1 dirty=false processing=true",
        "len=1 dirty=true",
        "other dirty=false processing=true",
        "pv-1 dirty=false processing=true");
  }

  @Test
  void addAfterFiresAtTheDelayAsAnEngineEventThenDeduplicates() {
    WorkQueue<String> q = queue(recording());
    q.addAfter("a", Duration.ofMillis(300));
    q.addAfter("b", Duration.ofMillis(100));
    assertThat(q.len()).isZero();
    assertThat(q.waitingLen()).isEqualTo(2);
    engine.runFor(Duration.ofMillis(200));
    q.add("b"); // already processed: queued again
    q.add("a");
    engine.runUntilQuiescent();
    // The delayed add of a at 300 ms still fires and processes it once more.
    assertThat(synced).containsExactly("b@+0.100s", "b@+0.200s", "a@+0.200s", "a@+0.300s");
    assertThat(engine.now()).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void aWaitingKeyWaitsOnceAndOnlyAnEarlierAddAfterMovesIt() {
    WorkQueue<String> q = queue(recording());
    q.addAfter("a", Duration.ofMillis(500));
    q.addAfter("a", Duration.ofMillis(900)); // later: ignored, as delaying_queue.go's insert
    q.addAfter("a", Duration.ofMillis(200)); // earlier: moves it
    assertThat(q.waitingLen()).isEqualTo(1);
    assertThat(engine.pendingEvents()).isEqualTo(1);
    engine.runUntilQuiescent();
    assertThat(synced).containsExactly("a@+0.200s");
  }

  @Test
  void addAfterWithoutDelayAddsAtOnce() {
    WorkQueue<String> q = queue(recording());
    q.addAfter("a", Duration.ZERO);
    assertThat(q.len()).isEqualTo(1);
    assertThat(q.waitingLen()).isZero();
  }

  @Test
  void failingKeysAreRetriedWithExponentialBackoffInVirtualTime() {
    List<Long> attempts = new ArrayList<>();
    WorkQueue<String> q = queue(key -> {
      attempts.add(engine.nowMicros());
      return attempts.size() < 6 ? SyncResult.REQUEUE_RATE_LIMITED : SyncResult.FORGET;
    });
    q.add("pvc-1");
    engine.runUntilQuiescent();
    // 0, then +5, +10, +20, +40, +80 ms.
    assertThat(attempts).containsExactly(0L, 5_000L, 15_000L, 35_000L, 75_000L, 155_000L);
    assertThat(q.numRequeues("pvc-1")).isZero(); // forgotten on success
    // Each retry costs two events: the delayed add and the sync.
    assertThat(engine.executedEvents()).isEqualTo(1 + 5 * 2);
  }

  @Test
  void handledLeavesTheRequeueCountAlone() {
    WorkQueue<String> q = queue(key -> {
      synced.add(key);
      if (synced.size() == 1) {
        return SyncResult.REQUEUE_RATE_LIMITED;
      }
      return SyncResult.HANDLED;
    });
    q.add("a");
    engine.runUntilQuiescent();
    assertThat(synced).containsExactly("a", "a");
    assertThat(q.numRequeues("a")).isEqualTo(1);
    q.forget("a");
    assertThat(q.numRequeues("a")).isZero();
  }

  @Test
  void anIdleQueueCostsNoEvents() {
    WorkQueue<String> q = queue(recording());
    q.add("a");
    engine.runUntilQuiescent();
    long executed = engine.executedEvents();
    engine.runFor(Duration.ofHours(1));
    assertThat(engine.executedEvents()).isEqualTo(executed);
    assertThat(engine.pendingEvents()).isZero();
  }

  @Test
  void severalWorkersScheduleSeveralEventsButEachKeyOnce() {
    WorkQueue<String> q = WorkQueue.<String>builder(engine, "attachdetach-controller")
        .workers(2).eventType("processNextWorkItem").build(recording());
    q.add("a");
    q.add("b");
    q.add("c");
    assertThat(engine.pendingEvents()).isEqualTo(2);
    assertThat(engine.step().orElseThrow().type()).isEqualTo("processNextWorkItem");
    engine.runUntilQuiescent();
    assertThat(synced).containsExactly("a@+0.000s", "b@+0.000s", "c@+0.000s");
  }

  @Test
  void shutDownIgnoresAddsDropsDelayedAddsAndDrainsTheQueue() {
    WorkQueue<String> q = queue(recording());
    q.add("a");
    q.addAfter("b", Duration.ofSeconds(1));
    q.shutDown();
    q.add("c");
    q.addRateLimited("d");
    assertThat(q.isShuttingDown()).isTrue();
    assertThat(q.waitingLen()).isZero();
    engine.runUntilQuiescent();
    assertThat(synced).containsExactly("a@+0.000s");
  }

  @Test
  void aThrowingHandlerMarksTheKeyDoneAndPropagates() {
    WorkQueue<String> q = queue(key -> {
      throw new IllegalStateException("boom " + key);
    });
    q.add("a");
    assertThatThrownBy(engine::runUntilQuiescent).hasMessage("boom a");
    assertThat(q.isProcessing("a")).isFalse();
    q.add("a");
    assertThat(q.len()).isEqualTo(1);
  }

  @Test
  void theSameProgramGivesTheSameOrderOfHandlerCalls() {
    List<String> first = runMixedProgram();
    assertThat(runMixedProgram()).isEqualTo(first);
    // Immediate adds in FIFO order (the delayed add of pv-0 has no delay and is de-duplicated),
    // then delayed adds and retries in time order, ties in the order they were scheduled.
    assertThat(first).containsExactly(
        "pv-0@0", "pv-2@0", "pv-4@0", "pv-1@0", "pv-3@0", "fail-1@0", "fail-2@0",
        "pv-1@3000", "fail-1@5000", "fail-2@5000", "pv-2@6000", "pv-3@9000", "pv-4@12000",
        "fail-1@15000", "fail-2@15000", "fail-1@35000", "fail-2@35000", "fail-1@75000", "fail-2@75000");
  }

  private List<String> runMixedProgram() {
    Engine e = new Engine(7);
    List<String> calls = new ArrayList<>();
    int[] failures = new int[1];
    WorkQueue<String> q = WorkQueue.create(e, "persistentvolume-controller", key -> {
      calls.add(key + "@" + e.nowMicros());
      if (key.startsWith("fail") && failures[0]++ < 8) {
        return SyncResult.REQUEUE_RATE_LIMITED;
      }
      return SyncResult.FORGET;
    });
    for (int i = 0; i < 5; i++) {
      q.add("pv-" + (i * 7 % 5));
      q.addAfter("pv-" + i, Duration.ofMillis(i * 3));
    }
    q.add("fail-1");
    q.add("fail-2");
    e.runUntilQuiescent();
    return calls;
  }
}
