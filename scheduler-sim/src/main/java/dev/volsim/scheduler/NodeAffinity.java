package dev.volsim.scheduler;

import dev.volsim.model.core.Affinity;
import dev.volsim.model.core.NodeSelector;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** {@code nodeaffinity} Filter: the pod's nodeSelector and its required node affinity terms. */
final class NodeAffinity implements FilterPlugin {
  static final String ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";

  @Override
  public String name() {
    return "NodeAffinity";
  }

  @Override
  public Status filter(CycleState state, NodeInfo node) {
    Map<String, String> labels = node.node().metadata().labels();
    for (Map.Entry<String, String> e : state.pod.spec().nodeSelector().entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return Status.of(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, ERR_REASON_POD);
      }
    }
    Affinity affinity = state.pod.spec().affinity();
    NodeSelector required = affinity == null || affinity.nodeAffinity() == null
        ? null : affinity.nodeAffinity().requiredDuringSchedulingIgnoredDuringExecution();
    if (required != null && !Selectors.matches(required, node.node())) {
      return Status.of(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, ERR_REASON_POD);
    }
    return Status.SUCCESS;
  }

  @Override
  public Set<ClusterEvent> events() {
    return EnumSet.of(ClusterEvent.NODE_ADD, ClusterEvent.NODE_UPDATE);
  }
}
