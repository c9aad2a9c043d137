package dev.volsim.core.controller.ephemeral;

import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.Informer;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.controller.QueueController;
import dev.volsim.core.controller.SyncResult;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.OwnerReference;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.Pod;
import dev.volsim.model.volume.EphemeralVolumeSource;
import dev.volsim.model.volume.PersistentVolumeClaimTemplate;
import dev.volsim.model.volume.Volume;
import java.util.List;
import java.util.Optional;

/**
 * The {@code ephemeral-volume-controller} (pkg/controller/volume/ephemeral/controller.go): for each
 * generic ephemeral volume of a Pod not being deleted it creates the claim {@code <pod>-<volume>}
 * from the volume's template, controlled by the Pod ({@code controller: true},
 * {@code blockOwnerDeletion: true}), so the garbage collector deletes it with the Pod. A claim of
 * that name that the Pod does not control is left alone: the scheduler and the kubelet then refuse
 * the Pod ("pod is not owner"). A failed create is a Warning {@code FailedBinding}
 * {@code PVC creation failed: <error>} on the Pod, and retried.
 */
public final class EphemeralVolumeController extends QueueController {
  /** The component's name, as kube-controller-manager calls it. */
  public static final String NAME = "ephemeral-volume-controller";

  private final Informer<Pod> pods;
  private final Informer<PersistentVolumeClaim> claims;

  public EphemeralVolumeController(ClusterContext context) {
    super(context, NAME);
    this.pods = informer(Pod.class);
    this.claims = informer(PersistentVolumeClaim.class);
    pods.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(Pod pod) {
        enqueuePod(pod);
      }

      @Override
      public void onUpdate(Pod old, Pod pod) {
        enqueuePod(pod);
      }
    });
    claims.addHandler(new Informer.Handler<>() {
      @Override
      public void onDelete(PersistentVolumeClaim claim) {
        // onPVCDelete: a Pod whose claim went away (deleted by hand) gets it again.
        for (OwnerReference o : claim.metadata().ownerReferences()) {
          if ("Pod".equals(o.kind()) && Boolean.TRUE.equals(o.controller())) {
            queue.add(claim.metadata().namespace() + "/" + o.name());
          }
        }
      }
    });
  }

  private void enqueuePod(Pod pod) {
    // enqueuePod: "Ignore pods which are already getting deleted."
    if (pod.metadata().deletionTimestamp() != null) {
      return;
    }
    for (Volume v : pod.spec().volumes()) {
      if (v.source() instanceof EphemeralVolumeSource) {
        queue.add(keyOf(pod));
        return;
      }
    }
  }

  @Override
  protected SyncResult sync(String key) {
    Optional<Pod> found = pods.get(namespaceOf(key), nameOf(key));
    if (found.isEmpty() || found.get().metadata().deletionTimestamp() != null) {
      return SyncResult.FORGET;
    }
    Pod pod = found.get();
    for (Volume v : pod.spec().volumes()) {
      if (v.source() instanceof EphemeralVolumeSource e && !handleVolume(pod, v, e)) {
        return SyncResult.REQUEUE_RATE_LIMITED;
      }
    }
    return SyncResult.FORGET;
  }

  /** {@code handleVolume}: creates the claim unless it exists; false when the create failed. */
  private boolean handleVolume(Pod pod, Volume v, EphemeralVolumeSource e) {
    String claimName = claimName(pod, v);
    String ns = pod.metadata().namespace();
    if (claims.get(ns, claimName).isPresent() || client.get(PersistentVolumeClaim.class, ns, claimName).isPresent()) {
      return true; // already created (or someone else's: VolumeIsForPod fails later, where it is used)
    }
    PersistentVolumeClaimTemplate t = e.volumeClaimTemplate();
    ObjectMeta meta = ObjectMeta.builder().name(claimName).namespace(ns)
        .labels(t.metadata().labels()).annotations(t.metadata().annotations())
        .ownerReferences(List.of(new OwnerReference("v1", "Pod", pod.metadata().name(), pod.metadata().uid(),
            true, true)))
        .build();
    try {
      client.create(new PersistentVolumeClaim(meta, t.spec(), null));
      return true;
    } catch (ApiException ex) {
      if (ex.reason() == ApiException.Reason.ALREADY_EXISTS) {
        return true;
      }
      recorder.warning(pod, "FailedBinding", "PVC creation failed: " + ex.getMessage());
      return false;
    }
  }

  /** {@code ephemeral.VolumeClaimName}: {@code <pod name>-<volume name>}. */
  public static String claimName(Pod pod, Volume v) {
    return pod.metadata().name() + "-" + v.name();
  }
}
