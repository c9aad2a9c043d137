package dev.volsim.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.core.engine.Engine;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.core.ConfigMap;
import dev.volsim.model.core.Event;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** client-go's event correlator: counting, combining similar events, and the spam filter. */
class EventCorrelationTest {
  private final Engine engine = new Engine(1);
  private final ApiServer api = new ApiServer(engine);
  private final ConfigMap target = api.client("kubectl")
      .create(new ConfigMap(ObjectMeta.named("cfg"), null, ImmutableSortedMap.of(), null));
  private final EventRecorder recorder = new EventRecorder(api.client("persistentvolume-controller"), null);

  private List<Event> events() {
    return api.list(Event.class);
  }

  @Test
  void aSourceWritesAtMost25EventsAboutAnObjectThenOneEvery5Minutes() {
    for (int i = 0; i < 40; i++) {
      recorder.normal(target, "WaitForFirstConsumer", "waiting for first consumer to be created before binding");
      engine.runFor(Duration.ofSeconds(1));
    }
    // 25 writes went through (count 25); the 15 dropped ones were still counted by the observer.
    assertThat(events()).singleElement().satisfies(e -> assertThat(e.count()).isEqualTo(25));
    engine.runFor(Duration.ofMinutes(5));
    recorder.normal(target, "WaitForFirstConsumer", "waiting for first consumer to be created before binding");
    assertThat(events()).singleElement().satisfies(e -> assertThat(e.count()).isEqualTo(41));
  }

  @Test
  void tenDifferentMessagesWithTheSameReasonAreCombined() {
    for (int i = 0; i < 12; i++) {
      recorder.warning(target, "ProvisioningFailed", "attempt " + i + " failed");
    }
    List<String> messages = events().stream().map(Event::message).sorted().toList();
    assertThat(messages).hasSize(10).filteredOn(m -> m.startsWith("(combined from similar events): ")).hasSize(1);
    Event combined = events().stream().filter(e -> e.message().startsWith("(combined")).findFirst().orElseThrow();
    assertThat(combined.message()).isEqualTo("(combined from similar events): attempt 11 failed");
    assertThat(combined.count()).isEqualTo(3);
  }

  @Test
  void anotherSourceHasItsOwnBudget() {
    EventRecorder other = new EventRecorder(api.client("external-provisioner"), null);
    for (int i = 0; i < 30; i++) {
      recorder.normal(target, "A", "a");
      other.normal(target, "B", "b");
    }
    assertThat(events()).extracting(Event::count).containsExactlyInAnyOrder(25, 25);
  }
}
