package dev.volsim.core.controller.persistentvolume;

import static java.util.Objects.requireNonNull;

import dev.volsim.core.api.ApiClient;
import dev.volsim.core.api.EventRecorder;
import dev.volsim.core.api.Informer;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.controller.Controller;
import dev.volsim.core.controller.PeriodicLoop;
import dev.volsim.core.controller.SyncResult;
import dev.volsim.core.controller.WorkQueue;
import dev.volsim.model.KubeObject;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.Pod;
import dev.volsim.model.storage.StorageClass;
import dev.volsim.model.volume.PersistentVolumeClaimVolumeSource;
import dev.volsim.model.volume.Volume;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The PV controller of kube-controller-manager ({@code pv_controller_base.go}): informers on
 * volumes, claims, classes and Pods; a local cache of volumes and claims updated with
 * {@code storeObjectUpdate} semantics (an older resourceVersion never replaces a newer one); the
 * {@code claims} and {@code volumes} queues with one worker each; a resync every
 * {@code pvClaimBinderSyncPeriod} (15 s) that enqueues every claim and then every volume.
 * Failed writes (a Conflict, say) are only logged, as upstream: the next sync retries.
 */
public final class PersistentVolumeController implements Controller {
  /** The component name events and writes carry. */
  public static final String NAME = "persistentvolume-controller";

  final ClusterContext ctx;
  final ApiClient client;
  final EventRecorder recorder;
  final Informer<PersistentVolume> volumeInformer;
  final Informer<PersistentVolumeClaim> claimInformer;
  final Informer<StorageClass> classInformer;
  final Informer<Pod> podInformer;
  /** {@code ctrl.volumes}: the local volume cache, indexed. */
  final PersistentVolumeOrderedIndex volumes = new PersistentVolumeOrderedIndex();
  /** {@code ctrl.claims}: the local claim cache by {@code ns/name}. */
  final TreeMap<String, PersistentVolumeClaim> claims = new TreeMap<>();
  /** Pods by the claims they reference ({@code ns/claim}), for WaitForPodScheduled. */
  final TreeMap<String, TreeSet<String>> podsByClaim = new TreeMap<>();
  /** {@code ctrl.runningOperations}. */
  final GoroutineMap runningOperations;
  final ClaimSync claimSync = new ClaimSync(this);
  final VolumeSync volumeSync = new VolumeSync(this);
  final Writes writes = new Writes(this);
  final Provisioning provisioning = new Provisioning(this);
  private WorkQueue<String> claimQueue;
  private WorkQueue<String> volumeQueue;
  private PeriodicLoop resyncLoop;
  private boolean paused;

  public PersistentVolumeController(ClusterContext ctx) {
    this.ctx = requireNonNull(ctx, "ctx is null");
    this.client = ctx.api().client(NAME);
    this.recorder = new EventRecorder(client, null);
    this.volumeInformer = new Informer<>(ctx.api(), PersistentVolume.class, NAME);
    this.claimInformer = new Informer<>(ctx.api(), PersistentVolumeClaim.class, NAME);
    this.classInformer = new Informer<>(ctx.api(), StorageClass.class, NAME);
    this.podInformer = new Informer<>(ctx.api(), Pod.class, NAME);
    this.runningOperations = new GoroutineMap(ctx.engine());
  }

  /** Starts informers, the two workers and the resync loop. Idempotent only in the sense of once. */
  public PersistentVolumeController start() {
    claimQueue = WorkQueue.<String>builder(ctx.engine(), NAME).build(this::claimWorker);
    volumeQueue = WorkQueue.<String>builder(ctx.engine(), NAME).build(this::volumeWorker);
    volumeInformer.addHandler(new Informer.Handler<>() {
      @Override public void onAdd(PersistentVolume v) { volumeQueue.add(v.metadata().name()); wakeResync(); }
      @Override public void onUpdate(PersistentVolume o, PersistentVolume v) { volumeQueue.add(v.metadata().name()); wakeResync(); }
      @Override public void onDelete(PersistentVolume v) { volumeQueue.add(v.metadata().name()); wakeResync(); }
    });
    claimInformer.addHandler(new Informer.Handler<>() {
      @Override public void onAdd(PersistentVolumeClaim c) { claimQueue.add(PvHelpers.claimToClaimKey(c)); wakeResync(); }
      @Override public void onUpdate(PersistentVolumeClaim o, PersistentVolumeClaim c) { claimQueue.add(PvHelpers.claimToClaimKey(c)); wakeResync(); }
      @Override public void onDelete(PersistentVolumeClaim c) { claimQueue.add(PvHelpers.claimToClaimKey(c)); wakeResync(); }
    });
    podInformer.addHandler(new Informer.Handler<>() {
      @Override public void onAdd(Pod p) { indexPod(null, p); }
      @Override public void onUpdate(Pod o, Pod p) { indexPod(o, p); }
      @Override public void onDelete(Pod p) { indexPod(p, null); }
    });
    classInformer.start();
    podInformer.start();
    volumeInformer.start();
    claimInformer.start();
    resyncLoop = new PeriodicLoop(ctx.engine(), NAME, "resync",
        ctx.config().duration("pvClaimBinderSyncPeriod"), this::resyncTick);
    // wait.Until runs the first resync at once; the informers' initial lists already enqueued all.
    resyncLoop.start();
    return this;
  }

  /**
   * One tick of the resync loop. The real loop ticks every period forever; here it goes quiet
   * when a resync could change nothing (every claim Bound or Lost, every volume Bound or Available
   * and unclaimed, no operation running) and is woken by the next change, at the next tick of the
   * same grid: the same virtual times, without events while nothing waits.
   */
  private boolean resyncTick() {
    resync();
    return needsResync();
  }

  private boolean needsResync() {
    if (paused) {
      return false;
    }
    for (PersistentVolumeClaim c : claimInformer.list()) {
      var phase = c.status() == null ? null : c.status().phase();
      if (phase != dev.volsim.model.core.PersistentVolumeClaimPhase.BOUND
          && phase != dev.volsim.model.core.PersistentVolumeClaimPhase.LOST) {
        return true;
      }
    }
    for (PersistentVolume v : volumeInformer.list()) {
      var phase = v.status() == null ? null : v.status().phase();
      boolean settled = phase == dev.volsim.model.core.PersistentVolumePhase.BOUND
          || (phase == dev.volsim.model.core.PersistentVolumePhase.AVAILABLE && v.spec().claimRef() == null);
      if (!settled) {
        return true;
      }
    }
    return runningOperations.isBusy();
  }

  /** A change arrived: make sure the resync loop is ticking. */
  private void wakeResync() {
    if (resyncLoop != null) {
      resyncLoop.wake();
    }
  }

  /** {@code resync}: every claim, then every volume, from the informers. */
  private void resync() {
    if (paused) {
      return;
    }
    for (PersistentVolumeClaim c : claimInformer.list()) {
      claimQueue.add(PvHelpers.claimToClaimKey(c));
    }
    for (PersistentVolume v : volumeInformer.list()) {
      volumeQueue.add(v.metadata().name());
    }
  }

  private SyncResult claimWorker(String key) {
    if (paused) {
      return SyncResult.HANDLED; // resume enqueues everything again
    }
    int slash = key.indexOf('/');
    Optional<PersistentVolumeClaim> claim = claimInformer.get(key.substring(0, slash), key.substring(slash + 1));
    if (claim.isPresent()) {
      // updateClaim: store, and sync only what is not older than the cache.
      if (storeClaimUpdate(claim.get())) {
        claimSync.syncClaim(claims.get(key));
      } else {
        // an older version than the cache holds: ignored, as storeObjectUpdate does
      }
    } else {
      PersistentVolumeClaim cached = claims.remove(key);
      if (cached != null) {
        deleteClaim(cached);
      } else {
        // neither in the informer nor in the cache: nothing to do
      }
    }
    return SyncResult.FORGET;
  }

  private SyncResult volumeWorker(String name) {
    if (paused) {
      return SyncResult.HANDLED;
    }
    Optional<PersistentVolume> volume = volumeInformer.get("", name);
    if (volume.isPresent()) {
      if (storeVolumeUpdate(volume.get())) {
        volumeSync.syncVolume(volumes.get(name));
      } else {
        // older than the cache: ignored
      }
    } else {
      PersistentVolume cached = volumes.remove(name);
      if (cached != null && cached.spec().claimRef() != null) {
        // deleteVolume: the claim learns its volume is gone (syncBoundClaim: ClaimLost).
        claimQueue.add(PvHelpers.claimrefToClaimKey(cached.spec().claimRef()));
      } else {
        // unknown or unclaimed volume deleted: nothing to do
      }
    }
    return SyncResult.FORGET;
  }

  /** {@code deleteClaim}: the volume it was bound to is synced at once (Released, reclaim). */
  private void deleteClaim(PersistentVolumeClaim claim) {
    String volumeName = claim.spec().volumeName();
    if (!PvHelpers.isEmpty(volumeName)) {
      volumeQueue.add(volumeName);
    } else {
      // an unbound claim: no volume to release
    }
  }

  /** {@code storeObjectUpdate} for volumes: false when the cache holds a newer version. */
  boolean storeVolumeUpdate(PersistentVolume volume) {
    PersistentVolume old = volumes.get(volume.metadata().name());
    if (old != null && isOlder(volume, old)) {
      return false;
    }
    volumes.put(volume);
    return true;
  }

  boolean storeClaimUpdate(PersistentVolumeClaim claim) {
    String key = PvHelpers.claimToClaimKey(claim);
    PersistentVolumeClaim old = claims.get(key);
    if (old != null && isOlder(claim, old)) {
      return false;
    }
    claims.put(key, claim);
    return true;
  }

  private static boolean isOlder(KubeObject a, KubeObject b) {
    try {
      return Long.parseLong(a.metadata().resourceVersion()) < Long.parseLong(b.metadata().resourceVersion());
    } catch (NumberFormatException | NullPointerException e) {
      return false;
    }
  }

  void enqueueClaim(String key) {
    claimQueue.add(key);
  }

  void enqueueVolume(String name) {
    volumeQueue.add(name);
  }

  private void indexPod(Pod oldPod, Pod newPod) {
    if (oldPod != null) {
      for (String key : claimKeys(oldPod)) {
        TreeSet<String> pods = podsByClaim.get(key);
        if (pods != null) {
          pods.remove(oldPod.metadata().name());
          if (pods.isEmpty()) {
            podsByClaim.remove(key);
          }
        }
      }
    }
    if (newPod != null) {
      for (String key : claimKeys(newPod)) {
        podsByClaim.computeIfAbsent(key, k -> new TreeSet<>()).add(newPod.metadata().name());
      }
    }
  }

  private static List<String> claimKeys(Pod pod) {
    List<String> out = new java.util.ArrayList<>();
    if (pod.spec() == null) {
      return out;
    }
    for (Volume v : pod.spec().volumes()) {
      if (v.source() instanceof PersistentVolumeClaimVolumeSource pvc && pvc.claimName() != null) {
        out.add(pod.metadata().namespace() + "/" + pvc.claimName());
      }
    }
    return out;
  }

  Optional<StorageClass> storageClass(String name) {
    return classInformer.get("", name);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void pause() {
    if (paused) {
      return;
    }
    paused = true;
    volumeInformer.pause();
    claimInformer.pause();
    classInformer.pause();
    podInformer.pause();
  }

  @Override
  public void resume() {
    if (!paused) {
      return;
    }
    paused = false;
    classInformer.resume();
    podInformer.resume();
    volumeInformer.resume();
    claimInformer.resume();
    resync();
    wakeResync();
  }

  @Override
  public boolean isPaused() {
    return paused;
  }
}
