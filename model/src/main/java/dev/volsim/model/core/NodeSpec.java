package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;

/**
 * What a node is configured with.
 *
 * @param podCIDR the Pod IP range assigned to the node
 * @param podCIDRs the Pod IP ranges, one per IP family
 * @param providerID the cloud provider's id of the node, {@code <provider>://<id>}
 * @param unschedulable whether new Pods may not be scheduled onto the node (cordoned)
 * @param taints the node's taints
 */
public record NodeSpec(
    String podCIDR,
    ImmutableList<String> podCIDRs,
    String providerID,
    boolean unschedulable,
    ImmutableList<Taint> taints) {
  public NodeSpec {
    podCIDRs = Immutables.list(podCIDRs);
    taints = Immutables.list(taints);
  }
}
