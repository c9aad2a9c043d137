package dev.volsim.model.core;

/**
 * An ingress point of a load balancer.
 *
 * @param ip its IP address
 * @param hostname its DNS name
 */
public record LoadBalancerIngress(String ip, String hostname) {}
