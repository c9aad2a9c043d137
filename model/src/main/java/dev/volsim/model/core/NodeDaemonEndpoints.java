package dev.volsim.model.core;

/**
 * The endpoints of the daemons running on a node.
 *
 * @param kubeletEndpoint where the kubelet listens
 */
public record NodeDaemonEndpoints(DaemonEndpoint kubeletEndpoint) {}
