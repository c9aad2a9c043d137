package dev.volsim.core.kubelet;

import dev.volsim.core.api.ApiClient;
import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.EventRecorder;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.controller.PeriodicLoop;
import dev.volsim.core.kubelet.DesiredStateOfWorld.VolumeToMount;
import dev.volsim.core.volume.StaticNodeContext;
import dev.volsim.core.world.MountSource;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.NodeStatus;
import dev.volsim.model.core.Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Upstream's {@code volumeManager} (pkg/kubelet/volumemanager/volume_manager.go): the desired and
 * actual state of world, the populator and the reconciler loops (100 ms, asleep while idle), and
 * the node status update every 10 s carrying {@code volumesInUse} (written only when it changed).
 */
final class VolumeManager {
  /** {@code reconcilerLoopSleepPeriod} and {@code desiredStateOfWorldPopulatorLoopSleepPeriod}. */
  static final Duration LOOP_PERIOD = Duration.ofMillis(100);
  /** {@code NodeStatusUpdateFrequency} default. */
  static final Duration NODE_STATUS_UPDATE_FREQUENCY = Duration.ofSeconds(10);

  private final ClusterContext ctx;
  private final ApiClient client;
  private final String nodeName;
  final DesiredStateOfWorld dsw = new DesiredStateOfWorld();
  final ActualStateOfWorld asw = new ActualStateOfWorld();
  private final DesiredStateOfWorldPopulator populator;
  private final Reconciler reconciler;
  private final PeriodicLoop populatorLoop;
  private final PeriodicLoop reconcilerLoop;
  private final PeriodicLoop nodeStatusLoop;
  private List<String> reportedInUse;

  VolumeManager(ClusterContext ctx, ApiClient client, EventRecorder recorder, String nodeName, dev.volsim.core.volume.NodeContext node,
      VolumeSetUps plugins, Supplier<Iterable<Pod>> activePods, Predicate<String> keepPod) {
    this.ctx = ctx;
    this.client = client;
    this.nodeName = nodeName;
    this.populator = new DesiredStateOfWorldPopulator(ctx.api(), dsw, plugins);
    this.reconciler = new Reconciler(ctx, client, recorder, nodeName, node, dsw, asw, this::changed);
    this.populatorLoop = new PeriodicLoop(ctx.engine(), "kubelet", "populate", LOOP_PERIOD, () -> {
      boolean work = populator.populate(activePods.get(), keepPod);
      changed();
      return work;
    });
    this.reconcilerLoop = new PeriodicLoop(ctx.engine(), "kubelet", "reconcile", LOOP_PERIOD, reconciler::reconcile);
    this.nodeStatusLoop = new PeriodicLoop(ctx.engine(), "kubelet", "nodeStatus", NODE_STATUS_UPDATE_FREQUENCY,
        () -> {
          updateNodeStatus();
          return false;
        });
  }

  void start() {
    populatorLoop.start();
    reconcilerLoop.start();
    nodeStatusLoop.start();
  }

  void stop() {
    populatorLoop.stop();
    reconcilerLoop.stop();
    nodeStatusLoop.stop();
  }

  /** Something a loop acts on changed: pods, node status, a finished operation. */
  void wake() {
    populatorLoop.wake();
    reconcilerLoop.wake();
  }

  private void changed() {
    reconcilerLoop.wake();
    if (!volumesInUse().equals(reportedInUse)) {
      nodeStatusLoop.wake();
    }
  }

  /**
   * What every pod sync does before it waits for volumes ({@code WaitForAttachAndMount}):
   * {@code ReprocessPod} and {@code MarkRemountRequired}, so configMap, secret, downwardAPI and
   * projected volumes are set up again and follow their objects.
   */
  void resyncPod(String podUid) {
    asw.markRemountRequired(podUid);
    reprocessPod(podUid);
    reconcilerLoop.wake();
  }

  /** {@code ReprocessPod}. */
  void reprocessPod(String podUid) {
    populator.reprocessPod(podUid);
    populatorLoop.wake();
  }

  /** {@code GetVolumesInUse}: attachable volumes desired or still attached (device-mountable alone is not enough). */
  List<String> volumesInUse() {
    TreeSet<String> inUse = new TreeSet<>();
    for (VolumeToMount v : dsw.volumes.values()) {
      if (v.attachable) {
        inUse.add(v.volumeName);
      }
    }
    for (var a : asw.volumes.values()) {
      if (a.setUp.isAttachable()) {
        inUse.add(a.volumeName);
      }
    }
    return new ArrayList<>(inUse);
  }

  private void updateNodeStatus() {
    List<String> inUse = volumesInUse();
    Optional<Node> n = client.server().get(Node.class, "", nodeName);
    if (n.isEmpty()) {
      return;
    }
    NodeStatus status = n.get().status() != null ? n.get().status()
        : new NodeStatus(null, null, null, null, null, null, null, null, null, null);
    if (!status.volumesInUse().equals(inUse)) {
      try {
        client.updateStatus(n.get().withStatus(status.withVolumesInUse(inUse)));
      } catch (ApiException e) {
        nodeStatusLoop.wake();
        return;
      }
    }
    reportedInUse = inUse;
    // MarkVolumesAsReportedInUse
    for (VolumeToMount v : dsw.volumes.values()) {
      if (inUse.contains(v.volumeName) && !v.reportedInUse) {
        v.reportedInUse = true;
      }
    }
    reconcilerLoop.wake();
  }

  /**
   * The WaitForAttachAndMount condition for a Pod: empty when every expected volume is mounted;
   * else the error, which carries the Pod's stored errors (joined by "; ") when there are any.
   */
  Optional<String> attachAndMountError(Pod pod, boolean timedOut) {
    String uid = pod.metadata().uid();
    List<String> errs = dsw.popPodErrors(uid);
    TreeSet<String> expected = new TreeSet<>(DesiredStateOfWorldPopulator.usedVolumes(pod));
    Map<String, String> desired = dsw.volumesOfPod(uid);
    List<String> unmounted = new ArrayList<>();
    List<String> unattached = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (String name : expected) {
      String unique = desired.get(name);
      if (unique == null) {
        failed.add(name);
        unmounted.add(name);
      } else if (!asw.isMounted(unique, uid)) {
        unmounted.add(name);
        if (dsw.volumes.get(unique).attachable && !asw.isAttached(unique)) {
          unattached.add(name);
        }
      }
    }
    if (unmounted.isEmpty()) {
      return Optional.empty();
    }
    if (!errs.isEmpty()) {
      // verifyVolumesMountedFunc ends the wait with the Pod's errors, which WaitForAttachAndMount wraps.
      return Optional.of("unmounted volumes=" + goList(unmounted) + ", unattached volumes=" + goList(unattached)
          + ", failed to process volumes=" + goList(failed) + ": " + String.join("; ", errs));
    }
    if (!timedOut) {
      return Optional.of("");
    }
    return Optional.of("unmounted volumes=" + goList(unmounted) + ", unattached volumes=" + goList(unattached)
        + ", failed to process volumes=" + goList(failed) + ": "
        + (timeoutIsInterrupted() ? CONTEXT_DEADLINE_EXCEEDED : "timed out waiting for the condition"));
  }

  /** The error of a wait that ran out of its context's time ({@code context.DeadlineExceeded}). */
  static final String CONTEXT_DEADLINE_EXCEEDED = "context deadline exceeded";

  /**
   * Whether WaitForAttachAndMount runs under a context whose timeout is an interruption
   * ({@code wait.PollUntilContextTimeout}), which syncPod neither records as an event nor logs as an
   * error: from 1.28 (kubernetes#117412). Before, the timeout was an error like any other, recorded
   * as a FailedMount event.
   */
  boolean timeoutIsInterrupted() {
    return ctx.version().minor() >= 28;
  }

  Map<String, MountSource> mountedVolumesForPod(String podUid) {
    return asw.mountedVolumesForPod(podUid);
  }

  boolean podVolumesExist(String podUid) {
    return asw.podHasMountedVolumes(podUid) || dsw.podExists(podUid);
  }

  static String goList(List<String> names) {
    return "[" + String.join(" ", names) + "]";
  }
}
