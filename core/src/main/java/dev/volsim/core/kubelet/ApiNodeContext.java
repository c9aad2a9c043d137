package dev.volsim.core.kubelet;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedSet;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.volume.NodeContext;
import dev.volsim.core.volume.NodeVolumeMounts;
import dev.volsim.core.world.ClusterWorld;
import dev.volsim.core.world.NodeDisk;
import dev.volsim.model.Quantity;
import dev.volsim.model.core.ConfigMap;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.Secret;
import java.util.Optional;

/**
 * A node as its kubelet's volume plugins see it in a running simulation: its disk and mounts, its
 * installed packages and address, allocatable resources from its Node object, ConfigMaps and
 * Secrets through the kubelet's watching managers (changes arrive {@code configSync} late), Pods
 * as the API holds them now, the cluster's world outside the API ({@link ClusterContext#world()}),
 * its feature gates and the virtual clock.
 */
public final class ApiNodeContext implements NodeContext {
  private final ClusterContext ctx;
  private final String nodeName;
  private final NodeDisk disk;
  private final NodeVolumeMounts mounts;
  private final String address;
  private final ImmutableSortedSet<String> packages;
  private final WatchingObjectManager<ConfigMap> configMaps;
  private final WatchingObjectManager<Secret> secrets;

  /** The node {@code nodeName} of the cluster {@code ctx}, with this disk, InternalIP and packages. */
  public ApiNodeContext(ClusterContext ctx, String nodeName, NodeDisk disk, String address, Iterable<String> packages) {
    this.ctx = requireNonNull(ctx, "ctx is null");
    this.nodeName = requireNonNull(nodeName, "nodeName is null");
    this.disk = requireNonNull(disk, "disk is null");
    this.mounts = NodeVolumeMounts.of(disk);
    this.address = requireNonNull(address, "address is null");
    this.packages = ImmutableSortedSet.copyOf(packages);
    this.configMaps = new WatchingObjectManager<>(ctx, ConfigMap.class, nodeName,
        c -> Boolean.TRUE.equals(c.immutable()));
    this.secrets = new WatchingObjectManager<>(ctx, Secret.class, nodeName, Secret::isImmutable);
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
    return ctx.api().get(Node.class, null, nodeName)
        .map(n -> n.status() == null || n.status().allocatable() == null ? null : n.status().allocatable().get(resource));
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
    return nodeName;
  }

  @Override
  public ClusterWorld world() {
    return ctx.world();
  }

  @Override
  public Optional<ConfigMap> configMap(String namespace, String name) {
    return configMaps.get(namespace, name);
  }

  @Override
  public Optional<Secret> secret(String namespace, String name) {
    return secrets.get(namespace, name);
  }

  @Override
  public Optional<Pod> pod(String namespace, String name) {
    return ctx.api().get(Pod.class, namespace, name);
  }

  @Override
  public boolean featureGate(String name) {
    return ctx.featureGate(name);
  }

  @Override
  public long nowMicros() {
    // since the Unix epoch, as the interface says: the atomic writer names its directories after it
    return dev.volsim.core.engine.Engine.EPOCH.getEpochSecond() * 1_000_000L + ctx.engine().nowMicros();
  }
}
