package dev.volsim.model.core;

import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;

/**
 * A Node: a machine Pods run on. Cluster-scoped.
 *
 * @param metadata the object's metadata
 * @param spec its configuration (never null: an empty spec when absent)
 * @param status what its kubelet and controllers report (null until reported)
 */
public record Node(ObjectMeta metadata, NodeSpec spec, NodeStatus status) implements KubeObject {
  public Node {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = spec == null ? new NodeSpec(null, null, null, false, null) : spec;
  }

  /** A copy with this spec. */
  public Node withSpec(NodeSpec newSpec) {
    return new Node(metadata, newSpec, status);
  }

  /** A copy with this status. */
  public Node withStatus(NodeStatus newStatus) {
    return new Node(metadata, spec, newStatus);
  }

  @Override
  public String apiVersion() {
    return "v1";
  }

  @Override
  public String kind() {
    return "Node";
  }

  @Override
  public boolean namespaced() {
    return false;
  }
}
