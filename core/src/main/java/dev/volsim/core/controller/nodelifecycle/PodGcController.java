package dev.volsim.core.controller.nodelifecycle;

import static java.util.Objects.requireNonNull;

import dev.volsim.core.api.ApiClient;
import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.DeleteOptions;
import dev.volsim.core.api.Informer;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.api.ObjectTrees;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.controller.Controller;
import dev.volsim.core.controller.PeriodicLoop;
import dev.volsim.model.core.ConditionStatus;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.NodeCondition;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodPhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code pod-garbage-collector} (pkg/controller/podgc/gc_controller.go). Every
 * {@code gcCheckPeriod} (20 s), in upstream's order: {@code gcTerminating} force-deletes the
 * terminating Pods of nodes that are not Ready and carry the {@code node.kubernetes.io/out-of-service}
 * taint; {@code gcOrphaned} force-deletes the Pods bound to nodes that no longer exist, once a
 * node has been missing for {@code quarantineTime} (40 s) and a live GET confirms it, with the
 * condition DisruptionTarget ({@code DeletionByPodGC}, "PodGC: node no longer exists");
 * {@code gcUnscheduledTerminating} force-deletes terminating Pods that were never scheduled.
 * Each Pod is first marked Failed ({@code markFailedAndDeletePod}), then deleted with grace 0.
 * The terminated-Pod threshold (12500) is not modelled. The loop's ticks are background events.
 */
public final class PodGcController implements Controller {
  public static final String NAME = "pod-garbage-collector";
  /** {@code gcCheckPeriod}. */
  static final Duration GC_CHECK_PERIOD = Duration.ofSeconds(20);
  /** {@code quarantineTime}. */
  static final long QUARANTINE_MICROS = 40_000_000L;
  /** {@code v1.TaintNodeOutOfService}. */
  public static final String TAINT_OUT_OF_SERVICE = "node.kubernetes.io/out-of-service";

  private final ClusterContext ctx;
  private final ApiClient client;
  private final Informer<Node> nodes;
  private final Informer<Pod> pods;
  private final PeriodicLoop loop;
  /** {@code nodeQueue}: missing node names and when their quarantine ends. */
  private final TreeMap<String, Long> quarantine = new TreeMap<>();
  private boolean paused;

  public PodGcController(ClusterContext ctx) {
    this.ctx = requireNonNull(ctx, "ctx is null");
    this.client = ctx.api().client(NAME);
    this.nodes = new Informer<>(ctx.api(), Node.class, NAME);
    this.pods = new Informer<>(ctx.api(), Pod.class, NAME);
    this.loop = PeriodicLoop.resync(ctx.engine(), NAME, "gc", GC_CHECK_PERIOD, this::gc).inBackground();
  }

  public PodGcController start() {
    nodes.start();
    pods.start();
    loop.start();
    return this;
  }

  private void gc() {
    if (paused) {
      return;
    }
    List<Pod> all = pods.list();
    gcTerminating(all);
    gcOrphaned(all);
    gcUnscheduledTerminating(all);
  }

  private void gcTerminating(List<Pod> all) {
    List<Pod> terminating = new ArrayList<>();
    for (Pod p : all) {
      if (p.metadata().deletionTimestamp() == null || p.spec() == null || p.spec().nodeName() == null) {
        continue;
      }
      Node node = nodes.get("", p.spec().nodeName()).orElse(null);
      if (node == null) {
        continue; // "Failed to get node"
      }
      if (!isNodeReady(node) && NodeTaints.has(node, TAINT_OUT_OF_SERVICE, null)) {
        terminating.add(p);
      }
    }
    // byEvictionAndCreationTimestamp (no Pod here is evicted by the kubelet's eviction manager)
    terminating.sort(Comparator.comparing((Pod p) -> p.metadata().creationTimestamp())
        .thenComparing(p -> p.metadata().name()));
    for (Pod p : terminating) {
      markFailedAndDeletePod(p, null, "terminating on out-of-service node " + p.spec().nodeName());
    }
  }

  private void gcOrphaned(List<Pod> all) {
    TreeSet<String> existing = new TreeSet<>();
    for (Node n : nodes.list()) {
      existing.add(n.metadata().name());
    }
    long now = ctx.engine().nowMicros();
    for (Pod p : all) {
      String node = p.spec() == null ? null : p.spec().nodeName();
      if (node != null && !node.isEmpty() && !existing.contains(node)) {
        quarantine.putIfAbsent(node, now + QUARANTINE_MICROS);
      }
    }
    TreeSet<String> deleted = new TreeSet<>();
    for (var it = quarantine.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      if (e.getValue() > now) {
        continue;
      }
      it.remove();
      if (!existing.contains(e.getKey()) && ctx.api().get(Node.class, "", e.getKey()).isEmpty()) {
        deleted.add(e.getKey());
      }
    }
    for (Pod p : all) {
      if (p.spec() != null && p.spec().nodeName() != null && deleted.contains(p.spec().nodeName())) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("type", "DisruptionTarget");
        condition.put("status", "True");
        condition.put("reason", "DeletionByPodGC");
        condition.put("message", "PodGC: node no longer exists");
        markFailedAndDeletePod(p, condition, "orphaned: node " + p.spec().nodeName() + " no longer exists");
      }
    }
  }

  private void gcUnscheduledTerminating(List<Pod> all) {
    for (Pod p : all) {
      if (p.metadata().deletionTimestamp() != null && (p.spec() == null || p.spec().nodeName() == null
          || p.spec().nodeName().isEmpty())) {
        markFailedAndDeletePod(p, null, "unscheduled and terminating");
      }
    }
  }

  private static boolean isNodeReady(Node n) {
    return n.status() != null && n.status().condition(NodeCondition.READY)
        .map(c -> c.status() == ConditionStatus.TRUE).orElse(false);
  }

  /** {@code markFailedAndDeletePodWithCondition}: phase Failed (and the condition), then delete with grace 0. */
  private void markFailedAndDeletePod(Pod pod, Map<String, Object> condition, String why) {
    String ns = pod.metadata().namespace();
    String name = pod.metadata().name();
    try {
      PodPhase phase = pod.status() == null ? null : pod.status().phase();
      if (phase != PodPhase.SUCCEEDED && phase != PodPhase.FAILED) {
        Pod current = ctx.api().get(Pod.class, ns, name).orElse(null);
        if (current == null || !current.metadata().uid().equals(pod.metadata().uid())) {
          return;
        }
        client.updateStatus(ObjectTrees.edit(current, tree -> {
          Map<String, Object> status = ObjectTrees.map(tree, "status");
          status.put("phase", "Failed");
          if (condition != null) {
            ObjectTrees.list(status, "conditions").add(condition);
          }
        }));
      }
      client.delete(ObjectKey.namespaced("Pod", ns, name),
          DeleteOptions.defaults().withGracePeriod(0L).withPreconditionUid(pod.metadata().uid()));
      client.trace("PodGarbageCollected", "pod/" + ns + "/" + name, "PodGC force-deleted " + ns + "/" + name
          + " (" + why + ")", "pod", name, "namespace", ns, "node", pod.spec() == null ? null : pod.spec().nodeName());
    } catch (ApiException e) {
      // NotFound: ignored, as upstream does
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
    pods.pause();
  }

  @Override
  public void resume() {
    paused = false;
    nodes.resume();
    pods.resume();
  }

  @Override
  public boolean isPaused() {
    return paused;
  }
}
