package dev.volsim.sim;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.model.Immutables;
import dev.volsim.model.Quantity;
import dev.volsim.model.core.Taint;
import java.util.List;
import java.util.Map;

/**
 * A node of the simulated cluster as a scenario's {@code cluster.nodes} describes it: what the
 * kubelet registers as a Node object, and what is installed on the machine.
 *
 * @param name the node's name (also its {@code kubernetes.io/hostname} label)
 * @param zone shorthand for the label {@code topology.kubernetes.io/zone}, or null
 * @param labels further labels
 * @param address its InternalIP, or null for one derived from its position
 * @param packages software installed on the node ({@code nfs-common}, {@code git}, ...)
 * @param capacity cpu, memory, ephemeral-storage, pods
 * @param taints its taints
 * @param unschedulable whether it is cordoned
 */
public record ClusterNode(
    String name, String zone, ImmutableSortedMap<String, String> labels, String address,
    ImmutableList<String> packages, ImmutableSortedMap<String, Quantity> capacity,
    ImmutableList<Taint> taints, boolean unschedulable) {

  /** The capacity of a node when a scenario gives none. */
  public static final ImmutableSortedMap<String, Quantity> DEFAULT_CAPACITY = ImmutableSortedMap.of(
      "cpu", Quantity.parse("4"), "memory", Quantity.parse("8Gi"),
      "ephemeral-storage", Quantity.parse("100Gi"), "pods", Quantity.parse("110"));

  public ClusterNode {
    requireNonNull(name, "name is null");
    labels = Immutables.map(labels);
    packages = Immutables.list(packages);
    capacity = capacity == null || capacity.isEmpty() ? DEFAULT_CAPACITY : mergeCapacity(capacity);
    taints = Immutables.list(taints);
  }

  private static ImmutableSortedMap<String, Quantity> mergeCapacity(Map<String, Quantity> given) {
    java.util.TreeMap<String, Quantity> m = new java.util.TreeMap<>(DEFAULT_CAPACITY);
    m.putAll(given);
    return ImmutableSortedMap.copyOf(m);
  }

  /** A plain node with the default capacity and the given packages. */
  public static ClusterNode of(String name, String zone, List<String> packages) {
    return new ClusterNode(name, zone, null, null, ImmutableList.copyOf(packages), null, null, false);
  }
}
