package dev.volsim.model.storage;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;
import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;
import java.util.Optional;

/**
 * A CSINode: the CSI drivers installed on one node, written by the kubelet. Cluster-scoped; its
 * name is the node's name.
 *
 * @param metadata the object's metadata
 * @param spec the drivers
 */
public record CSINode(ObjectMeta metadata, Spec spec) implements KubeObject {
  public CSINode {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = spec == null ? new Spec(null) : spec;
  }

  @Override
  public String apiVersion() {
    return "storage.k8s.io/v1";
  }

  @Override
  public String kind() {
    return "CSINode";
  }

  @Override
  public boolean namespaced() {
    return false;
  }

  /** The entry of the named driver, if it is registered on this node. */
  public Optional<Driver> driver(String name) {
    return spec.drivers().stream().filter(d -> name.equals(d.name())).findFirst();
  }

  /** @param drivers the drivers registered on the node, one entry per driver name */
  public record Spec(ImmutableList<Driver> drivers) {
    public Spec {
      drivers = Immutables.list(drivers);
    }
  }

  /**
   * {@code CSINodeDriver}: one driver on the node.
   *
   * @param name the driver's name, as its CSIDriver object's
   * @param nodeID the node as the driver knows it (NodeGetInfo)
   * @param topologyKeys the node label keys the driver reports topology with
   * @param allocatable how many volumes of this driver the node can take
   */
  public record Driver(
      String name, String nodeID, ImmutableList<String> topologyKeys, VolumeNodeResources allocatable) {
    public Driver {
      topologyKeys = Immutables.list(topologyKeys);
    }
  }

  /** @param count the most volumes of this driver the node can attach (null: unbounded) */
  public record VolumeNodeResources(Integer count) {}
}
