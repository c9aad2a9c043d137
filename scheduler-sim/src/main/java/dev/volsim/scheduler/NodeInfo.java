package dev.volsim.scheduler;

import dev.volsim.model.core.Node;
import dev.volsim.model.core.Pod;
import java.util.Collection;
import java.util.Collections;
import java.util.TreeMap;

/**
 * The scheduler's per-node state ({@code framework.NodeInfo}): the Node, the pods on it (assumed
 * ones included) in key order, and the sums of their requests, kept up to date as pods come and
 * go so no filter scans every pod of the cluster.
 */
final class NodeInfo {
  private final String name;
  private Node node;
  private final TreeMap<String, Pod> pods = new TreeMap<>();
  private long requestedMilliCpu;
  private long requestedMemory;
  private long nonZeroMilliCpu;
  private long nonZeroMemory;

  NodeInfo(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  /** The Node, or null when only pods naming it are known. */
  Node node() {
    return node;
  }

  void setNode(Node node) {
    this.node = node;
  }

  Collection<Pod> pods() {
    return Collections.unmodifiableCollection(pods.values());
  }

  int podCount() {
    return pods.size();
  }

  void addPod(String key, Pod pod) {
    Pod old = pods.put(key, pod);
    if (old != null) {
      subtract(old);
    }
    Resources r = Resources.requests(pod, false);
    Resources nz = Resources.requests(pod, true);
    requestedMilliCpu += r.milliCpu();
    requestedMemory += r.memory();
    nonZeroMilliCpu += nz.milliCpu();
    nonZeroMemory += nz.memory();
  }

  void removePod(String key) {
    Pod old = pods.remove(key);
    if (old != null) {
      subtract(old);
    }
  }

  private void subtract(Pod old) {
    Resources r = Resources.requests(old, false);
    Resources nz = Resources.requests(old, true);
    requestedMilliCpu -= r.milliCpu();
    requestedMemory -= r.memory();
    nonZeroMilliCpu -= nz.milliCpu();
    nonZeroMemory -= nz.memory();
  }

  long requestedMilliCpu() {
    return requestedMilliCpu;
  }

  long requestedMemory() {
    return requestedMemory;
  }

  long nonZeroMilliCpu() {
    return nonZeroMilliCpu;
  }

  long nonZeroMemory() {
    return nonZeroMemory;
  }

  long allocatableMilliCpu() {
    return node == null || node.status() == null ? 0 : Resources.allocatable(node.status().allocatable(), "cpu", true);
  }

  long allocatableMemory() {
    return node == null || node.status() == null ? 0 : Resources.allocatable(node.status().allocatable(), "memory", false);
  }

  long allowedPods() {
    return node == null || node.status() == null ? 0 : Resources.allocatable(node.status().allocatable(), "pods", false);
  }
}
