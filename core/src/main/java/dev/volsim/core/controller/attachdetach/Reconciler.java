package dev.volsim.core.controller.attachdetach;

import dev.volsim.core.controller.attachdetach.cache.ActualStateOfWorld.AttachedVolume;
import dev.volsim.core.controller.attachdetach.cache.DesiredStateOfWorld.VolumeToAttach;
import dev.volsim.core.engine.Durations;
import dev.volsim.model.core.ConditionStatus;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.NodeCondition;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.Taint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One pass of the attach/detach reconciler ({@code reconciler.reconcile}): detaches first, then
 * attaches, then writes node statuses. It runs on the 100 ms grid of the controller's
 * {@link dev.volsim.core.controller.PeriodicLoop}, which sleeps while nothing can change; a pass
 * that waits on time (a back-off, the max-wait-for-unmount timer) arms a wake for that time.
 */
final class Reconciler {
  /** {@code v1.TaintNodeOutOfService}. */
  static final String TAINT_OUT_OF_SERVICE = "node.kubernetes.io/out-of-service";

  private final AttachDetachController adc;
  private long nextWakeMicros;

  Reconciler(AttachDetachController adc) {
    this.adc = adc;
  }

  /**
   * One pass.
   *
   * @return the earliest time a later pass may act without anything else changing, or
   *     {@code Long.MAX_VALUE}
   */
  long reconcile() {
    nextWakeMicros = Long.MAX_VALUE;
    long now = adc.ctx.engine().nowMicros();
    long maxWait = Durations.toMicros(adc.ctx.config().duration("maxWaitForUnmountDuration"));
    boolean disableForce = adc.ctx.config().bool("disableForceDetachOnTimeout");
    boolean outOfServiceGate = adc.ctx.featureGate("NodeOutOfServiceVolumeDetach");

    // Detach loop.
    for (AttachedVolume av : adc.asw.getAttachedVolumes()) {
      String node = av.nodeName();
      if (adc.dsw.volumeExists(av.volumeName(), node)) {
        continue;
      }
      long retryAt = adc.executor.retryAtMicros(av.spec(), node);
      if (retryAt != 0) {
        wakeAt(retryAt);
        continue; // an operation is pending or backing off
      }
      long elapsed = adc.asw.setDetachRequestTime(av.volumeName(), node, now);
      boolean maxWaitExpired = elapsed > maxWait;
      boolean forceDetachTimeoutExpired = maxWaitExpired && !disableForce;
      Optional<Node> n = adc.nodeInformer.get("", node);
      boolean isHealthy = n.isPresent() && isReady(n.get());
      boolean forceDetach = !isHealthy && forceDetachTimeoutExpired;
      boolean hasOutOfServiceTaint = outOfServiceGate && n.isPresent() && hasTaint(n.get(), TAINT_OUT_OF_SERVICE);
      if (av.mountedByNode() && !forceDetach && !hasOutOfServiceTaint) {
        // "Cannot detach volume because it is still mounted"; a NotReady node is force-detached later.
        if (!maxWaitExpired && !disableForce) {
          wakeAt(now - elapsed + maxWait + 1);
        }
        continue;
      }
      // Before detaching, drop it from node.status.volumesAttached so the kubelet stops using it.
      adc.asw.removeVolumeFromReportAsAttached(av.volumeName(), node);
      if (!adc.statusUpdater.updateNodeStatusForNode(node)) {
        adc.asw.addVolumeToReportAsAttached(av.volumeName(), node);
        wakeAt(now + 1);
        continue;
      }
      boolean verifySafeToDetach = !(forceDetachTimeoutExpired || hasOutOfServiceTaint);
      adc.executor.detachVolume(av.spec(), node, verifySafeToDetach);
    }

    // Attach loop.
    for (VolumeToAttach v : adc.dsw.getVolumesToAttach()) {
      if (adc.executor.isOperationPending(v.spec(), v.nodeName())) {
        continue;
      }
      if (adc.asw.isAttachedConfirmed(v.volumeName(), v.nodeName())) {
        adc.asw.resetDetachRequestTime(v.volumeName(), v.nodeName());
        continue;
      }
      if (!v.spec().multiAttachAllowed()) {
        List<String> nodes = adc.asw.getNodesForAttachedVolume(v.volumeName());
        if (!nodes.isEmpty()) {
          if (!v.multiAttachErrorReported()) {
            reportMultiAttachError(v, nodes);
            adc.dsw.setMultiAttachError(v.volumeName(), v.nodeName());
          }
          continue;
        }
      }
      long retryAt = adc.executor.retryAtMicros(v.spec(), v.nodeName());
      if (retryAt != 0) {
        wakeAt(retryAt); // AttachVolume would be refused: exponential back-off
        continue;
      }
      adc.executor.attachVolume(v);
    }

    if (!adc.statusUpdater.updateNodeStatuses()) {
      wakeAt(now + 1);
    }
    return nextWakeMicros;
  }

  private void wakeAt(long micros) {
    nextWakeMicros = Math.min(nextWakeMicros, micros);
  }

  /** {@code reportMultiAttachError}: a Warning FailedAttachVolume on every Pod wanting the volume here. */
  private void reportMultiAttachError(VolumeToAttach v, List<String> attachedNodes) {
    List<String> otherNodes = new ArrayList<>();
    for (String n : attachedNodes) {
      if (!n.equals(v.nodeName())) {
        otherNodes.add(n);
      }
    }
    List<Pod> pods = adc.dsw.getVolumePodsOnNodes(otherNodes, v.volumeName());
    String prefix = "Multi-Attach error for volume \"" + v.spec().specName() + "\" ";
    if (pods.isEmpty()) {
      String msg = prefix + "Volume is already exclusively attached to one node and can't be attached to another";
      for (Pod p : v.scheduledPods()) {
        adc.recorder.warning(p, "FailedAttachVolume", msg);
      }
    } else {
      for (Pod scheduled : v.scheduledPods()) {
        // Each Pod gets its own message: names only of Pods in its own namespace.
        List<String> local = new ArrayList<>();
        int otherPods = 0;
        for (Pod p : pods) {
          if (p.metadata().namespace().equals(scheduled.metadata().namespace())) {
            local.add(p.metadata().name());
          } else {
            otherPods++;
          }
        }
        String msg;
        if (!local.isEmpty()) {
          msg = "Volume is already used by pod(s) " + String.join(", ", local);
          if (otherPods > 0) {
            msg = msg + " and " + otherPods + " pod(s) in different namespaces";
          }
        } else {
          msg = "Volume is already used by " + otherPods + " pod(s) in different namespaces";
        }
        adc.recorder.warning(scheduled, "FailedAttachVolume", prefix + msg);
      }
    }
    adc.client.trace("AttachVolume", OperationExecutor.objectRef(v.spec()), prefix + "(node \"" + v.nodeName()
        + "\", attached to " + String.join(", ", attachedNodes) + ")",
        OperationExecutor.attrs(v.spec(), v.nodeName(), "outcome", "failed", "reason", "MultiAttach"));
  }

  static boolean isReady(Node n) {
    return n.status() != null && n.status().condition(NodeCondition.READY)
        .map(c -> c.status() == ConditionStatus.TRUE).orElse(false);
  }

  static boolean hasTaint(Node n, String key) {
    for (Taint t : n.spec().taints()) {
      if (key.equals(t.key())) {
        return true;
      }
    }
    return false;
  }
}
