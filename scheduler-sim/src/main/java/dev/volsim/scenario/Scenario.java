package dev.volsim.scenario;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.core.cluster.CsiDriverProfile;
import dev.volsim.core.engine.LatencyModel;
import dev.volsim.sim.ClusterNode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A scenario file as read by {@link ScenarioParser}: the replayable story of a cluster, its
 * objects and timed steps. Immutable; every manifest without run-time references is already
 * decoded and validated.
 *
 * @param file the scenario file, as the user named it
 * @param metadata its name and description
 * @param seed {@code spec.seed}, empty when the file gives none
 * @param kubernetes {@code spec.kubernetes}
 * @param nodes {@code spec.cluster.nodes}; empty for the embedded default cluster
 * @param csiDrivers {@code spec.cluster.csiDrivers} (used only with a declared cluster)
 * @param timing {@code spec.timing}: latency overrides by operation
 * @param objects {@code spec.objects}, expanded to one manifest per object, in order
 * @param steps {@code spec.steps}, in order
 * @param containers {@code spec.images} and {@code spec.behaviors}
 * @param world the world outside the API {@code spec.cluster} declares ({@link dev.volsim.sim.WorldSpec#EMPTY}
 *     for the embedded default cluster)
 */
public record Scenario(
    Path file, ScenarioMetadata metadata, OptionalLong seed, KubernetesSettings kubernetes,
    Optional<ImmutableList<ClusterNode>> nodes, ImmutableList<CsiDriverProfile> csiDrivers,
    ImmutableSortedMap<String, LatencyModel> timing,
    ImmutableList<ScenarioManifest> objects, ImmutableList<Step> steps, ScenarioBehaviors containers,
    dev.volsim.sim.WorldSpec world) {

  /** The seed used when neither {@code --seed} nor {@code spec.seed} gives one. */
  public static final long DEFAULT_SEED = 1;

  public Scenario {
    requireNonNull(file, "file is null");
    requireNonNull(metadata, "metadata is null");
    requireNonNull(seed, "seed is null");
    requireNonNull(kubernetes, "kubernetes is null");
    requireNonNull(nodes, "nodes is null");
    csiDrivers = csiDrivers == null ? ImmutableList.of() : csiDrivers;
    timing = ImmutableSortedMap.copyOf(timing);
    objects = ImmutableList.copyOf(objects);
    steps = ImmutableList.copyOf(steps);
    containers = containers == null ? ScenarioBehaviors.EMPTY : containers;
    world = world == null ? dev.volsim.sim.WorldSpec.EMPTY : world;
  }

  /** A scenario without images, behaviors or a declared world. */
  public Scenario(Path file, ScenarioMetadata metadata, OptionalLong seed, KubernetesSettings kubernetes,
      Optional<ImmutableList<ClusterNode>> nodes, ImmutableList<CsiDriverProfile> csiDrivers,
      ImmutableSortedMap<String, LatencyModel> timing,
      ImmutableList<ScenarioManifest> objects, ImmutableList<Step> steps) {
    this(file, metadata, seed, kubernetes, nodes, csiDrivers, timing, objects, steps, ScenarioBehaviors.EMPTY,
        dev.volsim.sim.WorldSpec.EMPTY);
  }
}
