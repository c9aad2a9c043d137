package dev.volsim.scheduler;

import dev.volsim.model.core.Taint;
import dev.volsim.model.core.TaintEffect;
import dev.volsim.model.core.Toleration;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code tainttoleration} Filter: the first NoSchedule or NoExecute taint no toleration tolerates
 * rejects the node (PreferNoSchedule only scores upstream, and volsim does not score it). The
 * reason names the taint up to 1.33 ({@code node(s) had untolerated taint {key: value}}) and no
 * longer from 1.34 ({@code node(s) had untolerated taint(s)}).
 */
final class TaintToleration implements FilterPlugin {
  private final int minor;

  TaintToleration(int minor) {
    this.minor = minor;
  }

  @Override
  public String name() {
    return "TaintToleration";
  }

  @Override
  public Status filter(CycleState state, NodeInfo node) {
    for (Taint taint : node.node().spec().taints()) {
      if (taint.effect() != TaintEffect.NO_SCHEDULE && taint.effect() != TaintEffect.NO_EXECUTE) {
        continue;
      }
      boolean tolerated = false;
      for (Toleration t : state.pod.spec().tolerations()) {
        if (t.tolerates(taint)) {
          tolerated = true;
          break;
        }
      }
      if (!tolerated) {
        return Status.of(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, reason(taint));
      }
    }
    return Status.SUCCESS;
  }

  String reason(Taint taint) {
    if (minor >= 34) {
      return "node(s) had untolerated taint(s)";
    }
    return "node(s) had untolerated taint {" + taint.key() + ": " + (taint.value() == null ? "" : taint.value()) + "}";
  }

  @Override
  public Set<ClusterEvent> events() {
    return EnumSet.of(ClusterEvent.NODE_ADD, ClusterEvent.NODE_UPDATE);
  }
}
