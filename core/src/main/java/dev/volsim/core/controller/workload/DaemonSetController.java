package dev.volsim.core.controller.workload;

import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.Informer;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.controller.QueueController;
import dev.volsim.core.controller.SyncResult;
import dev.volsim.model.apps.DaemonSet;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodPhase;
import dev.volsim.model.core.PodTemplateSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The {@code daemonset-controller} ({@code pkg/controller/daemon}): one Pod per eligible node
 * ({@link DaemonSetPredicates}: nodeSelector, required node affinity, NoSchedule/NoExecute taints
 * against the template's tolerations plus the daemon defaults). Pods are created unscheduled with
 * a required node affinity {@code metadata.name In [node]}, so the scheduler places them; a
 * deleted Pod is re-created; a Failed Pod is deleted ({@code FailedDaemonPod}) and replaced; a Pod
 * on a node it no longer fits (or, for an untolerated NoExecute taint, may no longer stay on) is
 * deleted, as are extra Pods on one node (the oldest stays). Events {@code SuccessfulCreate}
 * "Created pod: ...", {@code SuccessfulDelete} "Deleted pod: ...". Not modelled: rolling updates of
 * a changed template (ControllerRevisions, maxSurge/maxUnavailable), adoption by selector.
 */
public final class DaemonSetController extends QueueController {
  /** The component's name, as kube-controller-manager calls it. */
  public static final String NAME = "daemonset-controller";

  private final Informer<DaemonSet> sets;
  private final Informer<Node> nodes;
  private final OwnerIndex<Pod> podsByOwner;
  private final ControllerExpectations expectations;

  public DaemonSetController(ClusterContext context) {
    super(context, NAME);
    this.sets = informer(DaemonSet.class);
    this.nodes = informer(Node.class);
    Informer<Pod> pods = informer(Pod.class);
    this.podsByOwner = new OwnerIndex<>(pods);
    this.expectations = new ControllerExpectations(context.engine()::nowMicros);
    sets.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(DaemonSet ds) {
        queue.add(keyOf(ds));
      }

      @Override
      public void onUpdate(DaemonSet old, DaemonSet ds) {
        queue.add(keyOf(ds));
      }

      @Override
      public void onDelete(DaemonSet ds) {
        expectations.delete(keyOf(ds));
      }
    });
    nodes.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(Node node) {
        enqueueAll();
      }

      @Override
      public void onUpdate(Node old, Node node) {
        if (!old.metadata().labels().equals(node.metadata().labels()) || !old.spec().equals(node.spec())) {
          enqueueAll();
        }
      }

      @Override
      public void onDelete(Node node) {
        enqueueAll();
      }
    });
    pods.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(Pod pod) {
        String ds = ownerKey(pod);
        if (ds != null) {
          expectations.creationObserved(ds);
          queue.add(ds);
        }
      }

      @Override
      public void onUpdate(Pod old, Pod pod) {
        String ds = ownerKey(pod);
        if (ds != null) {
          if (pod.metadata().deletionTimestamp() != null) {
            expectations.deletionObserved(ds, keyOf(pod));
          }
          queue.add(ds);
        }
      }

      @Override
      public void onDelete(Pod pod) {
        String ds = ownerKey(pod);
        if (ds != null) {
          expectations.deletionObserved(ds, keyOf(pod));
          queue.add(ds);
        }
      }
    });
  }

  private void enqueueAll() {
    for (DaemonSet ds : sets.list()) {
      queue.add(keyOf(ds));
    }
  }

  private static String ownerKey(Pod pod) {
    return Pods.controllerOf(pod).filter(r -> "DaemonSet".equals(r.kind()))
        .map(r -> pod.metadata().namespace() + "/" + r.name()).orElse(null);
  }

  @Override
  protected SyncResult sync(String key) {
    DaemonSet ds = sets.get(namespaceOf(key), nameOf(key)).orElse(null);
    if (ds == null) {
      expectations.delete(key);
      return SyncResult.FORGET;
    }
    // getNodesToDaemonPods: this set's Pods by target node (unscheduled ones by their affinity).
    TreeMap<String, List<Pod>> byNode = new TreeMap<>();
    for (Pod p : podsByOwner.controlledBy(ds.metadata().namespace(), ds.metadata().uid())) {
      String node = DaemonSetPredicates.targetNodeName(p.spec());
      if (node != null && p.metadata().deletionTimestamp() == null) {
        byNode.computeIfAbsent(node, k -> new ArrayList<>()).add(p);
      }
    }
    List<String> toCreate = new ArrayList<>();
    List<Pod> toDelete = new ArrayList<>();
    int desired = 0;
    int scheduled = 0;
    int misscheduled = 0;
    int ready = 0;
    for (Node node : nodes.list()) {
      DaemonSetPredicates.Decision d = DaemonSetPredicates.nodeShouldRunDaemonPod(ds.spec().template().spec(), node);
      List<Pod> here = byNode.getOrDefault(node.metadata().name(), List.of());
      if (d.shouldRun()) {
        desired++;
      }
      if (d.shouldRun() && here.isEmpty()) {
        toCreate.add(node.metadata().name());
      } else if (d.shouldContinueRunning() && !here.isEmpty()) {
        List<Pod> alive = new ArrayList<>();
        for (Pod p : here) {
          if (p.phase() == PodPhase.FAILED) {
            recorder.warning(ds, "FailedDaemonPod", "Found failed daemon pod " + p.metadata().namespace() + "/"
                + p.metadata().name() + " on node " + node.metadata().name() + ", will try to kill it");
            toDelete.add(p);
          } else {
            alive.add(p);
          }
        }
        alive.sort(Comparator.comparing((Pod p) -> p.metadata().creationTimestamp()).thenComparing(p -> p.metadata().name()));
        for (int i = 1; i < alive.size(); i++) {
          toDelete.add(alive.get(i)); // more than one daemon Pod on the node: the oldest stays
        }
        if (!alive.isEmpty()) {
          if (d.shouldRun()) {
            scheduled++;
          } else {
            misscheduled++;
          }
          if (Pods.isPodReady(alive.get(0))) {
            ready++;
          }
        }
      } else if (!d.shouldContinueRunning()) {
        toDelete.addAll(here);
      }
    }
    boolean ok = true;
    if (expectations.satisfied(key) && ds.metadata().deletionTimestamp() == null) {
      ok = manage(key, ds, toCreate, toDelete);
    }
    try {
      DaemonSet.Status old = ds.status();
      DaemonSet.Status next = new DaemonSet.Status(scheduled, misscheduled, desired, ready,
          ds.metadata().generation() == null ? 0 : ds.metadata().generation(), scheduled, ready,
          Math.max(0, desired - ready), old.collisionCount(), old.conditions());
      if (!next.equals(old)) {
        client.updateStatus(new DaemonSet(ds.metadata(), ds.spec(), next));
      }
    } catch (ApiException e) {
      return SyncResult.REQUEUE_RATE_LIMITED;
    }
    return ok ? SyncResult.FORGET : SyncResult.REQUEUE_RATE_LIMITED;
  }

  private boolean manage(String key, DaemonSet ds, List<String> toCreate, List<Pod> toDelete) {
    boolean ok = true;
    expectations.expectCreations(key, toCreate.size());
    for (String node : toCreate) {
      PodTemplateSpec t = ds.spec().template();
      PodTemplateSpec pinned = new PodTemplateSpec(t.metadata(),
          DaemonSetPredicates.pinnedTo(DaemonSetPredicates.withDaemonTolerations(t.spec()), node));
      try {
        Pod pod = client.create(Pods.fromTemplate(pinned, ds, null, ds.metadata().name() + "-"));
        recorder.normal(ds, "SuccessfulCreate", "Created pod: " + pod.metadata().name());
      } catch (ApiException e) {
        recorder.warning(ds, "FailedCreate", "Error creating: " + e.getMessage());
        expectations.creationObserved(key);
        ok = false;
      }
    }
    if (!toDelete.isEmpty()) {
      expectations.expectDeletions(key, toDelete.stream().map(QueueController::keyOf).toList());
    }
    for (Pod p : toDelete) {
      try {
        client.delete(ObjectKey.of(p));
        recorder.normal(ds, "SuccessfulDelete", "Deleted pod: " + p.metadata().name());
      } catch (ApiException e) {
        expectations.deletionObserved(key, keyOf(p));
        if (e.reason() != ApiException.Reason.NOT_FOUND) {
          recorder.warning(ds, "FailedDelete", "Error deleting: " + e.getMessage());
          ok = false;
        }
      }
    }
    return ok;
  }
}
