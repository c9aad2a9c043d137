package dev.volsim.model.core;

import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;

/**
 * A Pod: containers that share volumes and a network namespace, scheduled together onto a node.
 *
 * <p>The compact constructor applies {@code SetDefaults_Pod} to the spec (see
 * {@link PodSpec#withPodDefaults()}). The status is null until someone sets it: the API server
 * makes it {@code Pending} on create.
 *
 * @param metadata the object's metadata
 * @param spec what the Pod runs; null only in an invalid object
 * @param status what the kubelet reports
 */
public record Pod(ObjectMeta metadata, PodSpec spec, PodStatus status) implements KubeObject {
  public Pod {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = spec == null ? null : spec.withPodDefaults();
  }

  /** A copy with this spec. */
  public Pod withSpec(PodSpec newSpec) {
    return new Pod(metadata, newSpec, status);
  }

  /** A copy with this status. */
  public Pod withStatus(PodStatus newStatus) {
    return new Pod(metadata, spec, newStatus);
  }

  /** A copy with this metadata. */
  public Pod withMetadata(ObjectMeta newMetadata) {
    return new Pod(newMetadata, spec, status);
  }

  /** The phase, {@code Pending} while no status has been set. */
  public PodPhase phase() {
    return status == null || status.phase() == null ? PodPhase.PENDING : status.phase();
  }

  @Override
  public String apiVersion() {
    return "v1";
  }

  @Override
  public String kind() {
    return "Pod";
  }
}
