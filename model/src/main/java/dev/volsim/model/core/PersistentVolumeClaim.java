package dev.volsim.model.core;

import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;

/**
 * A PersistentVolumeClaim: a request for storage, bound to one PersistentVolume.
 *
 * @param metadata the object's metadata
 * @param spec what is asked for
 * @param status its observed state; defaults to phase Pending
 */
public record PersistentVolumeClaim(
    ObjectMeta metadata, PersistentVolumeClaimSpec spec, PersistentVolumeClaimStatus status) implements KubeObject {

  public PersistentVolumeClaim {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = spec == null ? new PersistentVolumeClaimSpec(null, null, null, null, null, null, null, null, null) : spec;
    status = status == null ? new PersistentVolumeClaimStatus(null, null, null, null, null, null, null, null) : status;
  }

  @Override
  public String apiVersion() {
    return "v1";
  }

  @Override
  public String kind() {
    return "PersistentVolumeClaim";
  }
}
