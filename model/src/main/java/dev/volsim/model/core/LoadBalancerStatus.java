package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;

/**
 * The state of a load balancer.
 *
 * @param ingress its ingress points
 */
public record LoadBalancerStatus(ImmutableList<LoadBalancerIngress> ingress) {
  public LoadBalancerStatus {
    ingress = Immutables.list(ingress);
  }
}
