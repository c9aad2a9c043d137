package dev.volsim.core.volume;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedSet;
import dev.volsim.core.cluster.KubernetesVersion;
import dev.volsim.core.world.ClusterWorld;
import dev.volsim.core.world.GitRepository;
import dev.volsim.core.world.GitServer;
import dev.volsim.core.world.NfsServer;
import dev.volsim.core.world.NodeDisk;
import dev.volsim.model.Quantity;
import dev.volsim.model.core.ConfigMap;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.Secret;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link NodeContext} holding its values itself: objects are put in by namespace and name, the
 * virtual time is set by the caller. Used by tests and by callers that keep their own state.
 */
public final class StaticNodeContext implements NodeContext {
  private final NodeDisk disk;
  private final NodeVolumeMounts mounts;
  private final String address;
  private final TreeMap<String, Quantity> allocatable = new TreeMap<>();
  private final ImmutableSortedSet<String> packages;
  private final ClusterWorld world;
  private final TreeMap<String, ConfigMap> configMaps = new TreeMap<>();
  private final TreeMap<String, Secret> secrets = new TreeMap<>();
  private final TreeMap<String, Pod> pods = new TreeMap<>();
  private final TreeMap<String, Boolean> gates = new TreeMap<>();
  private long nowMicros;

  /**
   * A node with this disk, address, packages and NFS servers, alone in a strict world of its own
   * (only these servers, and what {@link #setLocalNfsServer} and {@link #setGitServer} add, exist);
   * allocatable memory 4Gi and cpu 2 until {@link #setAllocatable} says otherwise.
   */
  public StaticNodeContext(NodeDisk disk, String address, Iterable<String> packages, List<NfsServer> nfsServers) {
    this(new ClusterWorld(true), disk, address, packages);
    nfsServers.forEach(world::addNfsServer);
  }

  /**
   * A node of {@code world} with this disk, address and packages; the node is registered in the
   * world under its disk's node name.
   */
  public StaticNodeContext(ClusterWorld world, NodeDisk disk, String address, Iterable<String> packages) {
    this.world = requireNonNull(world, "world is null");
    this.disk = requireNonNull(disk, "disk is null");
    this.mounts = NodeVolumeMounts.of(disk);
    this.address = requireNonNull(address, "address is null");
    this.packages = ImmutableSortedSet.copyOf(packages);
    allocatable.put("memory", Quantity.parse("4Gi"));
    allocatable.put("cpu", Quantity.parse("2"));
    world.addNode(disk.nodeName(), address, disk);
  }

  /** Sets the node's allocatable amount of {@code resource} ({@code memory}, {@code cpu}). */
  public StaticNodeContext setAllocatable(String resource, Quantity quantity) {
    allocatable.put(resource, quantity);
    return this;
  }

  /** Makes the node serve NFS itself with {@code server} ({@code server: localhost}). */
  public StaticNodeContext setLocalNfsServer(NfsServer server) {
    world.setNodeNfsServer(disk.nodeName(), server);
    return this;
  }

  /**
   * Adds the repositories {@code server} holds now to the world's git server (the same repository
   * objects, so later pushes to them show).
   */
  public StaticNodeContext setGitServer(GitServer server) {
    for (GitRepository repository : server.repositories()) {
      world.git().addRepository(repository);
    }
    return this;
  }

  /** Puts or replaces a ConfigMap (its metadata's namespace, {@code default} when unset). */
  public StaticNodeContext put(ConfigMap configMap) {
    configMaps.put(key(configMap.metadata().namespace(), configMap.metadata().name()), configMap);
    return this;
  }

  /** Puts or replaces a Secret (its metadata's namespace, {@code default} when unset). */
  public StaticNodeContext put(Secret secret) {
    secrets.put(key(secret.metadata().namespace(), secret.metadata().name()), secret);
    return this;
  }

  /** Puts or replaces a Pod, as downwardAPI volumes re-read it. */
  public StaticNodeContext put(Pod pod) {
    pods.put(key(pod.metadata().namespace(), pod.metadata().name()), pod);
    return this;
  }

  /** Removes a ConfigMap. */
  public StaticNodeContext removeConfigMap(String namespace, String name) {
    configMaps.remove(key(namespace, name));
    return this;
  }

  /** Sets a feature gate; unset gates take their default at {@code KubernetesVersion.DEFAULT}. */
  public StaticNodeContext setFeatureGate(String name, boolean enabled) {
    gates.put(name, enabled);
    return this;
  }

  /** Sets the virtual time, microseconds since the epoch. */
  public StaticNodeContext setNowMicros(long micros) {
    this.nowMicros = micros;
    return this;
  }

  private static String key(String namespace, String name) {
    return (namespace == null || namespace.isEmpty() ? "default" : namespace) + "/" + name;
  }

  @Override
  public NodeDisk disk() {
    return disk;
  }

  @Override
  public NodeVolumeMounts volumeMounts() {
    return mounts;
  }

  @Override
  public Optional<Quantity> allocatable(String resource) {
    return Optional.ofNullable(allocatable.get(resource));
  }

  @Override
  public boolean hasPackage(String name) {
    return packages.contains(name);
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public String nodeName() {
    return disk.nodeName();
  }

  @Override
  public ClusterWorld world() {
    return world;
  }

  @Override
  public Optional<ConfigMap> configMap(String namespace, String name) {
    return Optional.ofNullable(configMaps.get(key(namespace, name)));
  }

  @Override
  public Optional<Secret> secret(String namespace, String name) {
    return Optional.ofNullable(secrets.get(key(namespace, name)));
  }

  @Override
  public Optional<Pod> pod(String namespace, String name) {
    return Optional.ofNullable(pods.get(key(namespace, name)));
  }

  /** The gate's value as set, else its default at {@code KubernetesVersion.DEFAULT}. */
  @Override
  public boolean featureGate(String name) {
    Boolean set = gates.get(name);
    return set != null ? set
        : KubernetesVersion.DEFAULT.defaultFeatureGates().getOrDefault(name, false);
  }

  @Override
  public long nowMicros() {
    return nowMicros;
  }
}
