package dev.volsim.core.controller.attachdetach.cache;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What is attached where (upstream {@code cache.ActualStateOfWorld}): for each volume the nodes
 * it is attached to, confirmed or uncertain, whether the node still mounts it (from its
 * {@code status.volumesInUse}) and when a detach was first wanted; and for each node the volumes
 * its {@code status.volumesAttached} should list. Only finished operations change it. Not
 * thread-safe; iteration in volume then node order.
 */
public final class ActualStateOfWorld {
  /** One (volume, node) attachment. */
  public static final class AttachedVolume {
    private final AttachableVolume spec;
    private final String nodeName;
    private boolean attachedConfirmed;
    // "Assume mounted, until proven otherwise" (actual_state_of_world.go AddVolumeNode).
    private boolean mountedByNode = true;
    private long detachRequestedTimeMicros = NOT_REQUESTED;
    private String devicePath;

    AttachedVolume(AttachableVolume spec, String nodeName) {
      this.spec = spec;
      this.nodeName = nodeName;
    }

    public AttachableVolume spec() {
      return spec;
    }

    public String volumeName() {
      return spec.uniqueName();
    }

    public String nodeName() {
      return nodeName;
    }

    /** True once an attach succeeded; false while the attachment is uncertain. */
    public boolean attachedConfirmed() {
      return attachedConfirmed;
    }

    public boolean mountedByNode() {
      return mountedByNode;
    }

    public String devicePath() {
      return devicePath;
    }
  }

  private static final long NOT_REQUESTED = Long.MIN_VALUE;

  private final TreeMap<String, TreeMap<String, AttachedVolume>> attachedVolumes = new TreeMap<>();
  /** node -> (volume -> devicePath) that its status should list, and whether it must be written. */
  private final TreeMap<String, TreeMap<String, String>> volumesToReportAsAttached = new TreeMap<>();
  private final TreeMap<String, Boolean> statusUpdateNeeded = new TreeMap<>();

  /** Records a successful attach: confirmed, and reported in the node's status. */
  public void markVolumeAsAttached(AttachableVolume spec, String nodeName, String devicePath) {
    AttachedVolume v = entry(spec, nodeName);
    v.attachedConfirmed = true;
    v.devicePath = devicePath;
    addVolumeToReportAsAttached(spec.uniqueName(), nodeName);
  }

  /** Records an attachment that may exist (an attach failed or timed out); not reported in status. */
  public void markVolumeAsUncertain(AttachableVolume spec, String nodeName) {
    AttachedVolume v = entry(spec, nodeName);
    v.attachedConfirmed = false;
    removeVolumeFromReportAsAttached(spec.uniqueName(), nodeName);
  }

  /** Records a successful detach. */
  public void markVolumeAsDetached(String volumeName, String nodeName) {
    TreeMap<String, AttachedVolume> nodes = attachedVolumes.get(volumeName);
    if (nodes != null) {
      nodes.remove(nodeName);
      if (nodes.isEmpty()) {
        attachedVolumes.remove(volumeName);
      }
    }
    removeVolumeFromReportAsAttached(volumeName, nodeName);
  }

  private AttachedVolume entry(AttachableVolume spec, String nodeName) {
    return attachedVolumes.computeIfAbsent(spec.uniqueName(), n -> new TreeMap<>())
        .computeIfAbsent(nodeName, n -> new AttachedVolume(spec, nodeName));
  }

  /** The attachment, confirmed or uncertain, if any. */
  public AttachedVolume get(String volumeName, String nodeName) {
    TreeMap<String, AttachedVolume> nodes = attachedVolumes.get(volumeName);
    return nodes == null ? null : nodes.get(nodeName);
  }

  /** Whether the volume is attached to the node for sure ({@code GetAttachState == Attached}). */
  public boolean isAttachedConfirmed(String volumeName, String nodeName) {
    AttachedVolume v = get(volumeName, nodeName);
    return v != null && v.attachedConfirmed;
  }

  /** Sets {@code mountedByNode} of every volume on the node: true exactly for those in use. */
  public void setVolumesMountedByNode(String nodeName, Set<String> volumesInUse) {
    for (TreeMap<String, AttachedVolume> nodes : attachedVolumes.values()) {
      AttachedVolume v = nodes.get(nodeName);
      if (v != null) {
        v.mountedByNode = volumesInUse.contains(v.volumeName());
      }
    }
  }

  /**
   * Stamps the first detach request of an attachment now, if not stamped yet, and returns the time
   * since that first request ({@code SetDetachRequestTime}).
   */
  public long setDetachRequestTime(String volumeName, String nodeName, long nowMicros) {
    AttachedVolume v = get(volumeName, nodeName);
    if (v == null) {
      return 0;
    }
    if (v.detachRequestedTimeMicros == NOT_REQUESTED) {
      v.detachRequestedTimeMicros = nowMicros;
    }
    return nowMicros - v.detachRequestedTimeMicros;
  }

  /** When the first detach request was made, or {@code Long.MIN_VALUE} if none is pending. */
  public long detachRequestedTimeMicros(String volumeName, String nodeName) {
    AttachedVolume v = get(volumeName, nodeName);
    return v == null ? NOT_REQUESTED : v.detachRequestedTimeMicros;
  }

  public void resetDetachRequestTime(String volumeName, String nodeName) {
    AttachedVolume v = get(volumeName, nodeName);
    if (v != null) {
      v.detachRequestedTimeMicros = NOT_REQUESTED;
    }
  }

  /** Every attachment, confirmed or uncertain, in volume then node order. */
  public ImmutableList<AttachedVolume> getAttachedVolumes() {
    List<AttachedVolume> out = new ArrayList<>();
    for (TreeMap<String, AttachedVolume> nodes : attachedVolumes.values()) {
      out.addAll(nodes.values());
    }
    return ImmutableList.copyOf(out);
  }

  /** The nodes the volume is attached to for sure ({@code GetNodesForAttachedVolume}). */
  public ImmutableList<String> getNodesForAttachedVolume(String volumeName) {
    TreeMap<String, AttachedVolume> nodes = attachedVolumes.get(volumeName);
    if (nodes == null) {
      return ImmutableList.of();
    }
    return nodes.values().stream().filter(v -> v.attachedConfirmed).map(v -> v.nodeName)
        .collect(ImmutableList.toImmutableList());
  }

  /** Lists the volume in the node's status again (an attach succeeded, or a detach failed). */
  public void addVolumeToReportAsAttached(String volumeName, String nodeName) {
    AttachedVolume v = get(volumeName, nodeName);
    if (v == null) {
      return;
    }
    String old = volumesToReportAsAttached.computeIfAbsent(nodeName, n -> new TreeMap<>())
        .put(volumeName, v.devicePath == null ? "" : v.devicePath);
    if (old == null) {
      statusUpdateNeeded.put(nodeName, true);
    }
  }

  /** Stops listing the volume in the node's status (before a detach). */
  public void removeVolumeFromReportAsAttached(String volumeName, String nodeName) {
    TreeMap<String, String> volumes = volumesToReportAsAttached.get(nodeName);
    if (volumes != null && volumes.remove(volumeName) != null) {
      statusUpdateNeeded.put(nodeName, true);
    }
  }

  /** The nodes whose {@code status.volumesAttached} must be written, in name order. */
  public ImmutableList<String> getNodesToUpdateStatusFor() {
    return statusUpdateNeeded.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
        .collect(ImmutableList.toImmutableList());
  }

  /** What the node's {@code status.volumesAttached} should list: volume name -> device path. */
  public ImmutableSortedMap<String, String> getVolumesToReportAttachedForNode(String nodeName) {
    TreeMap<String, String> volumes = volumesToReportAsAttached.get(nodeName);
    return volumes == null ? ImmutableSortedMap.of() : ImmutableSortedMap.copyOf(volumes);
  }

  /** Sets or clears the node's pending status update ({@code SetNodeStatusUpdateNeeded}). */
  public void setNodeStatusUpdateNeeded(String nodeName, boolean needed) {
    if (needed) {
      statusUpdateNeeded.put(nodeName, true);
    } else {
      statusUpdateNeeded.remove(nodeName);
    }
  }

  /** Forgets the node's status bookkeeping (the node is gone). */
  public void removeNodeFromStatusUpdates(String nodeName) {
    statusUpdateNeeded.remove(nodeName);
  }

  /** Whether nothing is attached anywhere. */
  public boolean isEmpty() {
    return attachedVolumes.isEmpty();
  }

  /** The nodes with any attachment of the volume, confirmed or not. */
  public Collection<String> getAllNodesForVolume(String volumeName) {
    TreeMap<String, AttachedVolume> nodes = attachedVolumes.get(volumeName);
    return nodes == null ? List.of() : List.copyOf(nodes.keySet());
  }
}
