package dev.volsim.scenario;

import dev.volsim.model.io.YNode;
import dev.volsim.model.io.YNode.Entry;
import dev.volsim.model.io.YNode.YMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the steps that fail and heal the cluster: {@code fail}, {@code recover}, {@code taint},
 * {@code untaint} and the {@code kubelet}/{@code controller} forms of {@code restart}.
 */
final class NodeStepParser {
  private static final List<String> FAIL_KEYS = List.of("node", "mode", "nfs", "csiDriver", "part");
  private static final List<String> MODES = List.of("crash", "partition", "shutdown");
  private static final List<String> EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");

  private final ScenarioErrors errors;

  NodeStepParser(ScenarioErrors errors) {
    this.errors = errors;
  }

  /** {@code fail: {node, mode}} / {@code {nfs}}, or {@code recover:} with the same target. */
  Step failOrRecover(StepInfo info, YNode node, String where, boolean recover) {
    YMap map = Nodes.map(node, where, errors);
    if (map == null) {
      return null;
    }
    int before = errors.list().size();
    Map<String, Entry> e = Nodes.entries(map, where, recover ? List.of("node", "nfs", "csiDriver", "part") : FAIL_KEYS,
        errors);
    if (e.containsKey("csiDriver")) {
      return csiDriver(info, map, e, where, recover, before);
    } else if (e.containsKey("part")) {
      errors.add(e.get("part").keyLocation(), where + ".part belongs to a csiDriver");
      return null;
    }
    String target = e.containsKey("node") ? Nodes.nonEmptyString(e.get("node").value(), where + ".node", errors) : null;
    String nfs = e.containsKey("nfs") ? Nodes.nonEmptyString(e.get("nfs").value(), where + ".nfs", errors) : null;
    if (e.containsKey("node") == e.containsKey("nfs") && errors.list().size() == before) {
      errors.add(map, where + " names one of node or nfs");
    }
    String mode = "crash";
    if (e.containsKey("mode")) {
      if (!e.containsKey("node")) {
        errors.add(e.get("mode").keyLocation(), where + ".mode belongs to a node");
      }
      mode = Nodes.nonEmptyString(e.get("mode").value(), where + ".mode", errors);
      if (mode != null && !MODES.contains(mode)) {
        errors.add(e.get("mode").value(), where + ".mode must be one of " + String.join(", ", MODES) + ", got \""
            + mode + "\"");
      }
    }
    if (errors.list().size() > before) {
      return null;
    }
    return recover ? new Step.Recover(info, target, nfs) : new Step.Fail(info, target, mode, nfs);
  }

  /**
   * {@code fail: {csiDriver: D, part: controller}}: the driver's controller side (external-provisioner
   * and external-attacher) stops answering; {@code fail: {csiDriver: D, part: node, node: N}}: the
   * driver's node plugin on node N does.
   */
  private Step csiDriver(StepInfo info, YMap map, Map<String, Entry> e, String where, boolean recover, int before) {
    String driver = Nodes.nonEmptyString(e.get("csiDriver").value(), where + ".csiDriver", errors);
    if (e.containsKey("nfs") || e.containsKey("mode")) {
      errors.add(map, where + " names one of node, nfs or csiDriver");
    }
    Nodes.require(e, "part", map, where, errors);
    String part = e.containsKey("part") ? Nodes.nonEmptyString(e.get("part").value(), where + ".part", errors) : null;
    if (part != null && part.equals("node")) {
      Nodes.require(e, "node", map, where, errors);
      String target = e.containsKey("node") ? Nodes.nonEmptyString(e.get("node").value(), where + ".node", errors)
          : null;
      return errors.list().size() > before ? null : new Step.CsiNodePluginFault(info, recover, driver, target);
    } else if (part != null && !part.equals("controller")) {
      errors.add(e.get("part").value(), where + ".part must be controller or node, got \"" + part + "\"");
    } else if (e.containsKey("node")) {
      errors.add(e.get("node").keyLocation(), where + ".node belongs to part: node");
    }
    return errors.list().size() > before ? null : new Step.CsiDriverFault(info, recover, driver);
  }

  /** {@code taint: {node, key, value, effect}}. */
  Step taint(StepInfo info, YNode node, String where) {
    YMap map = Nodes.map(node, where, errors);
    if (map == null) {
      return null;
    }
    int before = errors.list().size();
    Map<String, Entry> e = Nodes.entries(map, where, List.of("node", "key", "value", "effect"), errors);
    Nodes.require(e, "node", map, where, errors);
    Nodes.require(e, "key", map, where, errors);
    Nodes.require(e, "effect", map, where, errors);
    String target = e.containsKey("node") ? Nodes.nonEmptyString(e.get("node").value(), where + ".node", errors) : null;
    String key = e.containsKey("key") ? Nodes.nonEmptyString(e.get("key").value(), where + ".key", errors) : null;
    String value = e.containsKey("value") ? Nodes.string(e.get("value").value(), where + ".value", errors) : null;
    String effect = e.containsKey("effect") ? Nodes.nonEmptyString(e.get("effect").value(), where + ".effect", errors)
        : null;
    if (effect != null && !EFFECTS.contains(effect)) {
      errors.add(e.get("effect").value(), where + ".effect must be one of " + String.join(", ", EFFECTS)
          + ", got \"" + effect + "\"");
    }
    return errors.list().size() > before ? null : new Step.TaintNode(info, target, key, value, effect);
  }

  /** {@code untaint: {node, key}}. */
  Step untaint(StepInfo info, YNode node, String where) {
    YMap map = Nodes.map(node, where, errors);
    if (map == null) {
      return null;
    }
    int before = errors.list().size();
    Map<String, Entry> e = Nodes.entries(map, where, List.of("node", "key"), errors);
    Nodes.require(e, "node", map, where, errors);
    Nodes.require(e, "key", map, where, errors);
    String target = e.containsKey("node") ? Nodes.nonEmptyString(e.get("node").value(), where + ".node", errors) : null;
    String key = e.containsKey("key") ? Nodes.nonEmptyString(e.get("key").value(), where + ".key", errors) : null;
    return errors.list().size() > before ? null : new Step.UntaintNode(info, target, key);
  }

  /**
   * {@code restart: {controller: C}} or {@code restart: {kubelet: N}}; {@code container} is a
   * contract key this version does not run yet.
   */
  Step restart(StepInfo info, YNode node, String where) {
    YMap map = Nodes.map(node, where, errors);
    if (map == null) {
      return null;
    }
    int before = errors.list().size();
    Map<String, Entry> e = Nodes.entries(map, where, List.of("controller", "kubelet"), errors);
    if (errors.list().size() > before) {
      return null;
    }
    if (e.containsKey("kubelet") && !e.containsKey("controller")) {
      String target = Nodes.nonEmptyString(e.get("kubelet").value(), where + ".kubelet", errors);
      return errors.list().size() > before ? null : new Step.RestartKubelet(info, target);
    } else if (e.containsKey("kubelet")) {
      errors.add(map, where + " restarts one thing: a kubelet or a controller");
      return null;
    }
    Nodes.require(e, "controller", map, where, errors);
    String c = e.containsKey("controller") ? Nodes.nonEmptyString(e.get("controller").value(), where + ".controller",
        errors) : null;
    return errors.list().size() > before ? null : new Step.RestartController(info, c);
  }
}
