package dev.volsim.model.coordination;

import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;
import java.time.Instant;

/**
 * A coordination.k8s.io/v1 Lease. Each kubelet holds one in namespace {@code kube-node-lease},
 * named after its node, and renews it as its heartbeat; the node lifecycle controller reads the
 * renewals.
 *
 * @param metadata the object's metadata
 * @param spec the holder and its last renewal
 */
public record Lease(ObjectMeta metadata, Spec spec) implements KubeObject {
  public Lease {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = spec == null ? new Spec(null, null, null, null) : spec;
  }

  @Override
  public String apiVersion() {
    return "coordination.k8s.io/v1";
  }

  @Override
  public String kind() {
    return "Lease";
  }

  /** A copy with another spec. */
  public Lease withSpec(Spec newSpec) {
    return new Lease(metadata, newSpec);
  }

  /**
   * {@code LeaseSpec}.
   *
   * @param holderIdentity who holds the lease (the node's name)
   * @param leaseDurationSeconds how long a renewal is valid
   * @param acquireTime when the holder acquired it
   * @param renewTime when the holder last renewed it
   */
  public record Spec(String holderIdentity, Integer leaseDurationSeconds, Instant acquireTime, Instant renewTime) {}
}
