package dev.volsim.scenario;

import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.api.ObjectTrees;
import dev.volsim.core.world.NfsServer;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.Taint;
import dev.volsim.scenario.expr.ExprException;
import dev.volsim.scenario.expr.Interpolator;
import dev.volsim.sim.Simulation;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs {@code fail}, {@code recover}, {@code taint}, {@code untaint} and {@code restart: {controller}}. */
final class NodeStepExecutor {
  private final Simulation sim;
  private final Interpolator interpolator;

  NodeStepExecutor(Simulation sim, Interpolator interpolator) {
    this.sim = sim;
    this.interpolator = interpolator;
  }

  /** A node or server name, with run-time references ({@code ${pod/web-0.spec.nodeName}}) resolved. */
  private String resolve(String text) throws ExprException {
    return text == null ? null : String.valueOf(interpolator.interpolateValue(text));
  }

  String execute(Step step) throws StepFailedException, ExprException {
    if (step instanceof Step.Fail f) {
      step = new Step.Fail(f.info(), resolve(f.node()), f.mode(), resolve(f.nfs()));
    } else if (step instanceof Step.Recover r) {
      step = new Step.Recover(r.info(), resolve(r.node()), resolve(r.nfs()));
    } else if (step instanceof Step.TaintNode t) {
      step = new Step.TaintNode(t.info(), resolve(t.node()), resolve(t.key()), resolve(t.value()), t.effect());
    } else if (step instanceof Step.UntaintNode u) {
      step = new Step.UntaintNode(u.info(), resolve(u.node()), resolve(u.key()));
    }
    if (step instanceof Step.Fail f) {
        if (f.node() != null) {
          requireNode(f.node());
          try {
            sim.failNode(f.node(), Simulation.NodeFailure.valueOf(f.mode().toUpperCase(Locale.ROOT)));
          } catch (IllegalStateException e) {
            throw new StepFailedException("node " + f.node() + " to be running", e.getMessage());
          }
        } else {
          NfsServer s = nfs(f.nfs());
          if (!s.isAvailable()) {
            throw new StepFailedException("NFS server " + f.nfs() + " to be answering", "it has already failed");
          }
          s.setAvailable(false);
          sim.trace().record("volsim", "NfsServerFailed", null, "NFS server " + f.nfs() + " stops answering",
              dev.volsim.core.trace.TraceEntry.attrs("nfs", f.nfs()));
        }
    } else if (step instanceof Step.Recover r) {
        if (r.node() != null) {
          requireNode(r.node());
          try {
            sim.recoverNode(r.node());
          } catch (IllegalStateException e) {
            throw new StepFailedException("node " + r.node() + " to have failed", e.getMessage());
          }
        } else {
          NfsServer s = nfs(r.nfs());
          if (s.isAvailable()) {
            throw new StepFailedException("NFS server " + r.nfs() + " to have failed", "it is answering");
          }
          s.setAvailable(true);
          sim.trace().record("volsim", "NfsServerRecovered", null, "NFS server " + r.nfs() + " answers again",
              dev.volsim.core.trace.TraceEntry.attrs("nfs", r.nfs()));
        }
    } else if (step instanceof Step.CsiDriverFault c) {
      csiDriverController(resolve(c.driver()), c.recover());
    } else if (step instanceof Step.CsiNodePluginFault c) {
      csiNodePlugin(resolve(c.driver()), resolve(c.node()), c.recover());
    } else if (step instanceof Step.TaintNode t) {
      taint(t);
    } else if (step instanceof Step.UntaintNode u) {
      untaint(u);
    } else if (step instanceof Step.RestartKubelet k) {
      String node = resolve(k.node());
      requireNode(node);
      try {
        sim.restartKubelet(node);
      } catch (IllegalStateException e) {
        throw new StepFailedException("node " + node + " to be running", e.getMessage());
      }
    } else if (step instanceof Step.RestartController r) {
      try {
        sim.restartController(r.controller());
      } catch (IllegalArgumentException e) {
        throw new StepFailedException("a controller volsim can restart", e.getMessage());
      }
    } else {
      throw new IllegalStateException("not a node step: " + step.kind());
    }
    return null;
  }

  /** The operations a CSI driver's controller side serves: through external-provisioner and external-attacher. */
  private static final List<String> CONTROLLER_OPERATIONS = List.of("provision", "delete", "attach", "detach");

  /**
   * The driver's controller plugin stops answering: every CreateVolume, DeleteVolume,
   * ControllerPublish and ControllerUnpublish call times out until it recovers.
   */
  private void csiDriverController(String driver, boolean recover) throws StepFailedException {
    if (sim.context().csiDriver(driver).isEmpty()) {
      throw new StepFailedException("a CSI driver of the cluster", "no CSI driver " + driver);
    }
    boolean failed = failedDrivers.contains(driver);
    if (recover != failed) {
      throw new StepFailedException("CSI driver " + driver + (recover ? " to have failed" : " to be answering"),
          recover ? "it is answering" : "it has already failed");
    }
    for (String op : CONTROLLER_OPERATIONS) {
      var rule = new dev.volsim.core.cluster.OperationFaults.Rule(op,
          com.google.common.collect.ImmutableSortedMap.of("driver", driver), -1,
          dev.volsim.core.cluster.OperationFaults.Mode.TIMEOUT,
          "rpc error: code = DeadlineExceeded desc = context deadline exceeded");
      if (recover) {
        sim.context().faults().remove(rule);
      } else {
        sim.context().faults().add(rule);
      }
    }
    if (recover) {
      failedDrivers.remove(driver);
    } else {
      failedDrivers.add(driver);
    }
    sim.trace().record("volsim", recover ? "CsiDriverRecovered" : "CsiDriverFailed", null, "CSI driver " + driver
        + " controller " + (recover ? "answers again" : "stops answering"),
        dev.volsim.core.trace.TraceEntry.attrs("driver", driver));
  }

  /**
   * The driver's node plugin on one node stops answering (or answers again): the kubelet's
   * NodeStage, NodePublish, NodeUnpublish and NodeUnstage calls there time out until it recovers.
   */
  private void csiNodePlugin(String driver, String node, boolean recover) throws StepFailedException {
    var profile = sim.context().csiDriver(driver);
    if (profile.isEmpty()) {
      throw new StepFailedException("a CSI driver of the cluster", "no CSI driver " + driver);
    }
    requireNode(node);
    if (!profile.get().runsOn(node)) {
      throw new StepFailedException("a node plugin of CSI driver " + driver + " on node " + node,
          "the driver's node plugin does not run on " + node);
    }
    var plugins = sim.world().csiNodePlugins();
    boolean changed = recover ? plugins.resume(driver, node) : plugins.stop(driver, node);
    if (!changed) {
      throw new StepFailedException("CSI driver " + driver + " node plugin on " + node
          + (recover ? " to have failed" : " to be answering"), recover ? "it is answering" : "it has already failed");
    }
    sim.trace().record("volsim", recover ? "CsiNodePluginRecovered" : "CsiNodePluginFailed", null, "CSI driver "
        + driver + " node plugin on " + node + " " + (recover ? "answers again" : "stops answering"),
        dev.volsim.core.trace.TraceEntry.attrs("driver", driver, "node", node));
  }

  private final java.util.TreeSet<String> failedDrivers = new java.util.TreeSet<>();

  private void requireNode(String node) throws StepFailedException {
    if (sim.kubelet(node).isEmpty()) {
      throw new StepFailedException("a node of the cluster", "no node " + node);
    }
  }

  private NfsServer nfs(String name) throws StepFailedException {
    return sim.world().nfsServers().stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new StepFailedException("an NFS server of the cluster", "no NFS server " + name));
  }

  /** {@code kubectl taint nodes N key=value:effect} (no --overwrite). */
  private void taint(Step.TaintNode t) throws StepFailedException {
    Node node = node(t.node());
    for (Taint existing : node.spec().taints()) {
      if (existing.key().equals(t.key()) && existing.effect().wire().equals(t.effect())) {
        throw new StepFailedException("node " + t.node() + " to take the taint", "node/" + t.node() + " already has "
            + t.key() + " taint(s) with same effect(s) and --overwrite is false");
      }
    }
    Node tainted = ObjectTrees.edit(node, tree -> {
      List<Object> taints = ObjectTrees.list(ObjectTrees.map(tree, "spec"), "taints");
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", t.key());
      if (t.value() != null && !t.value().isEmpty()) {
        m.put("value", t.value());
      }
      m.put("effect", t.effect());
      taints.add(m);
    });
    sim.client(Simulation.USER).update(tainted);
  }

  /** {@code kubectl taint nodes N key-}: every taint of the key goes. */
  @SuppressWarnings("unchecked")
  private void untaint(Step.UntaintNode u) throws StepFailedException {
    Node node = node(u.node());
    if (node.spec().taints().stream().noneMatch(t -> t.key().equals(u.key()))) {
      throw new StepFailedException("node " + u.node() + " to have the taint", "taint \"" + u.key() + "\" not found");
    }
    Node untainted = ObjectTrees.edit(node, tree -> {
      for (Iterator<Object> it = ObjectTrees.list(ObjectTrees.map(tree, "spec"), "taints").iterator(); it.hasNext(); ) {
        if (u.key().equals(((Map<String, Object>) it.next()).get("key"))) {
          it.remove();
        }
      }
    });
    sim.client(Simulation.USER).update(untainted);
  }

  private Node node(String name) throws StepFailedException {
    return sim.api().get(Node.class, "", name).orElseThrow(() -> new StepFailedException("node " + name,
        "nodes \"" + name + "\" not found"));
  }

  static String describe(Step step) {
    if (step instanceof Step.CsiDriverFault c) {
      return "csiDriver " + c.driver() + " (controller)";
    } else if (step instanceof Step.CsiNodePluginFault c) {
      return "csiDriver " + c.driver() + " (node " + c.node() + ")";
    } else if (step instanceof Step.Fail f) {
      return f.node() != null ? "node " + f.node() + " (" + f.mode() + ")" : "nfs " + f.nfs();
    } else if (step instanceof Step.Recover r) {
      return r.node() != null ? "node " + r.node() : "nfs " + r.nfs();
    } else if (step instanceof Step.TaintNode t) {
      return t.node() + " " + t.key() + (t.value() == null ? "" : "=" + t.value()) + ":" + t.effect();
    } else if (step instanceof Step.UntaintNode u) {
      return u.node() + " " + u.key() + "-";
    } else if (step instanceof Step.RestartKubelet k) {
      return "kubelet " + k.node();
    } else if (step instanceof Step.RestartController r) {
      return "controller " + r.controller();
    }
    return "";
  }
}
