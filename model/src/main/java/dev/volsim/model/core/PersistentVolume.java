package dev.volsim.model.core;

import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;

/**
 * A PersistentVolume: a piece of cluster storage, provisioned by an administrator or dynamically,
 * bound to at most one claim. Cluster-scoped.
 *
 * @param metadata the object's metadata
 * @param spec the volume's spec
 * @param status its observed state; defaults to phase Pending
 */
public record PersistentVolume(ObjectMeta metadata, PersistentVolumeSpec spec, PersistentVolumeStatus status)
    implements KubeObject {

  public PersistentVolume {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = spec == null
        ? new PersistentVolumeSpec(null, null, null, null, null, null, null, null, null, null) : spec;
    status = status == null ? new PersistentVolumeStatus(null, null, null, null) : status;
  }

  @Override
  public String apiVersion() {
    return "v1";
  }

  @Override
  public String kind() {
    return "PersistentVolume";
  }

  @Override
  public boolean namespaced() {
    return false;
  }
}
