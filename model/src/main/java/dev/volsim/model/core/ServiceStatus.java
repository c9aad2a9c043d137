package dev.volsim.model.core;

/**
 * What is reported about a Service.
 *
 * @param loadBalancer the load balancer's state, for LoadBalancer Services
 */
public record ServiceStatus(LoadBalancerStatus loadBalancer) {}
