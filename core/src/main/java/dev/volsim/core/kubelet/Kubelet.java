package dev.volsim.core.kubelet;

import static java.util.Objects.requireNonNull;

import dev.volsim.core.api.ApiClient;
import dev.volsim.core.api.EventRecorder;
import dev.volsim.core.api.Informer;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.controller.Controller;
import dev.volsim.core.volume.StaticNodeContext;
import dev.volsim.core.world.NodeDisk;
import dev.volsim.model.core.Pod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The kubelet of one node (pkg/kubelet): watches the Pods bound to its node and runs a pod worker
 * for each, with the volume manager mounting their volumes before any container starts and tearing
 * them down before it confirms a deletion. Writes and traces as component {@code kubelet} with
 * attribute {@code node}.
 */
public final class Kubelet implements Controller {
  public static final String NAME = "kubelet";

  final ClusterContext ctx;
  final String nodeName;
  final ApiClient client;
  final EventRecorder recorder;
  final VolumeManager volumeManager;
  final Set<String> images = new HashSet<>();
  private final Informer<Pod> pods;
  private final TreeMap<String, PodWorker> workers = new TreeMap<>();
  private final Map<String, Integer> exitCodes = new HashMap<>();
  private boolean paused;
  private final dev.volsim.core.volume.NodeContext node;
  /** The eviction manager (local storage limits) and the periodic pod sync (remounts). */
  final EvictionManager evictionManager;
  final PodResync podResync;

  public Kubelet(ClusterContext ctx, String nodeName, NodeDisk disk) {
    this(ctx, nodeName, new StaticNodeContext(disk, nodeName, List.of(), List.of()), VolumeSetUps.forNode(ctx, nodeName));
  }

  /** A kubelet whose volume plugins see {@code node} and are found by {@code plugins}. */
  public Kubelet(ClusterContext ctx, String nodeName, dev.volsim.core.volume.NodeContext node, VolumeSetUps plugins) {
    this.ctx = requireNonNull(ctx, "ctx is null");
    this.nodeName = requireNonNull(nodeName, "nodeName is null");
    this.node = requireNonNull(node, "node is null");
    this.client = ctx.api().client(NAME);
    this.recorder = new EventRecorder(client, nodeName);
    this.pods = new Informer<>(ctx.api(), Pod.class, NAME);
    this.volumeManager = new VolumeManager(ctx, client, recorder, nodeName, node, plugins, this::activePods,
        this::keepInDesiredState);
    this.evictionManager = new EvictionManager(this);
    this.podResync = new PodResync(this);
    this.heartbeat = new NodeHeartbeat(ctx, client, recorder, nodeName);
    this.orphanedPodDirs = new OrphanedPodDirs(this, this::knownPodUids);
    pods.addHandler(new Informer.Handler<>() {
      @Override public void onAdd(Pod pod) {
        podChanged(pod);
      }

      @Override public void onUpdate(Pod oldPod, Pod newPod) {
        podChanged(newPod);
      }

      @Override public void onDelete(Pod pod) {
        podDeleted(pod);
      }
    });
  }

  /** Starts watching Pods and the volume manager's loops. */
  public void start() {
    volumeManager.start();
    evictionManager.start();
    pods.start();
    heartbeat.start();
    orphanedPodDirs.start();
  }

  /** Housekeeping of the directories of Pods that are gone. */
  private final OrphanedPodDirs orphanedPodDirs;

  /**
   * The Pods housekeeping keeps the directories of ({@code allPods} of {@code cleanupOrphanedPodDirs}):
   * those of this node in the Pod cache ({@code podManager}) and those whose containers the runtime
   * still runs. A Pod deleted from the API whose volumes are still being torn down is not among them:
   * its directory is kept by {@code podVolumesExist}.
   */
  private java.util.Set<String> knownPodUids() {
    java.util.Set<String> uids = new java.util.TreeSet<>();
    for (Pod p : pods.list()) {
      if (p.spec() != null && nodeName.equals(p.spec().nodeName())) {
        uids.add(p.metadata().uid());
      }
    }
    for (PodWorker w : workers.values()) {
      if (!w.running.isEmpty()) {
        uids.add(w.uid); // runningPods: containers the runtime still runs
      }
    }
    uids.addAll(runtime.keySet());
    return uids;
  }

  private final NodeHeartbeat heartbeat;
  /** Set when the kubelet stopped for good (its node crashed or was shut down). */
  boolean stopped;

  /**
   * The node stops (a crash, power loss): the kubelet stops watching, heartbeating and acting;
   * its containers are gone with it. What is on the node's disk stays; a later boot starts a new
   * kubelet. Idempotent.
   */
  public void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    heartbeat.stop();
    orphanedPodDirs.stop();
    volumeManager.stop();
    pods.stop();
    for (PodWorker w : workers.values()) {
      w.terminating = true;
      w.running.clear();
    }
    workers.clear();
  }

  private boolean adoptTerminating;

  /** The node this kubelet runs on, as its volume plugins see it (disk, mounts, installed packages). */
  public dev.volsim.core.volume.NodeContext nodeContext() {
    return node;
  }

  /** What the container runtime still runs after a kubelet restart, by Pod uid (CRI ListContainers). */
  private final Map<String, RuntimePod> runtime = new HashMap<>();

  /** A snapshot of one Pod's containers in the runtime (they outlive the kubelet process). */
  record RuntimePod(Map<String, RunningContainer> running, Map<String, dev.volsim.model.core.ContainerStatus> statuses) {}

  /**
   * A restarted kubelet takes over from the old process on the same node ({@code restart:
   * {kubelet}}): the container runtime still runs the old process's containers, which the new
   * one adopts instead of starting again; and the volume manager's actual state is reconstructed
   * ({@code reconstructVolumes}) for every Pod whose directory is still under /var/lib/kubelet/pods
   * on the node's disk, so mounted volumes are not mounted twice. Call before {@link #start}; stop
   * the old kubelet afterwards.
   */
  public void reconstructFrom(Kubelet old) {
    for (PodWorker w : old.workers.values()) {
      if (!w.running.isEmpty()) {
        runtime.put(w.uid, new RuntimePod(new java.util.LinkedHashMap<>(w.running),
            new java.util.LinkedHashMap<>(w.statuses)));
      }
    }
    for (ActualStateOfWorld.AttachedVolume a : old.volumeManager.asw.volumes.values()) {
      ActualStateOfWorld.AttachedVolume copy = null;
      for (ActualStateOfWorld.MountedVolume m : a.mountedPods.values()) {
        if (!node.disk().root().exists(NodeDisk.podDirectory(m.podUid()), dev.volsim.core.world.Credentials.ROOT)) {
          continue;
        }
        if (copy == null) {
          volumeManager.asw.markVolumeAsAttached(a.volumeName, a.setUp);
          copy = volumeManager.asw.volumes.get(a.volumeName);
          copy.deviceMounted = a.deviceMounted;
        }
        copy.mountedPods.put(m.podUid(), m);
      }
    }
  }

  /**
   * Makes this kubelet, the one of a node that booted again, finish the Pods that were deleted
   * while the node was down (their containers are gone with the old boot).
   */
  public void adoptTerminatingPods() {
    adoptTerminating = true;
  }

  /** Whether {@link #stop} was called. */
  public boolean isStopped() {
    return stopped;
  }

  /**
   * Cuts the node off the API server or reconnects it (a network partition): while cut off the
   * kubelet keeps its Pods running and its volumes mounted, but no heartbeat, status, event or
   * deletion reaches the API and its Pod cache stays as it was; on reconnecting it catches up.
   */
  public void setPartitioned(boolean partitioned) {
    client.setReachable(!partitioned);
    if (partitioned) {
      pods.pause();
    } else {
      pods.resume();
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  public String nodeName() {
    return nodeName;
  }

  /** The node's own disk (its root file system, as an administrator on the host sees it). */
  public NodeDisk disk() {
    return node.disk();
  }

  /**
   * The node's mount namespace, as an administrator on the host sees it: its disk with the volumes
   * the kubelet mounted (a Memory emptyDir's tmpfs, an NFS export) and whatever was mounted by hand.
   */
  public dev.volsim.core.world.MountNamespace hostNamespace() {
    return node.volumeMounts().hostNamespace();
  }

  @Override
  public void pause() {
    paused = true;
    pods.pause();
  }

  @Override
  public void resume() {
    paused = false;
    pods.resume();
  }

  @Override
  public boolean isPaused() {
    return paused;
  }

  /** Makes the container {@code name} of Pod {@code namespace/pod} exit with {@code code} when it runs. */
  public void setExitCode(String namespace, String pod, String container, int code) {
    exitCodes.put(namespace + "/" + pod + "/" + container, code);
  }

  int exitCodeFor(String podKey, String container) {
    return exitCodes.getOrDefault(podKey + "/" + container, 0);
  }

  /** The kubelet's container restart back-off ({@code kl.backOff}), shared by its pod workers. */
  final ContainerBackOff containerBackOff = new ContainerBackOff();
  ContainerBehaviors behaviors = ContainerBehaviors.NONE;

  /** What images and containers' processes do (image users, {@code onStart}); none by default. */
  public void setContainerBehaviors(ContainerBehaviors b) {
    behaviors = requireNonNull(b, "behaviors is null");
  }

  /** The image users and behaviors this kubelet's containers get. */
  public ContainerBehaviors containerBehaviors() {
    return behaviors;
  }

  /**
   * The running container's process ends with {@code code}; the restart policy applies.
   *
   * @return false when the container is not running
   */
  public boolean exitContainer(String namespace, String pod, String container, int code) {
    PodWorker w = workers.get(namespace + "/" + pod);
    if (w == null || !w.running.containsKey(container)) {
      return false;
    }
    w.containerExited(container, code);
    return true;
  }

  /**
   * Restarts the running container: its process killed and started again with a fresh root file
   * system, the Pod's volumes kept, {@code restartCount} one more.
   *
   * @return false when the container is not running
   */
  public boolean restartContainer(String namespace, String pod, String container) {
    PodWorker w = workers.get(namespace + "/" + pod);
    return w != null && w.restartContainer(container);
  }

  /** A running container of a Pod: its root file system and mount namespace. */
  public Optional<RunningContainer> container(String namespace, String pod, String container) {
    PodWorker w = workers.get(namespace + "/" + pod);
    return w == null ? Optional.empty() : Optional.ofNullable(w.running.get(container));
  }

  /** {@code GetVolumesInUse}, sorted. */
  public List<String> volumesInUse() {
    return volumeManager.volumesInUse();
  }

  private void podChanged(Pod pod) {
    if (paused || pod.spec() == null || !nodeName.equals(pod.spec().nodeName())) {
      return;
    }
    String key = pod.metadata().namespace() + "/" + pod.metadata().name();
    PodWorker w = workers.get(key);
    if (w != null && !w.uid.equals(pod.metadata().uid())) {
      return; // the old Pod of that name is still being torn down
    }
    if (w == null && PodResync.isTerminal(pod)) {
      PodResync.finishTerminalPod(this, pod);
      return;
    }
    if (w == null) {
      if (pod.metadata().deletionTimestamp() != null) {
        if (adoptTerminating) {
          // A booted node finds a Pod deleted while it was down: nothing of it runs any more;
          // SyncTerminatingPod finishes at once and the kubelet confirms the deletion.
          w = new PodWorker(this, pod);
          workers.put(key, w);
          w.terminate();
          volumeManager.wake();
        }
        return;
      }
      w = new PodWorker(this, pod);
      RuntimePod previous = runtime.remove(w.uid);
      if (previous != null) {
        w.adopt(previous);
      }
      workers.put(key, w);
      w.syncPod();
    } else {
      w.pod = pod;
    }
    if (w.evicted) {
      w.evictedPodChanged();
    } else if (pod.metadata().deletionTimestamp() != null) {
      w.terminate();
    }
    evictionManager.wake();
    podResync.podChanged(w);
    volumeManager.wake();
  }

  private void podDeleted(Pod pod) {
    String key = pod.metadata().namespace() + "/" + pod.metadata().name();
    PodWorker w = workers.get(key);
    if (w != null && w.uid.equals(pod.metadata().uid())) {
      if (w.evicted) {
        w.evictedPodChanged();
      }
      w.terminate();
    }
    volumeManager.wake();
    orphanedPodDirs.wake();
  }

  /** The pod workers, by {@code namespace/name}. */
  Iterable<PodWorker> workers() {
    return workers.values();
  }

  void forget(PodWorker w) {
    workers.remove(w.key, w);
    volumeManager.wake();
    orphanedPodDirs.wake();
  }

  private Iterable<Pod> activePods() {
    List<Pod> out = new ArrayList<>();
    for (PodWorker w : workers.values()) {
      if (!w.terminating && !w.terminal) {
        out.add(w.pod);
      }
    }
    return out;
  }

  /** A Pod stays in the desired state while it should run or any container may still run. */
  private boolean keepInDesiredState(String uid) {
    for (PodWorker w : workers.values()) {
      if (w.uid.equals(uid)) {
        if (w.terminal && w.running.isEmpty()) {
          return false; // a Succeeded or Failed Pod's volumes are torn down
        }
        return !w.terminating || !w.containersStopped;
      }
    }
    return false;
  }
}
