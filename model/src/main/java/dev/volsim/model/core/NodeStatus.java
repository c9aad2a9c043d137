package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.model.Immutables;
import dev.volsim.model.Quantity;
import java.util.Optional;

/**
 * What the kubelet and the controllers report about a node. The compact constructor applies
 * {@code SetDefaults_NodeStatus}: allocatable defaults to capacity.
 *
 * @param capacity the node's total resources
 * @param allocatable the resources available to Pods
 * @param phase the deprecated node phase
 * @param conditions the node's conditions
 * @param addresses the node's addresses
 * @param daemonEndpoints the ports of its daemons
 * @param nodeInfo machine and software information
 * @param images images present on the node
 * @param volumesInUse unique names of the volumes the kubelet has mounted or wants mounted; the
 *     attach/detach controller will not detach these
 * @param volumesAttached volumes attached to the node
 */
public record NodeStatus(
    ImmutableSortedMap<String, Quantity> capacity,
    ImmutableSortedMap<String, Quantity> allocatable,
    NodePhase phase,
    ImmutableList<NodeCondition> conditions,
    ImmutableList<NodeAddress> addresses,
    NodeDaemonEndpoints daemonEndpoints,
    NodeSystemInfo nodeInfo,
    ImmutableList<ContainerImage> images,
    ImmutableList<String> volumesInUse,
    ImmutableList<AttachedVolume> volumesAttached) {

  public NodeStatus {
    capacity = Immutables.map(capacity);
    allocatable = allocatable == null || allocatable.isEmpty() ? capacity : Immutables.map(allocatable);
    conditions = Immutables.list(conditions);
    addresses = Immutables.list(addresses);
    images = Immutables.list(images);
    volumesInUse = Immutables.list(volumesInUse);
    volumesAttached = Immutables.list(volumesAttached);
  }

  /** The condition of this type, if present. */
  public Optional<NodeCondition> condition(String type) {
    return conditions.stream().filter(c -> type.equals(c.type())).findFirst();
  }

  /** A copy with these volumes in use. */
  public NodeStatus withVolumesInUse(java.util.List<String> inUse) {
    return new NodeStatus(capacity, allocatable, phase, conditions, addresses, daemonEndpoints,
        nodeInfo, images, Immutables.list(inUse), volumesAttached);
  }

  /** A copy with these attached volumes. */
  public NodeStatus withVolumesAttached(java.util.List<AttachedVolume> attached) {
    return new NodeStatus(capacity, allocatable, phase, conditions, addresses, daemonEndpoints,
        nodeInfo, images, volumesInUse, Immutables.list(attached));
  }

  /** A copy with these conditions. */
  public NodeStatus withConditions(java.util.List<NodeCondition> newConditions) {
    return new NodeStatus(capacity, allocatable, phase, Immutables.list(newConditions), addresses,
        daemonEndpoints, nodeInfo, images, volumesInUse, volumesAttached);
  }
}
