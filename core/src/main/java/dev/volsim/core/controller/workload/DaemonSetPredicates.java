package dev.volsim.core.controller.workload;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Records;
import dev.volsim.model.core.Affinity;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.NodeAffinity;
import dev.volsim.model.core.NodeSelector;
import dev.volsim.model.core.NodeSelectorOperator;
import dev.volsim.model.core.NodeSelectorRequirement;
import dev.volsim.model.core.NodeSelectorTerm;
import dev.volsim.model.core.PodSpec;
import dev.volsim.model.core.Taint;
import dev.volsim.model.core.TaintEffect;
import dev.volsim.model.core.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which nodes a DaemonSet's Pod belongs on ({@code NodeShouldRunDaemonPod}, {@code predicates})
 * and the Pod spec it gets there ({@code AddOrUpdateDaemonPodTolerations},
 * {@code ReplaceDaemonSetPodNodeNameNodeAffinity}).
 */
final class DaemonSetPredicates {
  /** {@code metav1.ObjectNameField}: the field a daemon Pod's node affinity pins. */
  static final String OBJECT_NAME_FIELD = "metadata.name";

  private DaemonSetPredicates() {}

  /** Whether a daemon Pod should be created on the node, and whether an existing one may stay. */
  record Decision(boolean shouldRun, boolean shouldContinueRunning) {}

  static Decision nodeShouldRunDaemonPod(PodSpec template, Node node) {
    PodSpec spec = withDaemonTolerations(template);
    if (!fitsNodeSelector(spec, node) || !fitsNodeAffinity(spec, node)) {
      return new Decision(false, false);
    }
    boolean shouldRun = true;
    for (Taint t : node.spec().taints()) {
      if (t.effect() != TaintEffect.NO_SCHEDULE && t.effect() != TaintEffect.NO_EXECUTE) {
        continue;
      }
      if (spec.tolerations().stream().anyMatch(tol -> tol.tolerates(t))) {
        continue;
      }
      if (t.effect() == TaintEffect.NO_EXECUTE) {
        return new Decision(false, false); // an untolerated NoExecute taint evicts
      }
      shouldRun = false; // NoSchedule: no new Pod, an existing one stays
    }
    return new Decision(shouldRun, true);
  }

  /**
   * {@code AddOrUpdateDaemonPodTolerations}: not-ready and unreachable (NoExecute), disk-, memory-
   * and pid-pressure and unschedulable (NoSchedule), network-unavailable for host-network Pods.
   */
  static PodSpec withDaemonTolerations(PodSpec spec) {
    List<Toleration> tolerations = new ArrayList<>(spec.tolerations());
    add(tolerations, "node.kubernetes.io/not-ready", "NoExecute");
    add(tolerations, "node.kubernetes.io/unreachable", "NoExecute");
    add(tolerations, "node.kubernetes.io/disk-pressure", "NoSchedule");
    add(tolerations, "node.kubernetes.io/memory-pressure", "NoSchedule");
    add(tolerations, "node.kubernetes.io/pid-pressure", "NoSchedule");
    add(tolerations, "node.kubernetes.io/unschedulable", "NoSchedule");
    if (spec.hostNetwork()) {
      add(tolerations, "node.kubernetes.io/network-unavailable", "NoSchedule");
    }
    return Records.with(spec, "tolerations", ImmutableList.copyOf(tolerations));
  }

  private static void add(List<Toleration> tolerations, String key, String effect) {
    Toleration t = new Toleration(key, "Exists", null, effect, null);
    if (tolerations.stream().noneMatch(x -> key.equals(x.key()) && effect.equals(x.effect()))) {
      tolerations.add(t);
    }
  }

  /**
   * {@code ReplaceDaemonSetPodNodeNameNodeAffinity}: the required node affinity becomes one term
   * {@code metadata.name In [node]}, so the scheduler can place the Pod nowhere else.
   */
  static PodSpec pinnedTo(PodSpec spec, String nodeName) {
    NodeSelectorTerm term = new NodeSelectorTerm(null, ImmutableList.of(
        new NodeSelectorRequirement(OBJECT_NAME_FIELD, NodeSelectorOperator.IN, ImmutableList.of(nodeName))));
    Affinity old = spec.affinity();
    NodeAffinity oldNode = old == null ? null : old.nodeAffinity();
    NodeAffinity na = new NodeAffinity(new NodeSelector(ImmutableList.of(term)),
        oldNode == null ? null : oldNode.preferredDuringSchedulingIgnoredDuringExecution());
    Affinity affinity = new Affinity(na, old == null ? null : old.podAffinity(), old == null ? null : old.podAntiAffinity());
    return Records.with(spec, "affinity", affinity);
  }

  /** {@code GetTargetNodeName}: spec.nodeName, else the node a daemon Pod's affinity pins. */
  static String targetNodeName(PodSpec spec) {
    if (spec.nodeName() != null && !spec.nodeName().isEmpty()) {
      return spec.nodeName();
    }
    if (spec.affinity() == null || spec.affinity().nodeAffinity() == null
        || spec.affinity().nodeAffinity().requiredDuringSchedulingIgnoredDuringExecution() == null) {
      return null;
    }
    for (NodeSelectorTerm t : spec.affinity().nodeAffinity().requiredDuringSchedulingIgnoredDuringExecution().nodeSelectorTerms()) {
      for (NodeSelectorRequirement r : t.matchFields()) {
        if (OBJECT_NAME_FIELD.equals(r.key()) && r.operator() == NodeSelectorOperator.IN && r.values().size() == 1) {
          return r.values().get(0);
        }
      }
    }
    return null;
  }

  private static boolean fitsNodeSelector(PodSpec spec, Node node) {
    Map<String, String> labels = node.metadata().labels();
    for (Map.Entry<String, String> e : spec.nodeSelector().entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean fitsNodeAffinity(PodSpec spec, Node node) {
    if (spec.affinity() == null || spec.affinity().nodeAffinity() == null
        || spec.affinity().nodeAffinity().requiredDuringSchedulingIgnoredDuringExecution() == null) {
      return true;
    }
    // Terms are ORed; an empty term matches nothing.
    for (NodeSelectorTerm t : spec.affinity().nodeAffinity().requiredDuringSchedulingIgnoredDuringExecution().nodeSelectorTerms()) {
      if ((t.matchExpressions().isEmpty() && t.matchFields().isEmpty())) {
        continue;
      }
      boolean all = true;
      for (NodeSelectorRequirement r : t.matchExpressions()) {
        all &= matches(r, node.metadata().labels().get(r.key()));
      }
      for (NodeSelectorRequirement r : t.matchFields()) {
        all &= OBJECT_NAME_FIELD.equals(r.key()) && matches(r, node.metadata().name());
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(NodeSelectorRequirement r, String value) {
    return switch (r.operator()) {
      case IN -> value != null && r.values().contains(value);
      case NOT_IN -> value == null || !r.values().contains(value);
      case EXISTS -> value != null;
      case DOES_NOT_EXIST -> value == null;
      case GT, LT -> {
        if (value == null || r.values().size() != 1) {
          yield false;
        }
        try {
          long v = Long.parseLong(value);
          long bound = Long.parseLong(r.values().get(0));
          yield r.operator() == NodeSelectorOperator.GT ? v > bound : v < bound;
        } catch (NumberFormatException e) {
          yield false;
        }
      }
    };
  }
}
