package dev.volsim.core.controller.attachdetach;

import static java.util.Objects.requireNonNull;

import dev.volsim.core.api.ApiClient;
import dev.volsim.core.api.EventRecorder;
import dev.volsim.core.api.Informer;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.controller.Controller;
import dev.volsim.core.controller.PeriodicLoop;
import dev.volsim.core.controller.attachdetach.cache.ActualStateOfWorld;
import dev.volsim.core.controller.attachdetach.cache.AttachableVolume;
import dev.volsim.core.controller.attachdetach.cache.DesiredStateOfWorld;
import dev.volsim.core.engine.ScheduledEvent;
import dev.volsim.model.core.ContainerStatus;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodPhase;
import dev.volsim.model.storage.CSIDriver;
import dev.volsim.model.storage.VolumeAttachment;
import dev.volsim.model.volume.Volume;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The attach/detach controller of kube-controller-manager
 * ({@code pkg/controller/volume/attachdetach/attach_detach_controller.go}): attaches the
 * attachable volumes of scheduled Pods to their managed nodes (annotation
 * {@code volumes.kubernetes.io/controller-managed-attach-detach}) and detaches them once no Pod
 * there wants them and the node no longer lists them in {@code status.volumesInUse} (or, on a
 * NotReady node, after {@code maxWaitForUnmountDuration}; at once with the
 * {@code node.kubernetes.io/out-of-service} taint). CSI volumes go through VolumeAttachment
 * objects, which {@link ExternalAttacher} acts on.
 *
 * <p>The desired state is kept current from informer events (the populator's work); upstream's
 * 1-minute populator pass and 60 s "verify attached" sync are not modelled, and Pods already on a
 * node when it becomes managed are added at once rather than at the next 3-minute relist.
 */
public final class AttachDetachController implements Controller {
  public static final String NAME = "attachdetach-controller";
  /** {@code volumeutil.ControllerManagedAttachAnnotation}. */
  public static final String CONTROLLER_MANAGED_ATTACH_ANNOTATION = "volumes.kubernetes.io/controller-managed-attach-detach";
  /** {@code DefaultTimerConfig.ReconcilerLoopPeriod}. */
  static final Duration RECONCILER_LOOP_PERIOD = Duration.ofMillis(100);

  final ClusterContext ctx;
  final ApiClient client;
  final EventRecorder recorder;
  final Informer<Pod> podInformer;
  final Informer<Node> nodeInformer;
  final Informer<PersistentVolume> pvInformer;
  final Informer<PersistentVolumeClaim> pvcInformer;
  final Informer<CSIDriver> csiDriverInformer;
  final Informer<VolumeAttachment> vaInformer;
  final DesiredStateOfWorld dsw = new DesiredStateOfWorld();
  final ActualStateOfWorld asw = new ActualStateOfWorld();
  final AttachableVolumes attachable;
  final OperationExecutor executor;
  final NodeStatusUpdater statusUpdater;
  final Reconciler reconciler;
  final PeriodicLoop loop;
  /** podKey -> (volume unique name -> node) it was added to the DSW with. */
  private final TreeMap<String, TreeMap<String, String>> podVolumes = new TreeMap<>();
  /** claim "ns/name" -> Pods using it, to re-process them when the claim or its PV changes. */
  private final TreeMap<String, TreeSet<String>> podsByClaim = new TreeMap<>();
  private ScheduledEvent wakeTimer;
  private boolean paused;

  public AttachDetachController(ClusterContext ctx) {
    this.ctx = requireNonNull(ctx, "ctx is null");
    this.client = ctx.api().client(NAME);
    this.recorder = new EventRecorder(client, null);
    this.podInformer = new Informer<>(ctx.api(), Pod.class, NAME);
    this.nodeInformer = new Informer<>(ctx.api(), Node.class, NAME);
    this.pvInformer = new Informer<>(ctx.api(), PersistentVolume.class, NAME);
    this.pvcInformer = new Informer<>(ctx.api(), PersistentVolumeClaim.class, NAME);
    this.csiDriverInformer = new Informer<>(ctx.api(), CSIDriver.class, NAME);
    this.vaInformer = new Informer<>(ctx.api(), VolumeAttachment.class, NAME);
    this.attachable = new AttachableVolumes(ctx, pvcInformer, pvInformer, csiDriverInformer);
    this.executor = new OperationExecutor(this);
    this.statusUpdater = new NodeStatusUpdater(this);
    this.reconciler = new Reconciler(this);
    this.loop = new PeriodicLoop(ctx.engine(), NAME, "reconcile", RECONCILER_LOOP_PERIOD, this::tick);
  }

  /** Starts the informers (nodes first, so Pods find their nodes managed) and the reconciler. */
  public void start() {
    nodeInformer.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(Node n) {
        nodeChanged(n);
      }

      @Override
      public void onUpdate(Node o, Node n) {
        nodeChanged(n);
      }

      @Override
      public void onDelete(Node n) {
        dsw.deleteNode(n.metadata().name());
        loop.wake();
      }
    });
    podInformer.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(Pod p) {
        podChanged(p);
      }

      @Override
      public void onUpdate(Pod o, Pod p) {
        podChanged(p);
      }

      @Override
      public void onDelete(Pod p) {
        removePod(podKey(p));
        loop.wake();
      }
    });
    pvcInformer.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(PersistentVolumeClaim c) {
        reprocessClaim(c.metadata().namespace() + "/" + c.metadata().name());
      }

      @Override
      public void onUpdate(PersistentVolumeClaim o, PersistentVolumeClaim c) {
        reprocessClaim(c.metadata().namespace() + "/" + c.metadata().name());
      }
    });
    pvInformer.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(PersistentVolume v) {
        pvChanged(v);
      }

      @Override
      public void onUpdate(PersistentVolume o, PersistentVolume v) {
        pvChanged(v);
      }
    });
    vaInformer.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(VolumeAttachment va) {
        executor.onVolumeAttachment(va);
      }

      @Override
      public void onUpdate(VolumeAttachment o, VolumeAttachment va) {
        executor.onVolumeAttachment(va);
      }

      @Override
      public void onDelete(VolumeAttachment va) {
        executor.onVolumeAttachmentDeleted(va);
      }
    });
    csiDriverInformer.start();
    pvInformer.start();
    pvcInformer.start();
    vaInformer.start();
    nodeInformer.start();
    populateActualStateOfWorld();
    podInformer.start();
    loop.start();
  }

  /**
   * {@code populateActualStateOfWorld}: what nodes report in {@code status.volumesAttached} is
   * attached (mounted as their {@code status.volumesInUse} says); a VolumeAttachment the nodes do
   * not report may be attached ({@code processVolumeAttachments}: uncertain).
   */
  private void populateActualStateOfWorld() {
    for (Node n : nodeInformer.list()) {
      if (n.status() == null) {
        continue;
      }
      for (dev.volsim.model.core.AttachedVolume v : n.status().volumesAttached()) {
        asw.markVolumeAsAttached(attachable.fromUniqueName(v.name()), n.metadata().name(), v.devicePath());
      }
      asw.setVolumesMountedByNode(n.metadata().name(), new HashSet<>(n.status().volumesInUse()));
    }
    for (VolumeAttachment va : vaInformer.list()) {
      String pvName = va.spec().source().persistentVolumeName();
      Optional<PersistentVolume> pv = pvName == null ? Optional.empty() : pvInformer.get("", pvName);
      Optional<AttachableVolume> spec = pv.flatMap(attachable::forPersistentVolume);
      if (spec.isPresent() && va.spec().nodeName() != null
          && asw.get(spec.get().uniqueName(), va.spec().nodeName()) == null) {
        asw.markVolumeAsUncertain(spec.get(), va.spec().nodeName());
      }
    }
  }

  private void nodeChanged(Node n) {
    String name = n.metadata().name();
    if (n.metadata().annotations().containsKey(CONTROLLER_MANAGED_ATTACH_ANNOTATION)) {
      boolean added = !dsw.nodeExists(name);
      dsw.addNode(name);
      if (added) {
        for (Pod p : podInformer.list()) {
          if (name.equals(p.spec() == null ? null : p.spec().nodeName())) {
            podChanged(p);
          }
        }
      }
    }
    // processVolumesInUse
    asw.setVolumesMountedByNode(name, new HashSet<>(n.status() == null ? List.of() : n.status().volumesInUse()));
    loop.wake();
  }

  private void pvChanged(PersistentVolume v) {
    if (v.spec().claimRef() != null) {
      reprocessClaim(v.spec().claimRef().namespace() + "/" + v.spec().claimRef().name());
    }
  }

  private void reprocessClaim(String claimKey) {
    TreeSet<String> pods = podsByClaim.get(claimKey);
    if (pods == null) {
      return;
    }
    for (String key : List.copyOf(pods)) {
      String[] nn = key.split("/", 2);
      podInformer.get(nn[0], nn[1]).ifPresent(this::podChanged);
    }
  }

  /** {@code util.ProcessPodVolumes} with {@code DetermineVolumeAction}. */
  private void podChanged(Pod p) {
    String key = podKey(p);
    String node = p.spec() == null ? null : p.spec().nodeName();
    for (Volume v : p.spec() == null ? List.<Volume>of() : p.spec().volumes()) {
      String claim = AttachableVolumes.claimKey(p, v);
      if (claim != null) {
        podsByClaim.computeIfAbsent(claim, k -> new TreeSet<>()).add(key);
      }
    }
    if (node == null || node.isEmpty()) {
      return;
    }
    boolean keep = !isPodTerminated(p) && dsw.nodeExists(node);
    TreeMap<String, String> wanted = new TreeMap<>();
    if (keep) {
      for (Volume v : p.spec().volumes()) {
        Optional<AttachableVolume> spec = attachable.forPodVolume(p, v);
        if (spec.isPresent() && dsw.addPod(key, p, spec.get(), node)) {
          wanted.put(spec.get().uniqueName(), node);
        }
      }
    }
    TreeMap<String, String> had = podVolumes.getOrDefault(key, new TreeMap<>());
    for (Map.Entry<String, String> e : had.entrySet()) {
      if (!wanted.containsKey(e.getKey())) {
        dsw.deletePod(key, e.getKey(), e.getValue());
      }
    }
    if (wanted.isEmpty()) {
      podVolumes.remove(key);
    } else {
      podVolumes.put(key, wanted);
    }
    loop.wake();
  }

  private void removePod(String key) {
    TreeMap<String, String> had = podVolumes.remove(key);
    if (had != null) {
      had.forEach((volume, node) -> dsw.deletePod(key, volume, node));
    }
    podsByClaim.values().forEach(s -> s.remove(key));
  }

  /** {@code volumeutil.IsPodTerminated}. */
  static boolean isPodTerminated(Pod p) {
    PodPhase phase = p.phase();
    if (phase == PodPhase.FAILED || phase == PodPhase.SUCCEEDED) {
      return true;
    }
    if (p.metadata().deletionTimestamp() == null) {
      return false;
    }
    return p.status() == null || (notRunning(p.status().initContainerStatuses())
        && notRunning(p.status().containerStatuses()));
  }

  private static boolean notRunning(List<ContainerStatus> statuses) {
    for (ContainerStatus s : statuses) {
      if (s.state() == null || (s.state().terminated() == null && s.state().waiting() == null)) {
        return false;
      }
    }
    return true;
  }

  private static String podKey(Pod p) {
    return p.metadata().namespace() + "/" + p.metadata().name();
  }

  private boolean tick() {
    if (paused) {
      return false;
    }
    long next = reconciler.reconcile();
    armWake(next);
    return false;
  }

  /** Wakes the loop at a later time a pass must act at (a back-off or unmount timer ending). */
  private void armWake(long atMicros) {
    if (atMicros == Long.MAX_VALUE) {
      return;
    }
    if (wakeTimer != null && !wakeTimer.isCancelled() && wakeTimer.timeMicros() <= atMicros
        && wakeTimer.timeMicros() > ctx.engine().nowMicros()) {
      return;
    }
    if (wakeTimer != null) {
      ctx.engine().cancel(wakeTimer);
    }
    long at = Math.max(atMicros, ctx.engine().nowMicros());
    wakeTimer = ctx.engine().scheduleAtMicros(at, NAME, "wake", () -> {
      wakeTimer = null;
      loop.wake();
    });
  }

  /** The desired state of world (read-only use). */
  public DesiredStateOfWorld desiredStateOfWorld() {
    return dsw;
  }

  /** The actual state of world (read-only use). */
  public ActualStateOfWorld actualStateOfWorld() {
    return asw;
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
    podInformer.pause();
    nodeInformer.pause();
    pvInformer.pause();
    pvcInformer.pause();
    csiDriverInformer.pause();
    vaInformer.pause();
  }

  @Override
  public void resume() {
    if (!paused) {
      return;
    }
    paused = false;
    csiDriverInformer.resume();
    pvInformer.resume();
    pvcInformer.resume();
    vaInformer.resume();
    nodeInformer.resume();
    podInformer.resume();
    loop.wake();
  }

  @Override
  public boolean isPaused() {
    return paused;
  }
}
