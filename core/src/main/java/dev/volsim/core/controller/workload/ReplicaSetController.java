package dev.volsim.core.controller.workload;

import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.Informer;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.controller.QueueController;
import dev.volsim.core.controller.SyncResult;
import dev.volsim.model.apps.ReplicaSet;
import dev.volsim.model.core.ContainerStatus;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodCondition;
import dev.volsim.model.core.PodPhase;
import dev.volsim.model.validation.AppsValidation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The {@code replicaset-controller} ({@code pkg/controller/replicaset}): keeps
 * {@code spec.replicas} active Pods named {@code <rs>-<5 characters>} (generateName), each with
 * a controller reference to the set. Creation goes in slow-start batches (1, 2, 4, ...), stopping
 * at the first failed batch; scale-down deletes the Pods upstream ranks first
 * ({@code ActivePodsWithRanks}): unscheduled before scheduled, Pending before Unknown before
 * Running, not Ready before Ready, more Pods of the set on the same node first, Ready for less
 * time first, more container restarts first, newer before older. Expectations keep a lagging
 * cache from causing double creations. Events: {@code SuccessfulCreate} "Created pod: web-5d4f8-abcde",
 * {@code FailedCreate} "Error creating: ...", {@code SuccessfulDelete} "Deleted pod: ...".
 * Not modelled: adoption/release of Pods by selector, {@code ReplicaFailure} conditions.
 */
public final class ReplicaSetController extends QueueController {
  /** The component's name, as kube-controller-manager calls it. */
  public static final String NAME = "replicaset-controller";

  /** {@code BurstReplicas}: at most this many creations or deletions per sync. */
  static final int BURST_REPLICAS = 500;

  private final Informer<ReplicaSet> sets;
  private final Informer<Pod> pods;
  private final OwnerIndex<Pod> podsByOwner;
  private final ControllerExpectations expectations;

  public ReplicaSetController(ClusterContext context) {
    super(context, NAME);
    this.sets = informer(ReplicaSet.class);
    this.pods = informer(Pod.class);
    this.podsByOwner = new OwnerIndex<>(pods);
    this.expectations = new ControllerExpectations(context.engine()::nowMicros);
    sets.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(ReplicaSet rs) {
        queue.add(keyOf(rs));
      }

      @Override
      public void onUpdate(ReplicaSet old, ReplicaSet rs) {
        queue.add(keyOf(rs));
      }

      @Override
      public void onDelete(ReplicaSet rs) {
        expectations.delete(keyOf(rs));
      }
    });
    pods.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(Pod pod) {
        String rs = ownerKey(pod);
        if (rs != null) {
          if (pod.metadata().deletionTimestamp() != null) {
            expectations.deletionObserved(rs, keyOf(pod));
          } else {
            expectations.creationObserved(rs);
          }
          queue.add(rs);
        }
      }

      @Override
      public void onUpdate(Pod old, Pod pod) {
        String rs = ownerKey(pod);
        if (rs != null) {
          if (pod.metadata().deletionTimestamp() != null) {
            expectations.deletionObserved(rs, keyOf(pod)); // a terminating Pod counts as deleted
          }
          queue.add(rs);
        }
      }

      @Override
      public void onDelete(Pod pod) {
        String rs = ownerKey(pod);
        if (rs != null) {
          expectations.deletionObserved(rs, keyOf(pod));
          queue.add(rs);
        }
      }
    });
  }

  private static String ownerKey(Pod pod) {
    return Pods.controllerOf(pod).filter(r -> "ReplicaSet".equals(r.kind()))
        .map(r -> pod.metadata().namespace() + "/" + r.name()).orElse(null);
  }

  @Override
  protected SyncResult sync(String key) {
    ReplicaSet rs = sets.get(namespaceOf(key), nameOf(key)).orElse(null);
    if (rs == null) {
      expectations.delete(key);
      return SyncResult.FORGET;
    }
    List<Pod> active = new ArrayList<>();
    for (Pod p : podsByOwner.controlledBy(rs.metadata().namespace(), rs.metadata().uid())) {
      if (Pods.isActive(p)) {
        active.add(p);
      }
    }
    boolean failed = false;
    if (expectations.satisfied(key) && rs.metadata().deletionTimestamp() == null) {
      failed = !manageReplicas(key, active, rs);
    }
    ReplicaSet.Status status;
    try {
      status = updateStatus(rs, active);
    } catch (ApiException e) {
      return SyncResult.REQUEUE_RATE_LIMITED;
    }
    if (!failed && rs.spec().minReadySeconds() > 0 && status.readyReplicas() == rs.spec().replicas()
        && status.availableReplicas() != rs.spec().replicas()) {
      // Re-check availability once the Ready Pods have been ready long enough.
      queue.addAfter(key, Duration.ofSeconds(rs.spec().minReadySeconds()));
    }
    return failed ? SyncResult.REQUEUE_RATE_LIMITED : SyncResult.FORGET;
  }

  /** {@code manageReplicas}; false when a write failed. */
  private boolean manageReplicas(String key, List<Pod> active, ReplicaSet rs) {
    int diff = active.size() - rs.spec().replicas();
    if (diff < 0) {
      int toCreate = Math.min(-diff, BURST_REPLICAS);
      expectations.expectCreations(key, toCreate);
      int created = 0;
      // slowStartBatch: batches of 1, 2, 4, ...; a batch with an error ends the loop.
      for (int batch = 1; created < toCreate; batch = Math.min(2 * batch, toCreate - created)) {
        int size = Math.min(batch, toCreate - created);
        boolean error = false;
        for (int i = 0; i < size; i++) {
          try {
            Pod pod = client.create(Pods.fromTemplate(rs.spec().template(), rs, null, rs.metadata().name() + "-"));
            recorder.normal(rs, "SuccessfulCreate", "Created pod: " + pod.metadata().name());
          } catch (ApiException e) {
            recorder.warning(rs, "FailedCreate", "Error creating: " + e.getMessage());
            expectations.creationObserved(key);
            error = true;
          }
        }
        created += size;
        if (error) {
          for (int skipped = toCreate - created; skipped > 0; skipped--) {
            expectations.creationObserved(key);
          }
          return false;
        }
      }
      return true;
    } else if (diff > 0) {
      int toDelete = Math.min(diff, BURST_REPLICAS);
      List<Pod> victims = podsToDelete(active, toDelete);
      expectations.expectDeletions(key, victims.stream().map(QueueController::keyOf).toList());
      boolean ok = true;
      for (Pod p : victims) {
        try {
          client.delete(ObjectKey.of(p));
          recorder.normal(rs, "SuccessfulDelete", "Deleted pod: " + p.metadata().name());
        } catch (ApiException e) {
          expectations.deletionObserved(key, keyOf(p));
          if (e.reason() != ApiException.Reason.NOT_FOUND) {
            recorder.warning(rs, "FailedDelete", "Error deleting: " + e.getMessage());
            ok = false;
          }
        }
      }
      return ok;
    } else {
      return true;
    }
  }

  /** {@code getPodsToDelete}: the first {@code n} by upstream's deletion ranking. */
  private List<Pod> podsToDelete(List<Pod> active, int n) {
    TreeMap<String, Integer> perNode = new TreeMap<>();
    for (Pod p : active) {
      if (Pods.isScheduled(p)) {
        perNode.merge(p.spec().nodeName(), 1, Integer::sum);
      }
    }
    List<Pod> ranked = new ArrayList<>(active);
    ranked.sort(Comparator
        .comparing((Pod p) -> Pods.isScheduled(p))
        .thenComparingInt(ReplicaSetController::phaseRank)
        .thenComparing(Pods::isPodReady)
        .thenComparing(Comparator.comparingInt(
            (Pod p) -> Pods.isScheduled(p) ? perNode.get(p.spec().nodeName()) : 0).reversed())
        .thenComparing(Comparator.comparing(ReplicaSetController::readySince,
            Comparator.nullsFirst(Comparator.<Instant>naturalOrder())).reversed())
        .thenComparing(Comparator.comparingInt(ReplicaSetController::restarts).reversed())
        .thenComparing(Comparator.comparing((Pod p) -> p.metadata().creationTimestamp(),
            Comparator.nullsFirst(Comparator.<Instant>naturalOrder())).reversed())
        .thenComparing(p -> p.metadata().name()));
    return ranked.subList(0, Math.min(n, ranked.size()));
  }

  private static int phaseRank(Pod p) {
    return switch (p.phase()) {
      case PENDING -> 0;
      case UNKNOWN -> 1;
      case RUNNING -> 2;
      case SUCCEEDED, FAILED -> 3;
    };
  }

  private static Instant readySince(Pod p) {
    if (!Pods.isPodReady(p)) {
      return null;
    }
    return p.status().condition(PodCondition.READY).map(PodCondition::lastTransitionTime).orElse(null);
  }

  private static int restarts(Pod p) {
    int max = 0;
    if (p.status() != null) {
      for (ContainerStatus cs : p.status().containerStatuses()) {
        max = Math.max(max, cs.restartCount());
      }
    }
    return max;
  }

  private ReplicaSet.Status updateStatus(ReplicaSet rs, List<Pod> active) {
    int fullyLabeled = 0;
    int ready = 0;
    int available = 0;
    for (Pod p : active) {
      if (AppsValidation.matches(new dev.volsim.model.core.LabelSelector(rs.spec().template().metadata().labels(), null),
          p.metadata().labels())) {
        fullyLabeled++;
      }
      if (Pods.isPodReady(p)) {
        ready++;
        if (Pods.isPodAvailable(p, rs.spec().minReadySeconds(), now())) {
          available++;
        }
      }
    }
    ReplicaSet.Status old = rs.status();
    ReplicaSet.Status next = new ReplicaSet.Status(active.size(), fullyLabeled, ready, available,
        old.terminatingReplicas(), rs.metadata().generation() == null ? 0 : rs.metadata().generation(), old.conditions());
    if (!next.equals(old)) {
      client.updateStatus(new ReplicaSet(rs.metadata(), rs.spec(), next));
    }
    return next;
  }
}
