package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;
import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;

/**
 * The endpoints of a Service (named after it). Kept without behaviour in the simulator.
 *
 * @param metadata the object's metadata
 * @param subsets the address groups
 */
public record Endpoints(ObjectMeta metadata, ImmutableList<EndpointSubset> subsets) implements KubeObject {
  public Endpoints {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    subsets = Immutables.list(subsets);
  }

  @Override
  public String apiVersion() {
    return "v1";
  }

  @Override
  public String kind() {
    return "Endpoints";
  }
}
