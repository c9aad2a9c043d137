package dev.volsim.scheduler;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code noderesources} Fit: pod count, cpu and memory requests against the node's allocatable
 * ({@code Too many pods}, {@code Insufficient cpu}, {@code Insufficient memory}; Unschedulable).
 */
final class NodeResourcesFit implements FilterPlugin {
  @Override
  public String name() {
    return "NodeResourcesFit";
  }

  @Override
  public Status filter(CycleState state, NodeInfo node) {
    List<String> reasons = new ArrayList<>();
    if (node.podCount() + 1 > node.allowedPods()) {
      reasons.add("Too many pods");
    }
    Resources r = Resources.requests(state.pod, false);
    if (r.milliCpu() > 0 && r.milliCpu() > node.allocatableMilliCpu() - node.requestedMilliCpu()) {
      reasons.add("Insufficient cpu");
    }
    if (r.memory() > 0 && r.memory() > node.allocatableMemory() - node.requestedMemory()) {
      reasons.add("Insufficient memory");
    }
    return reasons.isEmpty() ? Status.SUCCESS : Status.of(Code.UNSCHEDULABLE, reasons);
  }

  @Override
  public Set<ClusterEvent> events() {
    return EnumSet.of(ClusterEvent.NODE_ADD, ClusterEvent.NODE_UPDATE, ClusterEvent.POD_DELETE);
  }
}
