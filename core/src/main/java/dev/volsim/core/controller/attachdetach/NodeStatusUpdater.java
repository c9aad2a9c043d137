package dev.volsim.core.controller.attachdetach;

import dev.volsim.core.api.ApiException;
import dev.volsim.model.core.AttachedVolume;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.NodeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps each node's {@code status.volumesAttached} equal to what the actual state of world
 * reports ({@code statusupdater.NodeStatusUpdater}); only nodes with a pending change are written.
 */
final class NodeStatusUpdater {
  private final AttachDetachController adc;

  NodeStatusUpdater(AttachDetachController adc) {
    this.adc = adc;
  }

  /** Writes every pending node; returns false if some write failed (to be retried next tick). */
  boolean updateNodeStatuses() {
    boolean ok = true;
    for (String node : adc.asw.getNodesToUpdateStatusFor()) {
      ok &= updateNodeStatusForNode(node);
    }
    return ok;
  }

  /** Writes one node's {@code status.volumesAttached}; returns whether it succeeded. */
  boolean updateNodeStatusForNode(String nodeName) {
    Optional<Node> current = adc.ctx.api().get(Node.class, "", nodeName);
    if (current.isEmpty()) {
      // The node is gone: nothing to write ("Could not update node status. Failed to find node").
      adc.asw.removeNodeFromStatusUpdates(nodeName);
      return true;
    }
    List<AttachedVolume> attached = new ArrayList<>();
    for (Map.Entry<String, String> e : adc.asw.getVolumesToReportAttachedForNode(nodeName).entrySet()) {
      attached.add(new AttachedVolume(e.getKey(), e.getValue()));
    }
    Node node = current.get();
    NodeStatus status = node.status() != null ? node.status()
        : new NodeStatus(null, null, null, null, null, null, null, null, null, null);
    if (status.volumesAttached().equals(attached)) {
      adc.asw.setNodeStatusUpdateNeeded(nodeName, false);
      return true;
    }
    try {
      adc.client.updateStatus(node.withStatus(status.withVolumesAttached(attached)));
      adc.asw.setNodeStatusUpdateNeeded(nodeName, false);
      return true;
    } catch (ApiException e) {
      adc.asw.setNodeStatusUpdateNeeded(nodeName, true);
      return false;
    }
  }
}
