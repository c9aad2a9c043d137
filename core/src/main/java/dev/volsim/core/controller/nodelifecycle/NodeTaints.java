package dev.volsim.core.controller.nodelifecycle;

import dev.volsim.core.api.ObjectTrees;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.Taint;
import dev.volsim.model.core.TaintEffect;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adding and removing node taints ({@code controller.AddOrUpdateTaintOnNode}, {@code RemoveTaintOffNode}). */
final class NodeTaints {
  private NodeTaints() {}

  static boolean has(Node node, String key, TaintEffect effect) {
    for (Taint t : node.spec().taints()) {
      if (t.key().equals(key) && (effect == null || t.effect() == effect)) {
        return true;
      }
    }
    return false;
  }

  /** The node with the taint added (timeAdded set for NoExecute, as SwapNodeControllerTaint does). */
  static Node add(Node node, String key, TaintEffect effect, Instant now) {
    return ObjectTrees.edit(node, tree -> {
      List<Object> taints = ObjectTrees.list(ObjectTrees.map(tree, "spec"), "taints");
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("key", key);
      t.put("effect", effect.wire());
      if (effect == TaintEffect.NO_EXECUTE && now != null) {
        t.put("timeAdded", now.toString());
      }
      taints.add(t);
    });
  }

  /** The node without taints of this key (and effect, unless null). */
  @SuppressWarnings("unchecked")
  static Node remove(Node node, String key, TaintEffect effect) {
    return ObjectTrees.edit(node, tree -> {
      List<Object> taints = ObjectTrees.list(ObjectTrees.map(tree, "spec"), "taints");
      for (Iterator<Object> it = taints.iterator(); it.hasNext(); ) {
        Map<String, Object> t = (Map<String, Object>) it.next();
        if (key.equals(t.get("key")) && (effect == null || effect.wire().equals(t.get("effect")))) {
          it.remove();
        }
      }
    });
  }
}
