package dev.volsim.core.world;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The replicas of volumes of a replicated, Longhorn-like CSI driver: each volume keeps a full copy
 * of its data on several nodes (distinct nodes, chosen when the volume is created), and stays usable
 * while at least one of those nodes is up. volsim keeps one file system per volume (the
 * {@link BlockDevice} under its backend name) and tracks here only which replicas are healthy: a
 * replica on a node that went down is lost ({@link #nodeDown}) and, as Longhorn rebuilds it, healthy
 * again once the node is back ({@link #nodeUp}) while another replica kept the data. A volume with
 * no healthy replica is faulted: its data is unreachable until a replica's node returns (volsim
 * does not model the data loss a real faulted volume may suffer).
 *
 * <p>Iteration is in backend-name order. The node-lifecycle part of the simulation calls
 * {@link #nodeDown} and {@link #nodeUp}.
 */
public final class ReplicatedVolumes {
  private final TreeMap<String, ImmutableList<String>> replicas = new TreeMap<>();
  private final TreeSet<String> downNodes = new TreeSet<>();

  /** Records a new volume's replica nodes (distinct, at least one). */
  public void register(String backend, List<String> replicaNodes) {
    requireNonNull(backend, "backend is null");
    checkArgument(!replicaNodes.isEmpty(), "volume %s has no replica", backend);
    checkArgument(new TreeSet<>(replicaNodes).size() == replicaNodes.size(), "replicas of %s share a node: %s",
        backend, replicaNodes);
    replicas.put(backend, ImmutableList.copyOf(replicaNodes));
  }

  /** Forgets a deleted volume. */
  public void remove(String backend) {
    replicas.remove(backend);
  }

  /** Whether the volume is replicated here. */
  public boolean isReplicated(String backend) {
    return replicas.containsKey(backend);
  }

  /** The nodes holding the volume's replicas, in placement order; empty if not replicated. */
  public ImmutableList<String> replicaNodes(String backend) {
    return replicas.getOrDefault(backend, ImmutableList.of());
  }

  /** The replicas whose node is up, in placement order. */
  public ImmutableList<String> healthyReplicas(String backend) {
    return replicaNodes(backend).stream().filter(n -> !downNodes.contains(n)).collect(ImmutableList.toImmutableList());
  }

  /**
   * Whether the volume's data can be reached: always for a volume not replicated here, else while
   * one replica is healthy.
   */
  public boolean available(String backend) {
    return !replicas.containsKey(backend) || !healthyReplicas(backend).isEmpty();
  }

  /** A node went down: its replicas stop serving. */
  public void nodeDown(String node) {
    downNodes.add(requireNonNull(node, "node is null"));
  }

  /** A node came back: its replicas serve again (rebuilt from a healthy one). */
  public void nodeUp(String node) {
    downNodes.remove(node);
  }

  /** Whether a node is down as far as replicas go. */
  public boolean isDown(String node) {
    return downNodes.contains(node);
  }

  /** The replicated volumes' backend names, sorted. */
  public ImmutableList<String> backends() {
    return ImmutableList.copyOf(replicas.keySet());
  }

  /** The backend a volume has here, if replicated. */
  public Optional<ImmutableList<String>> find(String backend) {
    return Optional.ofNullable(replicas.get(backend));
  }
}
