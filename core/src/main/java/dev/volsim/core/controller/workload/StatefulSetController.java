package dev.volsim.core.controller.workload;

import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.Informer;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.controller.QueueController;
import dev.volsim.core.controller.SyncResult;
import dev.volsim.model.apps.StatefulSet;
import dev.volsim.model.apps.StatefulSet.PodManagementPolicy;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodPhase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code statefulset-controller} ({@code pkg/controller/statefulset}): Pods {@code <set>-<n>}
 * with their claims {@code <template>-<set>-<n>} made before them, as upstream's
 * {@code updateStatefulSet}.
 *
 * <ul>
 *   <li>OrderedReady (monotonic): one Pod at a time, the next only when every lower ordinal is
 *       Running and Ready (and available for minReadySeconds); scale down from the highest
 *       ordinal, one at a time, each waiting for the previous Pod to be gone. Parallel: all at
 *       once. Pods become Running and Ready only when a kubelet says so: without one (core tests,
 *       or clusters whose kubelet is paused) an OrderedReady set stops after its first Pod.
 *   <li>A Pod that is deleted, Failed or Succeeded is replaced by a Pod of the same name with the
 *       same claims, only once the old object is gone: there is never more than one Pod per
 *       ordinal, even while one is Terminating.
 *   <li>A claim being deleted fails the Pod's creation ({@code FailedCreate}
 *       "create Pod web-0 in StatefulSet web failed error: pvc data-web-0 is being deleted") and
 *       the sync is retried with the rate limiter's back-off.
 *   <li>{@code persistentVolumeClaimRetentionPolicy} through owner references on the claims
 *       (see {@link StatefulPodControl#wantedOwners}); the garbage collector does the deleting.
 *   <li>Status: replicas, readyReplicas, availableReplicas, currentReplicas, updatedReplicas,
 *       currentRevision/updateRevision ({@code <set>-<template hash>}), observedGeneration.
 * </ul>
 * Not modelled: ControllerRevision objects and rolling updates of a changed template (Pods of an
 * older revision are kept, not replaced), adoption and release of Pods by selector (Pods are the
 * set's by controller reference), {@code PodClaimIsStale}, {@code maxUnavailable}.
 */
public final class StatefulSetController extends QueueController {
  /** The component's name, as kube-controller-manager calls it. */
  public static final String NAME = "statefulset-controller";

  private final Informer<StatefulSet> sets;
  private final Informer<Pod> pods;
  private final OwnerIndex<Pod> podsByOwner;
  private final StatefulPodControl podControl;

  public StatefulSetController(ClusterContext context) {
    super(context, NAME);
    this.sets = informer(StatefulSet.class);
    this.pods = informer(Pod.class);
    this.podsByOwner = new OwnerIndex<>(pods);
    this.podControl = new StatefulPodControl(client, recorder);
    sets.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(StatefulSet set) {
        queue.add(keyOf(set));
      }

      @Override
      public void onUpdate(StatefulSet old, StatefulSet set) {
        queue.add(keyOf(set));
      }
    });
    pods.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(Pod pod) {
        enqueueOwner(pod);
      }

      @Override
      public void onUpdate(Pod old, Pod pod) {
        enqueueOwner(pod);
      }

      @Override
      public void onDelete(Pod pod) {
        enqueueOwner(pod);
      }
    });
  }

  private void enqueueOwner(Pod pod) {
    Pods.controllerOf(pod).filter(r -> "StatefulSet".equals(r.kind()))
        .ifPresent(r -> queue.add(pod.metadata().namespace() + "/" + r.name()));
  }

  @Override
  protected SyncResult sync(String key) {
    StatefulSet set = sets.get(namespaceOf(key), nameOf(key)).orElse(null);
    if (set == null || set.metadata().deletionTimestamp() != null) {
      return SyncResult.FORGET; // the garbage collector takes the Pods (and claims owned by the set)
    }
    List<Pod> owned = new ArrayList<>();
    for (Pod p : podsByOwner.controlledBy(set.metadata().namespace(), set.metadata().uid())) {
      if (StatefulSetUtils.ordinal(set, p) >= 0) {
        owned.add(p);
      }
    }
    try {
      boolean done = updateStatefulSet(set, owned);
      return done ? SyncResult.FORGET : SyncResult.HANDLED;
    } catch (ApiException e) {
      return SyncResult.REQUEUE_RATE_LIMITED;
    }
  }

  /** {@code updateStatefulSet}; answers false when it stopped early (it is woken by Pod events). */
  private boolean updateStatefulSet(StatefulSet set, List<Pod> owned) {
    int start = set.spec().startOrdinal();
    int replicaCount = set.spec().replicas();
    boolean monotonic = set.spec().podManagementPolicy() == PodManagementPolicy.ORDERED_READY;
    String revision = StatefulSetUtils.revision(set);
    Pod[] replicas = new Pod[replicaCount];
    boolean[] created = new boolean[replicaCount];
    List<Pod> condemned = new ArrayList<>();
    StatusCounts counts = new StatusCounts();
    for (Pod p : owned) {
      counts.add(p, revision, set.spec().minReadySeconds(), now());
      int ord = StatefulSetUtils.ordinal(set, p);
      if (ord >= start && ord < start + replicaCount) {
        replicas[ord - start] = p;
        created[ord - start] = true;
      } else {
        condemned.add(p);
      }
    }
    for (int i = 0; i < replicaCount; i++) {
      if (replicas[i] == null) {
        replicas[i] = StatefulSetUtils.newStatefulSetPod(set, start + i);
      }
    }
    condemned.sort(Comparator.comparingInt((Pod p) -> StatefulSetUtils.ordinal(set, p)).reversed());
    Pod firstUnhealthy = null;
    for (int i = 0; i < replicaCount; i++) {
      if (created[i] && !isAvailableAndHealthy(replicas[i], set) || !created[i]) {
        firstUnhealthy = replicas[i];
        break;
      }
    }
    if (firstUnhealthy == null) {
      for (int i = condemned.size() - 1; i >= 0; i--) {
        if (!isHealthy(condemned.get(i))) {
          firstUnhealthy = condemned.get(i);
          break;
        }
      }
    }
    boolean completed = processReplicas(set, replicas, created, monotonic, counts, revision)
        && processCondemned(set, condemned, firstUnhealthy, monotonic);
    updateStatus(set, counts, revision);
    return completed;
  }

  /** The replicas in ordinal order ({@code processReplica}); false when told to stop. */
  private boolean processReplicas(StatefulSet set, Pod[] replicas, boolean[] created, boolean monotonic,
      StatusCounts counts, String revision) {
    for (int i = 0; i < replicas.length; i++) {
      Pod pod = replicas[i];
      if (created[i] && (pod.phase() == PodPhase.FAILED || pod.phase() == PodPhase.SUCCEEDED)) {
        // A finished Pod is restarted: deleted now, re-created once it is gone.
        if (!Pods.isTerminating(pod)) {
          podControl.deleteStatefulPod(set, pod);
        }
        return false;
      } else if (!created[i]) {
        podControl.createStatefulPod(set, pod);
        counts.created(revision);
        if (monotonic) {
          return false;
        }
        continue;
      } else if (pod.phase() == PodPhase.PENDING && !Pods.isTerminating(pod)) {
        // createMissingPersistentVolumeClaims: a claim deleted under a pending Pod comes back.
        String err = podControl.createPersistentVolumeClaims(set, pod);
        if (err != null) {
          throw ApiException.internal(err);
        }
      }
      if (Pods.isTerminating(pod) && monotonic) {
        return false; // wait for graceful deletion to complete
      } else if (!isAvailableAndHealthy(pod, set) && monotonic) {
        return false; // every predecessor must be Running, Ready and available
      } else if (!Pods.isTerminating(pod) && !podControl.claimsMatchRetentionPolicy(set, pod)) {
        podControl.updatePodClaimForRetentionPolicy(set, pod);
      }
    }
    return true;
  }

  /** The condemned Pods, highest ordinal first ({@code processCondemned}). */
  private boolean processCondemned(StatefulSet set, List<Pod> condemned, Pod firstUnhealthy, boolean monotonic) {
    for (Pod pod : condemned) {
      if (!Pods.isTerminating(pod) && !podControl.claimsMatchRetentionPolicy(set, pod)) {
        podControl.updatePodClaimForRetentionPolicy(set, pod); // whenScaled: the claim follows the Pod
      }
    }
    for (Pod pod : condemned) {
      if (Pods.isTerminating(pod)) {
        if (monotonic) {
          return false;
        }
        continue;
      }
      if (!isAvailableAndHealthy(pod, set) && monotonic && pod != firstUnhealthy) {
        return false;
      }
      podControl.deleteStatefulPod(set, pod);
      if (monotonic) {
        return false;
      }
    }
    return true;
  }

  private boolean isHealthy(Pod pod) {
    return Pods.isRunningAndReady(pod) && !Pods.isTerminating(pod);
  }

  private boolean isAvailableAndHealthy(Pod pod, StatefulSet set) {
    return Pods.isRunningAndReady(pod)
        && Pods.isPodAvailable(pod, set.spec().minReadySeconds(), now());
  }

  private void updateStatus(StatefulSet set, StatusCounts c, String revision) {
    StatefulSet.Status old = set.status();
    StatefulSet.Status next = new StatefulSet.Status(
        set.metadata().generation() == null ? 0 : set.metadata().generation(), c.replicas, c.ready, c.current,
        c.updated, revision, revision, old.collisionCount(), old.conditions(), c.available);
    if (!next.equals(old)) {
      client.updateStatus(new StatefulSet(set.metadata(), set.spec(), next));
    }
  }

  /** Upstream's status counters ({@code computeReplicaStatus}). */
  private static final class StatusCounts {
    int replicas;
    int ready;
    int available;
    int current;
    int updated;

    void add(Pod p, String revision, int minReadySeconds, java.time.Instant now) {
      replicas++;
      if (Pods.isRunningAndReady(p)) {
        ready++;
        if (Pods.isPodAvailable(p, minReadySeconds, now)) {
          available++;
        }
      }
      if (!Pods.isTerminating(p) && revision.equals(p.metadata().labels().get(StatefulSetUtils.REVISION_LABEL))) {
        current++;
        updated++;
      }
    }

    void created(String revision) {
      replicas++;
      current++;
      updated++;
    }
  }
}
