package dev.volsim.model.core;

import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;

/**
 * A Service: a stable name (and usually a virtual IP) for a set of Pods. Kept without behaviour
 * in the simulator (StatefulSets name their governing Service).
 *
 * @param metadata the object's metadata
 * @param spec what it exposes (an empty, defaulted spec when absent)
 * @param status its load balancer state
 */
public record Service(ObjectMeta metadata, ServiceSpec spec, ServiceStatus status) implements KubeObject {
  public Service {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = spec == null
        ? new ServiceSpec(null, null, null, null, null, null, null, null, null, null, false, null, null, null)
        : spec;
  }

  @Override
  public String apiVersion() {
    return "v1";
  }

  @Override
  public String kind() {
    return "Service";
  }
}
