package dev.volsim.core.controller.nodelifecycle;

import static java.util.Objects.requireNonNull;

import dev.volsim.core.api.ApiClient;
import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.DefaultTolerationSeconds;
import dev.volsim.core.api.EventRecorder;
import dev.volsim.core.api.Informer;
import dev.volsim.core.api.ObjectTrees;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.controller.Controller;
import dev.volsim.core.controller.PeriodicLoop;
import dev.volsim.core.engine.Durations;
import dev.volsim.model.coordination.Lease;
import dev.volsim.model.core.ConditionStatus;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.NodeCondition;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodCondition;
import dev.volsim.model.core.TaintEffect;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The {@code node-lifecycle-controller} (pkg/controller/nodelifecycle/node_lifecycle_controller.go).
 * Every {@code nodeMonitorPeriod} (5 s) {@code monitorNodeHealth} looks at each node: a node
 * whose kubelet has neither renewed its Lease nor posted a new heartbeat for
 * {@code nodeMonitorGracePeriod} gets Ready=Unknown ({@code NodeStatusUnknown}, "Kubelet stopped
 * posting node status."); when it was Ready, the node gets the event {@code NodeNotReady} ("Node
 * %s status is now: NodeNotReady") and its Pods lose Ready with the Warning {@code NodeNotReady}
 * "Node is not ready" ({@code MarkPodsNotReady}). The taint passes then keep the
 * {@code node.kubernetes.io/unreachable} (Ready Unknown) or {@code node.kubernetes.io/not-ready}
 * (Ready False) taints, NoSchedule and NoExecute (with timeAdded), on the node, and take them off
 * once it is Ready again. Traces {@code NodeNotReady} and {@code NodeReady}.
 */
public final class NodeLifecycleController implements Controller {
  public static final String NAME = "node-lifecycle-controller";
  /** {@code --node-monitor-period} default. */
  static final Duration NODE_MONITOR_PERIOD = Duration.ofSeconds(5);

  private final ClusterContext ctx;
  private final ApiClient client;
  private final EventRecorder recorder;
  private final Informer<Node> nodes;
  private final Informer<Lease> leases;
  private final Informer<Pod> pods;
  private final PeriodicLoop loop;
  private final long gracePeriodMicros;
  /** {@code nodeHealthMap}: when each node was last heard from, and what was last observed. */
  private final TreeMap<String, NodeHealth> health = new TreeMap<>();
  private boolean paused;

  private static final class NodeHealth {
    long probeMicros;
    Instant renewTime;
    Instant heartbeat;
    ConditionStatus observed;
  }

  public NodeLifecycleController(ClusterContext ctx) {
    this.ctx = requireNonNull(ctx, "ctx is null");
    this.client = ctx.api().client(NAME);
    this.recorder = new EventRecorder(client, null);
    this.nodes = new Informer<>(ctx.api(), Node.class, NAME);
    this.leases = new Informer<>(ctx.api(), Lease.class, NAME);
    this.pods = new Informer<>(ctx.api(), Pod.class, NAME);
    // nodeMonitorGracePeriod: 50 s since 1.32 (kubernetes/kubernetes#121793 raised it from 40 s).
    this.gracePeriodMicros = Durations.toMicros(ctx.config().duration("nodeMonitorGracePeriod"));
    this.loop = PeriodicLoop.resync(ctx.engine(), NAME, "monitorNodeHealth", NODE_MONITOR_PERIOD, this::monitorNodeHealth)
        .inBackground();
    leases.addHandler(new Informer.Handler<>() {
      @Override public void onAdd(Lease l) {
        leaseSeen(l);
      }

      @Override public void onUpdate(Lease old, Lease l) {
        leaseSeen(l);
      }
    });
    nodes.addHandler(new Informer.Handler<>() {
      @Override public void onAdd(Node n) {
        nodeSeen(n);
      }

      @Override public void onUpdate(Node old, Node n) {
        nodeSeen(n);
      }

      @Override public void onDelete(Node n) {
        health.remove(n.metadata().name());
      }
    });
  }

  /** Starts watching and the monitor loop. */
  public NodeLifecycleController start() {
    nodes.start();
    leases.start();
    pods.start();
    loop.start();
    return this;
  }

  private NodeHealth healthOf(String node) {
    return health.computeIfAbsent(node, n -> {
      NodeHealth h = new NodeHealth();
      h.probeMicros = ctx.engine().nowMicros();
      return h;
    });
  }

  private void leaseSeen(Lease l) {
    if (!"kube-node-lease".equals(l.metadata().namespace())) {
      return;
    }
    NodeHealth h = healthOf(l.metadata().name());
    if (!Objects.equals(h.renewTime, l.spec().renewTime())) {
      h.renewTime = l.spec().renewTime();
      h.probeMicros = ctx.engine().nowMicros();
    }
  }

  private void nodeSeen(Node n) {
    NodeHealth h = healthOf(n.metadata().name());
    Instant beat = ready(n) == null ? null : ready(n).lastHeartbeatTime();
    if (!Objects.equals(h.heartbeat, beat)) {
      h.heartbeat = beat;
      h.probeMicros = ctx.engine().nowMicros();
    }
  }

  private static NodeCondition ready(Node n) {
    return n.status() == null ? null : n.status().condition(NodeCondition.READY).orElse(null);
  }

  private void monitorNodeHealth() {
    if (paused) {
      return;
    }
    long now = ctx.engine().nowMicros();
    for (Node node : nodes.list()) {
      String name = node.metadata().name();
      NodeHealth h = healthOf(name);
      NodeCondition ready = ready(node);
      ConditionStatus observed = ready == null ? ConditionStatus.UNKNOWN : ready.status();
      try {
        Node current = node;
        if (now - h.probeMicros > gracePeriodMicros && observed != ConditionStatus.UNKNOWN) {
          current = markUnknown(node, ready);
        }
        ConditionStatus status = ready(current) == null ? ConditionStatus.UNKNOWN : ready(current).status();
        if (h.observed == ConditionStatus.TRUE && status != ConditionStatus.TRUE) {
          // "Node %s status is now: NodeNotReady", then MarkPodsNotReady
          recorder.normal(current, "NodeNotReady", "Node " + name + " status is now: NodeNotReady");
          client.trace("NodeNotReady", "node/" + name, "node " + name + " is NotReady (Ready=" + status.wire() + ")",
              "node", name);
          markPodsNotReady(name);
        } else if (h.observed != null && h.observed != ConditionStatus.TRUE && status == ConditionStatus.TRUE) {
          client.trace("NodeReady", "node/" + name, "node " + name + " is Ready again", "node", name);
        }
        h.observed = status;
        taintPass(current, status);
      } catch (ApiException e) {
        // a conflict or a refused write: the next pass, 5 s later, tries again
      }
    }
  }

  /** {@code tryUpdateNodeHealth}: Ready (and every other condition) becomes Unknown. */
  private Node markUnknown(Node node, NodeCondition ready) {
    Instant now = ctx.engine().wallTime();
    List<NodeCondition> conditions = new ArrayList<>();
    boolean sawReady = false;
    for (NodeCondition c : node.status().conditions()) {
      sawReady |= c.type().equals(NodeCondition.READY);
      conditions.add(c.status() == ConditionStatus.UNKNOWN ? c : new NodeCondition(c.type(), ConditionStatus.UNKNOWN,
          c.lastHeartbeatTime(), now, "NodeStatusUnknown", "Kubelet stopped posting node status."));
    }
    if (!sawReady) {
      conditions.add(new NodeCondition(NodeCondition.READY, ConditionStatus.UNKNOWN, null, now,
          "NodeStatusNeverUpdated", "Kubelet never posted node status."));
    }
    return client.updateStatus(node.withStatus(node.status().withConditions(conditions)));
  }

  /** {@code MarkPodsNotReady}: Ready=False on each Pod of the node, each with a Warning event. */
  private void markPodsNotReady(String nodeName) {
    for (Pod pod : pods.list()) {
      if (pod.spec() == null || !nodeName.equals(pod.spec().nodeName()) || pod.status() == null) {
        continue;
      }
      boolean readyTrue = pod.status().conditions().stream()
          .anyMatch(c -> c.type().equals(PodCondition.READY) && c.status() == ConditionStatus.TRUE);
      if (!readyTrue) {
        continue;
      }
      Instant now = ctx.engine().wallTime();
      Pod updated = ObjectTrees.edit(pod, tree -> {
        @SuppressWarnings("unchecked")
        List<Object> conditions = ObjectTrees.list(ObjectTrees.map(tree, "status"), "conditions");
        for (Object o : conditions) {
          @SuppressWarnings("unchecked")
          Map<String, Object> c = (Map<String, Object>) o;
          if (PodCondition.READY.equals(c.get("type"))) {
            c.put("status", "False");
            c.put("lastTransitionTime", now.toString());
          }
        }
      });
      try {
        client.updateStatus(updated);
      } catch (ApiException e) {
        continue; // NotFound: "pod was already deleted"
      }
      recorder.warning(updated, "NodeNotReady", "Node is not ready");
    }
  }

  /**
   * {@code doNoScheduleTaintingPass} and {@code doNoExecuteTaintingPass}: the taints that say why
   * the node is not Ready, and none once it is.
   */
  private void taintPass(Node node, ConditionStatus status) {
    String want = switch (status) {
      case TRUE -> null;
      case FALSE -> DefaultTolerationSeconds.TAINT_NOT_READY;
      case UNKNOWN -> DefaultTolerationSeconds.TAINT_UNREACHABLE;
    };
    Node n = node;
    for (String key : List.of(DefaultTolerationSeconds.TAINT_NOT_READY, DefaultTolerationSeconds.TAINT_UNREACHABLE)) {
      if (!key.equals(want) && NodeTaints.has(n, key, null)) {
        n = NodeTaints.remove(n, key, null);
      }
    }
    if (want != null) {
      if (!NodeTaints.has(n, want, TaintEffect.NO_SCHEDULE)) {
        n = NodeTaints.add(n, want, TaintEffect.NO_SCHEDULE, null);
      }
      if (!NodeTaints.has(n, want, TaintEffect.NO_EXECUTE)) {
        n = NodeTaints.add(n, want, TaintEffect.NO_EXECUTE, ctx.engine().wallTime());
      }
    }
    if (!n.spec().equals(node.spec())) {
      client.update(n);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void pause() {
    paused = true;
    nodes.pause();
    leases.pause();
    pods.pause();
  }

  @Override
  public void resume() {
    paused = false;
    nodes.resume();
    leases.resume();
    pods.resume();
  }

  @Override
  public boolean isPaused() {
    return paused;
  }
}
