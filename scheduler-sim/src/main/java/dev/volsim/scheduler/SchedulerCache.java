package dev.volsim.scheduler;

import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodPhase;
import dev.volsim.model.volume.PersistentVolumeClaimVolumeSource;
import dev.volsim.model.volume.Volume;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scheduler's cache ({@code internal/cache}): nodes with their pods, pods assumed on a node
 * while their binding cycle runs, and how many scheduled pods use each claim (for
 * ReadWriteOncePod). Hash maps here are only probed by key, never iterated.
 */
final class SchedulerCache {
  private final TreeMap<String, NodeInfo> nodes = new TreeMap<>();
  private final Map<String, String> podToNode = new HashMap<>();
  private final Map<String, Pod> podObjects = new HashMap<>();
  private final Map<String, Integer> pvcRefCounts = new HashMap<>();
  private final Map<String, Boolean> assumed = new HashMap<>();
  private List<NodeInfo> nodeList;

  /** Nodes that have a Node object, in name order. */
  List<NodeInfo> nodeList() {
    if (nodeList == null) {
      List<NodeInfo> l = new ArrayList<>();
      for (NodeInfo n : nodes.values()) {
        if (n.node() != null) {
          l.add(n);
        }
      }
      nodeList = l;
    }
    return nodeList;
  }

  NodeInfo nodeInfo(String name) {
    return nodes.get(name);
  }

  void setNode(dev.volsim.model.core.Node node) {
    nodes.computeIfAbsent(node.metadata().name(), NodeInfo::new).setNode(node);
    nodeList = null;
  }

  void removeNode(String name) {
    NodeInfo n = nodes.get(name);
    if (n != null) {
      n.setNode(null);
      if (n.podCount() == 0) {
        nodes.remove(name);
      }
    }
    nodeList = null;
  }

  /** Adds or updates a scheduled pod (informer); confirms an assumed one. Terminal pods leave. */
  void addOrUpdatePod(String key, Pod pod) {
    if (pod.phase() == PodPhase.SUCCEEDED || pod.phase() == PodPhase.FAILED) {
      removePod(key);
      return;
    }
    removePod(key);
    put(key, pod, pod.spec().nodeName());
  }

  /** Puts a pod on a node before it is bound ({@code AssumePod}). */
  void assumePod(String key, Pod pod, String node) {
    removePod(key);
    put(key, pod.withSpec(pod.spec().withNodeName(node)), node);
    assumed.put(key, Boolean.TRUE);
  }

  boolean isAssumed(String key) {
    return assumed.containsKey(key);
  }

  /** Takes an assumed pod off its node ({@code ForgetPod}). */
  void forgetPod(String key) {
    if (assumed.containsKey(key)) {
      removePod(key);
    }
  }

  void removePod(String key) {
    String node = podToNode.remove(key);
    Pod old = podObjects.remove(key);
    assumed.remove(key);
    if (node != null) {
      NodeInfo n = nodes.get(node);
      if (n != null) {
        n.removePod(key);
        if (n.node() == null && n.podCount() == 0) {
          nodes.remove(node);
        }
      }
    }
    if (old != null) {
      for (String claim : claims(old)) {
        pvcRefCounts.computeIfPresent(claim, (k, v) -> v <= 1 ? null : v - 1);
      }
    }
  }

  private void put(String key, Pod pod, String node) {
    podToNode.put(key, node);
    podObjects.put(key, pod);
    nodes.computeIfAbsent(node, NodeInfo::new).addPod(key, pod);
    for (String claim : claims(pod)) {
      pvcRefCounts.merge(claim, 1, Integer::sum);
    }
  }

  boolean hasPod(String key) {
    return podToNode.containsKey(key);
  }

  /** How many scheduled or assumed pods use the claim {@code namespace/name}. */
  int pvcRefCount(String claimKey) {
    return pvcRefCounts.getOrDefault(claimKey, 0);
  }

  /** The {@code namespace/claim} keys of the claims a pod uses (PVC and generic ephemeral volumes). */
  static List<String> claims(Pod pod) {
    List<String> out = new ArrayList<>();
    String ns = pod.metadata().namespace();
    for (Volume v : pod.spec().volumes()) {
      String claim = claimName(pod, v);
      if (claim != null) {
        out.add(ns + "/" + claim);
      }
    }
    return out;
  }

  /** The claim a volume uses, or null ({@code ephemeral.VolumeClaimName} for ephemeral ones). */
  static String claimName(Pod pod, Volume v) {
    if (v.source() instanceof PersistentVolumeClaimVolumeSource pvc) {
      return pvc.claimName();
    } else if (v.source() instanceof dev.volsim.model.volume.EphemeralVolumeSource) {
      return pod.metadata().name() + "-" + v.name();
    } else {
      return null;
    }
  }
}
