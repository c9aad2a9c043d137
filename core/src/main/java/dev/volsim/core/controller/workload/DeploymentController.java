package dev.volsim.core.controller.workload;

import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.Informer;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.controller.QueueController;
import dev.volsim.core.controller.SyncResult;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.Records;
import dev.volsim.model.apps.Deployment;
import dev.volsim.model.apps.ReplicaSet;
import dev.volsim.model.core.LabelSelector;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodPhase;
import dev.volsim.model.core.PodTemplateSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code deployment-controller} ({@code pkg/controller/deployment}): one ReplicaSet per
 * template revision, named {@code <deployment>-<pod-template-hash>} (see {@link TemplateHash}),
 * the hash also a label of its Pods and a term of its selector.
 *
 * <ul>
 *   <li>RollingUpdate ({@code rolling.go}): the new ReplicaSet is scaled up within
 *       {@code replicas + maxSurge} Pods, old ones scaled down only as far as
 *       {@code replicas - maxUnavailable} Pods stay available. With one replica and the default
 *       25%/25% the new Pod is created while the old one still runs: the classic Multi-Attach
 *       story of an RWO claim.
 *   <li>Recreate ({@code recreate.go}): old ReplicaSets scaled to 0, then nothing until no old Pod
 *       object is left (a Terminating Pod counts), then the new ReplicaSet is created and scaled
 *       up: old and new Pods never coexist.
 *   <li>Events {@code ScalingReplicaSet} "Scaled up replica set web-5d4f8 from 0 to 1" /
 *       "Scaled down replica set ... from 1 to 0"; status replicas, updatedReplicas,
 *       readyReplicas, availableReplicas, unavailableReplicas, observedGeneration.
 * </ul>
 * Not modelled: pause, rollback, proportional scaling of several active ReplicaSets during a
 * rollout (a replica change mid-rollout is applied to the new ReplicaSet), revision history
 * clean-up, progress deadlines and conditions, adoption by selector.
 */
public final class DeploymentController extends QueueController {
  /** The component's name, as kube-controller-manager calls it. */
  public static final String NAME = "deployment-controller";

  /** {@code apps.DefaultDeploymentUniqueLabelKey}. */
  static final String POD_TEMPLATE_HASH = "pod-template-hash";
  /** {@code deploymentutil.RevisionAnnotation}. */
  static final String REVISION_ANNOTATION = "deployment.kubernetes.io/revision";

  private final Informer<Deployment> deployments;
  private final Informer<ReplicaSet> replicaSets;
  private final OwnerIndex<ReplicaSet> rsByOwner;
  private final OwnerIndex<Pod> podsByOwner;

  public DeploymentController(ClusterContext context) {
    super(context, NAME);
    this.deployments = informer(Deployment.class);
    this.replicaSets = informer(ReplicaSet.class);
    Informer<Pod> pods = informer(Pod.class);
    this.rsByOwner = new OwnerIndex<>(replicaSets);
    this.podsByOwner = new OwnerIndex<>(pods);
    deployments.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(Deployment d) {
        queue.add(keyOf(d));
      }

      @Override
      public void onUpdate(Deployment old, Deployment d) {
        queue.add(keyOf(d));
      }
    });
    replicaSets.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(ReplicaSet rs) {
        enqueueOwner(rs);
      }

      @Override
      public void onUpdate(ReplicaSet old, ReplicaSet rs) {
        enqueueOwner(rs);
      }

      @Override
      public void onDelete(ReplicaSet rs) {
        enqueueOwner(rs);
      }
    });
    pods.addHandler(new Informer.Handler<>() {
      @Override
      public void onDelete(Pod pod) {
        // Recreate waits for the old Pods to be gone.
        Pods.controllerOf(pod).filter(r -> "ReplicaSet".equals(r.kind()))
            .flatMap(r -> replicaSets.get(pod.metadata().namespace(), r.name()))
            .ifPresent(DeploymentController.this::enqueueOwner);
      }
    });
  }

  private void enqueueOwner(ReplicaSet rs) {
    Pods.controllerOf(rs).filter(r -> "Deployment".equals(r.kind()))
        .ifPresent(r -> queue.add(rs.metadata().namespace() + "/" + r.name()));
  }

  @Override
  protected SyncResult sync(String key) {
    Deployment d = deployments.get(namespaceOf(key), nameOf(key)).orElse(null);
    if (d == null || d.metadata().deletionTimestamp() != null) {
      return SyncResult.FORGET;
    }
    List<ReplicaSet> all = new ArrayList<>(rsByOwner.controlledBy(d.metadata().namespace(), d.metadata().uid()));
    all.sort(Comparator.comparing((ReplicaSet rs) -> rs.metadata().creationTimestamp())
        .thenComparing(rs -> rs.metadata().name()));
    ReplicaSet newRs = null;
    List<ReplicaSet> old = new ArrayList<>();
    for (ReplicaSet rs : all) {
      if (newRs == null && equalIgnoreHash(rs.spec().template(), d.spec().template())) {
        newRs = rs;
      } else {
        old.add(rs);
      }
    }
    try {
      switch (d.spec().strategy().type()) {
        case RECREATE -> rolloutRecreate(d, newRs, old);
        case ROLLING_UPDATE -> rolloutRolling(d, newRs, old);
      }
      return SyncResult.FORGET;
    } catch (ApiException e) {
      return SyncResult.REQUEUE_RATE_LIMITED;
    }
  }

  private void rolloutRecreate(Deployment d, ReplicaSet newRs, List<ReplicaSet> old) {
    boolean scaledDown = false;
    for (ReplicaSet rs : old) {
      if (rs.spec().replicas() != 0) {
        scaleReplicaSet(d, rs, 0);
        scaledDown = true;
      }
    }
    if (scaledDown || oldPodsRunning(newRs, old)) {
      syncStatus(d, newRs, old);
      return; // wait until every old Pod object is gone
    }
    if (newRs == null) {
      newRs = createNewReplicaSet(d, d.spec().replicas());
    } else if (newRs.spec().replicas() != d.spec().replicas()) {
      newRs = scaleReplicaSet(d, newRs, d.spec().replicas());
    }
    syncStatus(d, newRs, old);
  }

  /** {@code oldPodsRunning}: old ReplicaSets still report Pods, or an old Pod object has not finished. */
  private boolean oldPodsRunning(ReplicaSet newRs, List<ReplicaSet> old) {
    for (ReplicaSet rs : old) {
      if (rs.status().replicas() > 0) {
        return true;
      }
      for (Pod p : podsByOwner.controlledBy(rs.metadata().namespace(), rs.metadata().uid())) {
        if (p.phase() != PodPhase.FAILED && p.phase() != PodPhase.SUCCEEDED) {
          return true;
        }
      }
    }
    return false;
  }

  private void rolloutRolling(Deployment d, ReplicaSet newRs, List<ReplicaSet> old) {
    int replicas = d.spec().replicas();
    int maxSurge = maxSurge(d);
    if (newRs == null) {
      newRs = createNewReplicaSet(d, newRsNewReplicas(d, null, old, maxSurge));
    } else if (newRs.spec().replicas() > replicas) {
      newRs = scaleReplicaSet(d, newRs, replicas); // reconcileNewReplicaSet: scale down
    } else if (newRs.spec().replicas() < replicas) {
      int target = newRsNewReplicas(d, newRs, old, maxSurge);
      if (target != newRs.spec().replicas()) {
        newRs = scaleReplicaSet(d, newRs, target);
      }
    }
    reconcileOldReplicaSets(d, newRs, old);
    syncStatus(d, newRs, old);
  }

  /** {@code NewRSNewReplicas} for RollingUpdate. */
  private static int newRsNewReplicas(Deployment d, ReplicaSet newRs, List<ReplicaSet> old, int maxSurge) {
    int current = newRs == null ? 0 : newRs.spec().replicas();
    int total = current;
    for (ReplicaSet rs : old) {
      total += rs.spec().replicas();
    }
    int maxTotal = d.spec().replicas() + maxSurge;
    if (total >= maxTotal) {
      return current;
    }
    return current + Math.min(maxTotal - total, d.spec().replicas() - current);
  }

  /** {@code reconcileOldReplicaSets}: unhealthy old Pods first, then as far as availability allows. */
  private void reconcileOldReplicaSets(Deployment d, ReplicaSet newRs, List<ReplicaSet> old) {
    int oldCount = 0;
    for (ReplicaSet rs : old) {
      oldCount += rs.spec().replicas();
    }
    if (oldCount == 0) {
      return;
    }
    int allCount = oldCount + newRs.spec().replicas();
    int minAvailable = d.spec().replicas() - maxUnavailable(d);
    int newUnavailable = newRs.spec().replicas() - newRs.status().availableReplicas();
    int maxScaledDown = allCount - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) {
      return;
    }
    // cleanupUnhealthyReplicas
    List<ReplicaSet> current = new ArrayList<>();
    int cleaned = 0;
    for (ReplicaSet rs : old) {
      if (cleaned < maxScaledDown && rs.spec().replicas() > 0 && rs.spec().replicas() != rs.status().availableReplicas()) {
        int down = Math.min(maxScaledDown - cleaned, rs.spec().replicas() - rs.status().availableReplicas());
        rs = scaleReplicaSet(d, rs, rs.spec().replicas() - down);
        cleaned += down;
      }
      current.add(rs);
    }
    // scaleDownOldReplicaSetsForRollingUpdate
    int available = newRs.status().availableReplicas();
    for (ReplicaSet rs : current) {
      available += rs.status().availableReplicas();
    }
    if (available <= minAvailable) {
      return;
    }
    int remaining = available - minAvailable;
    for (ReplicaSet rs : current) {
      if (remaining <= 0) {
        break;
      }
      if (rs.spec().replicas() == 0) {
        continue;
      }
      int down = Math.min(rs.spec().replicas(), remaining);
      scaleReplicaSet(d, rs, rs.spec().replicas() - down);
      remaining -= down;
    }
  }

  /** {@code getNewReplicaSet(createIfNotExisted=true)}: "Scaled up replica set X from 0 to N". */
  private ReplicaSet createNewReplicaSet(Deployment d, int replicas) {
    String hash = TemplateHash.of(d.spec().template(), d.status().collisionCount());
    PodTemplateSpec t = d.spec().template();
    PodTemplateSpec template = new PodTemplateSpec(t.metadata().toBuilder().label(POD_TEMPLATE_HASH, hash).build(), t.spec());
    Map<String, String> match = new TreeMap<>(d.spec().selector().matchLabels());
    match.put(POD_TEMPLATE_HASH, hash);
    LabelSelector selector = new LabelSelector(com.google.common.collect.ImmutableSortedMap.copyOf(match),
        d.spec().selector().matchExpressions());
    int revision = 0;
    for (ReplicaSet rs : rsByOwner.controlledBy(d.metadata().namespace(), d.metadata().uid())) {
      try {
        revision = Math.max(revision, Integer.parseInt(rs.metadata().annotations().getOrDefault(REVISION_ANNOTATION, "0")));
      } catch (NumberFormatException e) {
        // not a revision number: ignored, as upstream's Revision() error path
      }
    }
    ObjectMeta meta = ObjectMeta.builder().name(d.metadata().name() + "-" + hash).namespace(d.metadata().namespace())
        .labels(template.metadata().labels()).annotation(REVISION_ANNOTATION, Integer.toString(revision + 1))
        .ownerReferences(List.of(Pods.controllerRef(d))).build();
    ReplicaSet rs = client.create(new ReplicaSet(meta,
        new ReplicaSet.Spec(replicas, d.spec().minReadySeconds(), selector, template), null));
    if (replicas > 0) {
      recorder.normal(d, "ScalingReplicaSet", "Scaled up replica set " + rs.metadata().name() + " from 0 to " + replicas);
    }
    return rs;
  }

  /** {@code scaleReplicaSet}: "Scaled up|down replica set X from A to B". */
  private ReplicaSet scaleReplicaSet(Deployment d, ReplicaSet rs, int replicas) {
    int from = rs.spec().replicas();
    ReplicaSet updated = client.update(new ReplicaSet(rs.metadata(), Records.with(rs.spec(), "replicas", replicas), rs.status()));
    recorder.normal(d, "ScalingReplicaSet", "Scaled " + (from < replicas ? "up" : "down") + " replica set "
        + rs.metadata().name() + " from " + from + " to " + replicas);
    return updated;
  }

  private void syncStatus(Deployment d, ReplicaSet newRs, List<ReplicaSet> old) {
    int replicas = 0;
    int ready = 0;
    int available = 0;
    List<ReplicaSet> all = new ArrayList<>(old);
    if (newRs != null) {
      all.add(newRs);
    }
    for (ReplicaSet rs : all) {
      replicas += rs.status().replicas();
      ready += rs.status().readyReplicas();
      available += rs.status().availableReplicas();
    }
    int updated = newRs == null ? 0 : newRs.status().replicas();
    Deployment.Status cur = d.status();
    Deployment.Status next = new Deployment.Status(d.metadata().generation() == null ? 0 : d.metadata().generation(),
        replicas, updated, ready, available, Math.max(0, d.spec().replicas() - available), cur.terminatingReplicas(),
        cur.conditions(), cur.collisionCount());
    if (!next.equals(cur)) {
      client.updateStatus(new Deployment(d.metadata(), d.spec(), next));
    }
  }

  /** {@code EqualIgnoreHash}: templates equal once the pod-template-hash label is dropped. */
  static boolean equalIgnoreHash(PodTemplateSpec a, PodTemplateSpec b) {
    return withoutHash(a).equals(withoutHash(b));
  }

  private static PodTemplateSpec withoutHash(PodTemplateSpec t) {
    Map<String, String> labels = new TreeMap<>(t.metadata().labels());
    labels.remove(POD_TEMPLATE_HASH);
    return new PodTemplateSpec(t.metadata().toBuilder().labels(labels).build(), t.spec());
  }

  /** {@code MaxSurge}: resolved against replicas, rounding up; 0 for Recreate. */
  static int maxSurge(Deployment d) {
    Deployment.RollingUpdate ru = d.spec().strategy().rollingUpdate();
    if (ru == null) {
      return 0;
    }
    int surge = ru.maxSurge().scaledValue(d.spec().replicas(), true);
    int unavailable = ru.maxUnavailable().scaledValue(d.spec().replicas(), false);
    return surge == 0 && unavailable == 0 ? 0 : surge;
  }

  /**
   * {@code MaxUnavailable}: resolved against replicas, rounding down; 1 when both it and maxSurge
   * resolve to 0; never more than replicas.
   */
  static int maxUnavailable(Deployment d) {
    Deployment.RollingUpdate ru = d.spec().strategy().rollingUpdate();
    if (ru == null || d.spec().replicas() == 0) {
      return 0;
    }
    int surge = ru.maxSurge().scaledValue(d.spec().replicas(), true);
    int unavailable = ru.maxUnavailable().scaledValue(d.spec().replicas(), false);
    if (surge == 0 && unavailable == 0) {
      unavailable = 1;
    }
    return Math.min(unavailable, d.spec().replicas());
  }
}
