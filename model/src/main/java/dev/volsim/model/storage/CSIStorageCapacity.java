package dev.volsim.model.storage;

import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.Quantity;
import dev.volsim.model.core.LabelSelector;

/**
 * A CSIStorageCapacity: how much storage of one StorageClass a CSI driver can provision in one
 * topology segment. Namespaced (the driver's namespace); the scheduler reads them when the
 * driver's CSIDriver sets {@code storageCapacity}. The kind has no spec: its fields are top-level.
 *
 * @param metadata the object's metadata
 * @param nodeTopology the nodes the capacity is available from (null: none)
 * @param storageClassName the StorageClass the capacity is for
 * @param capacity the free capacity (null: unknown)
 * @param maximumVolumeSize the largest single volume that can be created (null: as capacity)
 */
public record CSIStorageCapacity(
    ObjectMeta metadata,
    LabelSelector nodeTopology,
    String storageClassName,
    Quantity capacity,
    Quantity maximumVolumeSize) implements KubeObject {

  public CSIStorageCapacity {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
  }

  @Override
  public String apiVersion() {
    return "storage.k8s.io/v1";
  }

  @Override
  public String kind() {
    return "CSIStorageCapacity";
  }
}
