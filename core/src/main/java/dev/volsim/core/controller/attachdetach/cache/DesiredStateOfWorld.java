package dev.volsim.core.controller.attachdetach.cache;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.core.Pod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What should be attached where (upstream {@code cache.DesiredStateOfWorld}): managed nodes, the
 * attachable volumes scheduled Pods on them use, and those Pods. A volume is on a node while at
 * least one Pod there wants it. Not thread-safe; iteration in node, volume and Pod key order.
 */
public final class DesiredStateOfWorld {
  /** One (volume, node) that should be attached, with the Pods wanting it. */
  public static final class VolumeToAttach {
    private final AttachableVolume spec;
    private final String nodeName;
    private final TreeMap<String, Pod> scheduledPods = new TreeMap<>();
    private boolean multiAttachErrorReported;

    VolumeToAttach(AttachableVolume spec, String nodeName) {
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

    /** The Pods on the node that want the volume, by {@code namespace/name}. */
    public ImmutableList<Pod> scheduledPods() {
      return ImmutableList.copyOf(scheduledPods.values());
    }

    public boolean multiAttachErrorReported() {
      return multiAttachErrorReported;
    }
  }

  private final TreeMap<String, TreeMap<String, VolumeToAttach>> nodesManaged = new TreeMap<>();

  /** Adds a managed node; a no-op if it is there. */
  public void addNode(String nodeName) {
    nodesManaged.computeIfAbsent(requireNonNull(nodeName, "nodeName is null"), n -> new TreeMap<>());
  }

  /** Removes a node and everything on it. */
  public void deleteNode(String nodeName) {
    nodesManaged.remove(nodeName);
  }

  public boolean nodeExists(String nodeName) {
    return nodesManaged.containsKey(nodeName);
  }

  /**
   * Records that a Pod on a managed node wants a volume.
   *
   * @return false if the node is not managed (nothing recorded)
   */
  public boolean addPod(String podKey, Pod pod, AttachableVolume spec, String nodeName) {
    TreeMap<String, VolumeToAttach> volumes = nodesManaged.get(nodeName);
    if (volumes == null) {
      return false;
    }
    VolumeToAttach v = volumes.computeIfAbsent(spec.uniqueName(), n -> new VolumeToAttach(spec, nodeName));
    v.scheduledPods.put(podKey, pod);
    return true;
  }

  /** Removes a Pod from one volume on a node; the volume goes when no Pod wants it any more. */
  public void deletePod(String podKey, String volumeName, String nodeName) {
    TreeMap<String, VolumeToAttach> volumes = nodesManaged.get(nodeName);
    if (volumes == null) {
      return;
    }
    VolumeToAttach v = volumes.get(volumeName);
    if (v == null) {
      return;
    }
    v.scheduledPods.remove(podKey);
    if (v.scheduledPods.isEmpty()) {
      volumes.remove(volumeName);
    }
  }

  public boolean volumeExists(String volumeName, String nodeName) {
    TreeMap<String, VolumeToAttach> volumes = nodesManaged.get(nodeName);
    return volumes != null && volumes.containsKey(volumeName);
  }

  /** Marks that the multi-attach error of this (volume, node) was reported, so it is reported once. */
  public void setMultiAttachError(String volumeName, String nodeName) {
    TreeMap<String, VolumeToAttach> volumes = nodesManaged.get(nodeName);
    if (volumes != null && volumes.get(volumeName) != null) {
      volumes.get(volumeName).multiAttachErrorReported = true;
    }
  }

  /** Every (volume, node) that should be attached, in node then volume order. */
  public ImmutableList<VolumeToAttach> getVolumesToAttach() {
    List<VolumeToAttach> out = new ArrayList<>();
    for (TreeMap<String, VolumeToAttach> volumes : nodesManaged.values()) {
      out.addAll(volumes.values());
    }
    return ImmutableList.copyOf(out);
  }

  /** The Pods on the given nodes that want the volume ({@code GetVolumePodsOnNodes}). */
  public ImmutableList<Pod> getVolumePodsOnNodes(Collection<String> nodeNames, String volumeName) {
    List<Pod> out = new ArrayList<>();
    for (String node : nodeNames) {
      Map<String, VolumeToAttach> volumes = nodesManaged.get(node);
      if (volumes != null && volumes.get(volumeName) != null) {
        out.addAll(volumes.get(volumeName).scheduledPods.values());
      }
    }
    return ImmutableList.copyOf(out);
  }

  /** Whether nothing should be attached anywhere. */
  public boolean isEmpty() {
    return nodesManaged.values().stream().allMatch(Map::isEmpty);
  }
}
