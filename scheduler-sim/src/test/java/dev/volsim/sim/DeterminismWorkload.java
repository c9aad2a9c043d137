package dev.volsim.sim;

import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.core.api.ApiClient;
import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.DeleteOptions;
import dev.volsim.core.api.EventRecorder;
import dev.volsim.core.api.Informer;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.engine.LatencyModel;
import dev.volsim.core.engine.RandomSource;
import dev.volsim.core.trace.Fingerprint;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.OwnerReference;
import dev.volsim.model.core.ConfigMap;
import java.time.Duration;
import java.util.List;

/**
 * A busy, random (but seeded) workload over the whole stack: objects created, updated, owned,
 * deleted in the background and the foreground, events recorded, an informer reacting late with
 * a random watch latency. Its fingerprint must depend on the seed alone. Also a main class, so a
 * second JVM can run it.
 */
final class DeterminismWorkload {
  private DeterminismWorkload() {}

  static String fingerprint(long seed) {
    Simulation sim = Simulation.builder().seed(seed)
        .latency("watch", LatencyModel.uniform(Duration.ofMillis(1), Duration.ofMillis(50)))
        .build();
    Fingerprint fp = new Fingerprint();
    sim.trace().addListener(fp);
    RandomSource random = sim.engine().random("workload");
    ApiClient user = sim.client("kubectl");
    EventRecorder recorder = new EventRecorder(sim.client("workload-controller"), null);
    Informer<ConfigMap> informer = new Informer<>(sim.api(), ConfigMap.class, "workload-controller");
    informer.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(ConfigMap cm) {
        recorder.normal(cm, "Seen", "saw " + cm.metadata().name());
      }
    });
    informer.start();
    for (int i = 0; i < 300; i++) {
      int n = i;
      sim.engine().schedule(Duration.ofMillis(random.nextInt(60_000)), "workload", "step", () -> step(sim, user, random, n));
    }
    sim.runUntilQuiescent();
    return fp.hex() + " " + fp.entries();
  }

  private static void step(Simulation sim, ApiClient user, RandomSource random, int n) {
    try {
      switch (random.nextInt(4)) {
        case 0 -> user.create(new ConfigMap(ObjectMeta.builder().generateName("cm-").build(), null,
            ImmutableSortedMap.of("n", Integer.toString(n)), null));
        case 1 -> {
          List<ConfigMap> all = sim.api().list(ConfigMap.class);
          if (!all.isEmpty()) {
            ConfigMap owner = all.get(random.nextInt(all.size()));
            OwnerReference ref = new OwnerReference("v1", "ConfigMap", owner.metadata().name(),
                owner.metadata().uid(), true, random.nextBoolean());
            user.create(new ConfigMap(ObjectMeta.builder().generateName("dep-").ownerReferences(List.of(ref)).build(),
                null, null, null));
          }
        }
        case 2 -> {
          List<ConfigMap> all = sim.api().list(ConfigMap.class);
          if (!all.isEmpty()) {
            ConfigMap victim = all.get(random.nextInt(all.size()));
            user.delete(ObjectKey.of(victim), DeleteOptions.defaults().withPropagation(
                random.nextBoolean() ? dev.volsim.core.api.PropagationPolicy.BACKGROUND
                    : dev.volsim.core.api.PropagationPolicy.FOREGROUND));
          }
        }
        default -> {
          List<ConfigMap> all = sim.api().list(ConfigMap.class);
          if (!all.isEmpty()) {
            ConfigMap target = all.get(random.nextInt(all.size()));
            user.update(new ConfigMap(target.metadata(), null, ImmutableSortedMap.of("n", "updated-" + n), null));
          }
        }
      }
    } catch (ApiException e) {
      // Conflicts and races are part of the story; the trace records them.
    }
  }

  public static void main(String[] args) {
    System.out.println(fingerprint(Long.parseLong(args[0])));
  }
}
