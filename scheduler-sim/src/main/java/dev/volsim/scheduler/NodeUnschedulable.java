package dev.volsim.scheduler;

import dev.volsim.model.core.Taint;
import dev.volsim.model.core.TaintEffect;
import dev.volsim.model.core.Toleration;
import java.util.EnumSet;
import java.util.Set;

/** {@code nodeunschedulable}: a cordoned node takes only pods tolerating its unschedulable taint. */
final class NodeUnschedulable implements FilterPlugin {
  static final String ERR_REASON_UNSCHEDULABLE = "node(s) were unschedulable";
  private static final Taint UNSCHEDULABLE_TAINT =
      new Taint("node.kubernetes.io/unschedulable", null, TaintEffect.NO_SCHEDULE, null);

  @Override
  public String name() {
    return "NodeUnschedulable";
  }

  @Override
  public Status filter(CycleState state, NodeInfo node) {
    if (!node.node().spec().unschedulable()) {
      return Status.SUCCESS;
    }
    for (Toleration t : state.pod.spec().tolerations()) {
      if (t.tolerates(UNSCHEDULABLE_TAINT)) {
        return Status.SUCCESS;
      }
    }
    return Status.of(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, ERR_REASON_UNSCHEDULABLE);
  }

  @Override
  public Set<ClusterEvent> events() {
    return EnumSet.of(ClusterEvent.NODE_ADD, ClusterEvent.NODE_UPDATE);
  }
}
