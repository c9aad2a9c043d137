package dev.volsim.scheduler;

import dev.volsim.model.core.LabelSelector;
import dev.volsim.model.core.LabelSelectorRequirement;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.NodeSelector;
import dev.volsim.model.core.NodeSelectorRequirement;
import dev.volsim.model.core.NodeSelectorTerm;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.storage.TopologySelectorLabelRequirement;
import dev.volsim.model.storage.TopologySelectorTerm;
import java.util.List;
import java.util.Map;

/**
 * Label and node selector matching as {@code component-helpers/scheduling/corev1} and
 * {@code apimachinery/pkg/labels} do it.
 */
final class Selectors {
  private Selectors() {}

  /** Terms are ORed; a term with no requirements matches nothing; no terms match nothing. */
  static boolean matches(NodeSelector selector, Node node) {
    if (selector == null) {
      return true;
    }
    for (NodeSelectorTerm term : selector.nodeSelectorTerms()) {
      if (matches(term, node)) {
        return true;
      }
    }
    return false;
  }

  static boolean matches(NodeSelectorTerm term, Node node) {
    if (term.matchExpressions().isEmpty() && term.matchFields().isEmpty()) {
      return false;
    }
    Map<String, String> labels = node.metadata().labels();
    for (NodeSelectorRequirement r : term.matchExpressions()) {
      if (!matches(r, labels.get(r.key()), labels.containsKey(r.key()))) {
        return false;
      }
    }
    for (NodeSelectorRequirement r : term.matchFields()) {
      // Only metadata.name is a supported field.
      boolean has = "metadata.name".equals(r.key());
      if (!matches(r, has ? node.metadata().name() : null, has)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(NodeSelectorRequirement r, String value, boolean present) {
    List<String> values = r.values();
    return switch (r.operator()) {
      case IN -> present && values.contains(value);
      case NOT_IN -> !present || !values.contains(value);
      case EXISTS -> present;
      case DOES_NOT_EXIST -> !present;
      case GT, LT -> {
        if (!present || values.size() != 1) {
          yield false;
        }
        try {
          long have = Long.parseLong(value);
          long want = Long.parseLong(values.get(0));
          yield r.operator() == dev.volsim.model.core.NodeSelectorOperator.GT ? have > want : have < want;
        } catch (NumberFormatException e) {
          yield false;
        }
      }
    };
  }

  /** A PV's required node affinity ({@code volume.CheckNodeAffinity}); none means any node. */
  static boolean pvMatchesNode(PersistentVolume pv, Node node) {
    var affinity = pv.spec().nodeAffinity();
    if (affinity == null || affinity.required() == null) {
      return true;
    }
    return matches(affinity.required(), node);
  }

  /** A label selector; null matches everything, as an empty one does. */
  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return true;
    }
    for (Map.Entry<String, String> e : selector.matchLabels().entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (LabelSelectorRequirement r : selector.matchExpressions()) {
      boolean present = labels.containsKey(r.key());
      String v = labels.get(r.key());
      boolean ok = switch (r.operator().wire()) {
        case "In" -> present && r.values().contains(v);
        case "NotIn" -> !present || !r.values().contains(v);
        case "Exists" -> present;
        case "DoesNotExist" -> !present;
        default -> false;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** {@code MatchTopologySelectorTerms}: no terms match every node; terms are ORed. */
  static boolean matchesTopology(List<TopologySelectorTerm> terms, Map<String, String> labels) {
    if (terms.isEmpty()) {
      return true;
    }
    for (TopologySelectorTerm term : terms) {
      boolean all = true;
      for (TopologySelectorLabelRequirement r : term.matchLabelExpressions()) {
        String v = labels.get(r.key());
        if (v == null || !r.values().contains(v)) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }
}
