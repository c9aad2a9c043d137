package dev.volsim.scheduler;

import java.util.EnumSet;
import java.util.Set;

/**
 * {@code nodename}: a pod naming a node fits only that node. The scheduler only takes pods without
 * a node name, so this rejects nothing in practice, as upstream.
 */
final class NodeName implements FilterPlugin {
  static final String ERR_REASON = "node(s) didn't match the requested node name";

  @Override
  public String name() {
    return "NodeName";
  }

  @Override
  public Status filter(CycleState state, NodeInfo node) {
    String wanted = state.pod.spec().nodeName();
    if (wanted == null || wanted.isEmpty() || wanted.equals(node.name())) {
      return Status.SUCCESS;
    }
    return Status.of(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, ERR_REASON);
  }

  @Override
  public Set<ClusterEvent> events() {
    return EnumSet.of(ClusterEvent.NODE_ADD);
  }
}
