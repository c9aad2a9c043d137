package dev.volsim.core.cluster;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.core.api.ApiServer;
import dev.volsim.core.engine.Engine;
import dev.volsim.core.engine.Latencies;
import java.util.Optional;

/**
 * What every component of a simulated cluster is built with: the engine, the API server, the
 * Kubernetes release and its feature gates, component flags, operation latencies, and the CSI
 * drivers installed.
 *
 * @param engine the engine
 * @param api the API server
 * @param version the modelled release
 * @param featureGates every known gate's value
 * @param config component flags
 * @param latencies operation latencies
 * @param csiDrivers the CSI drivers of the cluster, in declaration order
 * @param faults failures injected into storage operations
 * @param world the world outside the API (nodes' disks, NFS and git servers, backing storage)
 */
public record ClusterContext(
    Engine engine, ApiServer api, KubernetesVersion version, ImmutableSortedMap<String, Boolean> featureGates,
    ComponentConfig config, Latencies latencies, ImmutableList<CsiDriverProfile> csiDrivers,
    OperationFaults faults, dev.volsim.core.world.ClusterWorld world) {

  public ClusterContext {
    requireNonNull(engine, "engine is null");
    requireNonNull(api, "api is null");
    requireNonNull(version, "version is null");
    requireNonNull(featureGates, "featureGates is null");
    requireNonNull(config, "config is null");
    requireNonNull(latencies, "latencies is null");
    csiDrivers = csiDrivers == null ? ImmutableList.of() : csiDrivers;
    faults = faults == null ? new OperationFaults() : faults;
    world = world == null ? new dev.volsim.core.world.ClusterWorld(false) : world;
  }

  /** A context with a lax, empty world (components that never touch storage outside the API). */
  public ClusterContext(Engine engine, ApiServer api, KubernetesVersion version,
      ImmutableSortedMap<String, Boolean> featureGates, ComponentConfig config, Latencies latencies,
      ImmutableList<CsiDriverProfile> csiDrivers, OperationFaults faults) {
    this(engine, api, version, featureGates, config, latencies, csiDrivers, faults, null);
  }

  /** Whether a feature gate is on. */
  public boolean featureGate(String name) {
    Boolean v = featureGates.get(name);
    if (v == null) {
      throw new IllegalArgumentException("unrecognized feature gate: " + name);
    }
    return v;
  }

  /** The installed CSI driver of this name, if any. */
  public Optional<CsiDriverProfile> csiDriver(String name) {
    return csiDrivers.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /** A draw of an operation's latency from a component's stream, in microseconds. */
  public long latencyMicros(String operation, String component) {
    return latencies.sampleMicros(operation, engine.random(component + "/" + operation));
  }
}
