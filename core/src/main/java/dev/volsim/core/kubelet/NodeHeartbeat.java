package dev.volsim.core.kubelet;

import dev.volsim.core.api.ApiClient;
import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.EventRecorder;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.controller.PeriodicLoop;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.coordination.Lease;
import dev.volsim.model.core.ConditionStatus;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.NodeCondition;
import dev.volsim.model.core.NodeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kubelet's two heartbeats: the node lease controller (component-helpers lease controller,
 * started by pkg/kubelet/kubelet.go) renewing {@code kube-node-lease/<node>} every 10 s, and the
 * node status loop ({@code syncNodeStatus} every {@code nodeStatusUpdateFrequency}, 10 s) that
 * posts the Ready condition when it changed, as after the node lifecycle controller marked it
 * Unknown. The loop's ticks are background events: a healthy cluster is still quiescent.
 */
final class NodeHeartbeat {
  /** {@code NodeLeaseDurationSeconds} default (kubelet config). */
  static final int NODE_LEASE_DURATION_SECONDS = 40;
  /** {@code nodeLeaseRenewIntervalFraction} 0.25 of the lease duration: 10 s. */
  static final Duration RENEW_INTERVAL = Duration.ofSeconds(10);
  /** Where node leases live ({@code v1.NamespaceNodeLease}). */
  static final String LEASE_NAMESPACE = "kube-node-lease";

  private final ClusterContext ctx;
  private final ApiClient client;
  private final EventRecorder recorder;
  private final String nodeName;
  private final PeriodicLoop loop;

  NodeHeartbeat(ClusterContext ctx, ApiClient client, EventRecorder recorder, String nodeName) {
    this.ctx = ctx;
    this.client = client;
    this.recorder = recorder;
    this.nodeName = nodeName;
    this.loop = PeriodicLoop.resync(ctx.engine(), "kubelet", "heartbeat", RENEW_INTERVAL, this::beat).inBackground();
  }

  void start() {
    loop.start();
  }

  void stop() {
    loop.stop();
  }

  private void beat() {
    try {
      renewLease();
      syncReadyCondition();
    } catch (ApiException e) {
      // The API server is out of reach (a partition) or refused: the next beat tries again.
    }
  }

  private void renewLease() {
    Instant now = ctx.engine().wallTime();
    Optional<Lease> lease = ctx.api().get(Lease.class, LEASE_NAMESPACE, nodeName);
    if (lease.isEmpty()) {
      client.create(new Lease(ObjectMeta.named(LEASE_NAMESPACE, nodeName),
          new Lease.Spec(nodeName, NODE_LEASE_DURATION_SECONDS, now, now)));
    } else {
      Lease.Spec s = lease.get().spec();
      client.update(lease.get().withSpec(new Lease.Spec(nodeName, NODE_LEASE_DURATION_SECONDS,
          s.acquireTime() == null ? now : s.acquireTime(), now)));
    }
  }

  /**
   * The Ready condition setter: the kubelet posts Ready=True when the node's condition says
   * otherwise (after a crash, a partition, or the controller's Unknown), with the event
   * {@code NodeReady} ("Node %s status is now: NodeReady", recordNodeStatusEvent).
   */
  private void syncReadyCondition() {
    Optional<Node> node = ctx.api().get(Node.class, "", nodeName);
    if (node.isEmpty() || node.get().status() == null) {
      return;
    }
    NodeStatus status = node.get().status();
    Optional<NodeCondition> ready = status.condition(NodeCondition.READY);
    if (ready.isPresent() && ready.get().status() == ConditionStatus.TRUE) {
      return;
    }
    Instant now = ctx.engine().wallTime();
    List<NodeCondition> conditions = new ArrayList<>();
    for (NodeCondition c : status.conditions()) {
      if (!c.type().equals(NodeCondition.READY)) {
        conditions.add(c);
      }
    }
    conditions.add(new NodeCondition(NodeCondition.READY, ConditionStatus.TRUE, now, now, "KubeletReady",
        "kubelet is posting ready status"));
    Node updated = client.updateStatus(node.get().withStatus(status.withConditions(conditions)));
    recorder.normal(updated, "NodeReady", "Node " + nodeName + " status is now: NodeReady");
  }
}
