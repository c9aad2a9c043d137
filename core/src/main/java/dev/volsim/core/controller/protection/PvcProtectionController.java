package dev.volsim.core.controller.protection;

import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.Informer;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.controller.QueueController;
import dev.volsim.core.controller.SyncResult;
import dev.volsim.model.OwnerReference;
import dev.volsim.model.Records;
import dev.volsim.model.core.ContainerStatus;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodPhase;
import dev.volsim.model.volume.EphemeralVolumeSource;
import dev.volsim.model.volume.PersistentVolumeClaimVolumeSource;
import dev.volsim.model.volume.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code pvc-protection-controller} ({@code pkg/controller/volume/pvcprotection}): a claim
 * being deleted keeps its {@code kubernetes.io/pvc-protection} finalizer while any scheduled Pod
 * object uses it, and loses it as soon as none does.
 *
 * <p>As upstream ({@code processPVC}, {@code isBeingUsed}, {@code podUsesPVC}):
 * <ul>
 *   <li>only Pods with {@code spec.nodeName} set count: the kubelet never starts a Pod whose claim
 *       is being deleted, so an unscheduled Pod never blocks;
 *   <li>a Pod uses a claim through {@code persistentVolumeClaim.claimName}, whatever its phase (a
 *       Succeeded or Failed Pod blocks until the object is deleted), or through a generic
 *       ephemeral volume whose claim {@code <pod>-<volume>} is controlled by the Pod, unless the
 *       Pod is shut down ({@code deletionTimestamp} set and {@code deletionGracePeriodSeconds}
 *       0). Upstream's {@code podIsShutDown} guards only the ephemeral branch (Go's {@code &&}
 *       binds tighter than {@code ||}), and so does this class;
 *   <li>the informer's index of Pods by claim is asked first; when it finds nothing, a live list
 *       of the namespace's Pods decides (the cache may not have seen a new Pod yet);
 *   <li>Pod events enqueue the Pod's claims only when the Pod can no longer block: deleted,
 *       terminated ({@code IsPodTerminated}) or unscheduled. A claim not being deleted that lacks
 *       the finalizer gets it ({@code addFinalizer}, for claims older than the admission plugin).
 * </ul>
 * The removal shows in the trace as the API server's {@code FinalizerRemoved}.
 */
public final class PvcProtectionController extends QueueController {
  /** The component's name, as kube-controller-manager calls it. */
  public static final String NAME = "pvc-protection-controller";

  /** {@code volumeutil.PVCProtectionFinalizer}. */
  public static final String PVC_PROTECTION_FINALIZER = "kubernetes.io/pvc-protection";

  private final Informer<PersistentVolumeClaim> claims;
  private final Informer<Pod> pods;
  // common.PodPVCIndex: "namespace/claim" -> keys of cached Pods naming it. Tree-ordered.
  private final TreeMap<String, TreeSet<String>> podsByClaim = new TreeMap<>();

  public PvcProtectionController(ClusterContext context) {
    super(context, NAME);
    this.claims = informer(PersistentVolumeClaim.class);
    this.pods = informer(Pod.class);
    claims.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(PersistentVolumeClaim pvc) {
        pvcAddedUpdated(pvc);
      }

      @Override
      public void onUpdate(PersistentVolumeClaim old, PersistentVolumeClaim pvc) {
        pvcAddedUpdated(pvc);
      }
    });
    pods.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(Pod pod) {
        index(null, pod);
        enqueuePvcs(pod, false);
      }

      @Override
      public void onUpdate(Pod old, Pod pod) {
        index(old, pod);
        enqueuePvcs(pod, false);
        if (!Objects.equals(old.metadata().uid(), pod.metadata().uid())) {
          // An update may mask a deletion and re-creation under the same name.
          enqueuePvcs(old, true);
        }
      }

      @Override
      public void onDelete(Pod pod) {
        index(pod, null);
        enqueuePvcs(pod, true);
      }
    });
  }

  private void pvcAddedUpdated(PersistentVolumeClaim pvc) {
    if (needToAddFinalizer(pvc) || isDeletionCandidate(pvc)) {
      queue.add(keyOf(pvc));
    }
  }

  private void enqueuePvcs(Pod pod, boolean deleted) {
    // Pods that cannot help remove a finalizer are filtered out.
    if (!deleted && !isPodTerminated(pod) && isScheduled(pod)) {
      return;
    }
    for (String claim : claimNames(pod)) {
      queue.add(pod.metadata().namespace() + "/" + claim);
    }
  }

  @Override
  protected SyncResult sync(String key) {
    int slash = key.indexOf('/');
    String namespace = key.substring(0, slash);
    String name = key.substring(slash + 1);
    PersistentVolumeClaim pvc = claims.get(namespace, name).orElse(null);
    if (pvc == null) {
      return SyncResult.FORGET; // "PVC not found, ignoring"
    }
    try {
      if (isDeletionCandidate(pvc)) {
        if (!isBeingUsed(pvc)) {
          removeFinalizer(pvc);
          return SyncResult.FORGET;
        } else {
          return SyncResult.FORGET; // "Keeping PVC because it is being used"
        }
      } else if (needToAddFinalizer(pvc)) {
        addFinalizer(pvc);
        return SyncResult.FORGET;
      } else {
        return SyncResult.FORGET;
      }
    } catch (ApiException e) {
      return SyncResult.REQUEUE_RATE_LIMITED;
    }
  }

  private void removeFinalizer(PersistentVolumeClaim pvc) {
    List<String> finalizers = new ArrayList<>(pvc.metadata().finalizers());
    finalizers.remove(PVC_PROTECTION_FINALIZER);
    client.update(Records.withMetadata(pvc, pvc.metadata().toBuilder().finalizers(finalizers).build()));
  }

  private void addFinalizer(PersistentVolumeClaim pvc) {
    List<String> finalizers = new ArrayList<>(pvc.metadata().finalizers());
    finalizers.add(PVC_PROTECTION_FINALIZER);
    client.update(Records.withMetadata(pvc, pvc.metadata().toBuilder().finalizers(finalizers).build()));
  }

  private boolean isBeingUsed(PersistentVolumeClaim pvc) {
    // askInformer: the index is exact for claimName; podUsesPVC still checks each Pod.
    TreeSet<String> indexed = podsByClaim.get(keyOf(pvc));
    if (indexed != null) {
      for (String podKey : indexed) {
        int slash = podKey.indexOf('/');
        Pod pod = pods.get(podKey.substring(0, slash), podKey.substring(slash + 1)).orElse(null);
        if (pod != null && podUsesPvc(pod, pvc)) {
          return true;
        }
      }
    }
    // askAPIServer: a live list of the namespace, in case the cache lags behind.
    for (Pod pod : context.api().list(Pod.class, pvc.metadata().namespace())) {
      if (podUsesPvc(pod, pvc)) {
        return true;
      }
    }
    return false; // "PVC is unused"
  }

  /** {@code podUsesPVC}. */
  static boolean podUsesPvc(Pod pod, PersistentVolumeClaim pvc) {
    if (!isScheduled(pod)) {
      return false;
    }
    for (Volume v : pod.spec().volumes()) {
      if (v.source() instanceof PersistentVolumeClaimVolumeSource s && pvc.metadata().name().equals(s.claimName())) {
        return true;
      } else if (!podIsShutDown(pod) && v.source() instanceof EphemeralVolumeSource
          && (pod.metadata().name() + "-" + v.name()).equals(pvc.metadata().name()) && isControlledBy(pvc, pod)) {
        return true;
      }
    }
    return false;
  }

  /** A Pod the kubelet is done with, or a force-deleted one: only waiting to be removed. */
  static boolean podIsShutDown(Pod pod) {
    Long grace = pod.metadata().deletionGracePeriodSeconds();
    return pod.metadata().deletionTimestamp() != null && grace != null && grace == 0;
  }

  /** {@code volumeutil.IsPodTerminated}: finished, or being deleted with no container running. */
  static boolean isPodTerminated(Pod pod) {
    if (pod.phase() == PodPhase.SUCCEEDED || pod.phase() == PodPhase.FAILED) {
      return true;
    }
    if (pod.metadata().deletionTimestamp() == null) {
      return false;
    }
    if (pod.status() != null) {
      for (ContainerStatus cs : pod.status().containerStatuses()) {
        if (cs.state() != null && cs.state().running() != null) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isScheduled(Pod pod) {
    return pod.spec() != null && pod.spec().nodeName() != null && !pod.spec().nodeName().isEmpty();
  }

  private static boolean isControlledBy(PersistentVolumeClaim pvc, Pod pod) {
    for (OwnerReference ref : pvc.metadata().ownerReferences()) {
      if (Boolean.TRUE.equals(ref.controller())) {
        return Objects.equals(ref.uid(), pod.metadata().uid());
      }
    }
    return false;
  }

  private static boolean isDeletionCandidate(PersistentVolumeClaim pvc) {
    return pvc.metadata().deletionTimestamp() != null && pvc.metadata().hasFinalizer(PVC_PROTECTION_FINALIZER);
  }

  private static boolean needToAddFinalizer(PersistentVolumeClaim pvc) {
    return pvc.metadata().deletionTimestamp() == null && !pvc.metadata().hasFinalizer(PVC_PROTECTION_FINALIZER);
  }

  /** The claims a Pod names: {@code claimName}s and generated ephemeral claim names, in volume order. */
  private static List<String> claimNames(Pod pod) {
    List<String> out = new ArrayList<>();
    if (pod.spec() == null) {
      return out;
    }
    for (Volume v : pod.spec().volumes()) {
      if (v.source() instanceof PersistentVolumeClaimVolumeSource s && s.claimName() != null) {
        out.add(s.claimName());
      } else if (v.source() instanceof EphemeralVolumeSource) {
        out.add(pod.metadata().name() + "-" + v.name());
      }
    }
    return out;
  }

  private void index(Pod old, Pod current) {
    if (old != null) {
      String podKey = keyOf(old);
      for (String claim : claimNames(old)) {
        String claimKey = old.metadata().namespace() + "/" + claim;
        TreeSet<String> set = podsByClaim.get(claimKey);
        if (set != null) {
          set.remove(podKey);
          if (set.isEmpty()) {
            podsByClaim.remove(claimKey);
          }
        }
      }
    }
    if (current != null) {
      String podKey = keyOf(current);
      for (String claim : claimNames(current)) {
        podsByClaim.computeIfAbsent(current.metadata().namespace() + "/" + claim, k -> new TreeSet<>()).add(podKey);
      }
    }
  }
}
