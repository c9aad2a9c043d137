package dev.volsim.model.core;

/**
 * One address of a node.
 *
 * @param type Hostname, InternalIP, ExternalIP, InternalDNS or ExternalDNS
 * @param address the address
 */
public record NodeAddress(String type, String address) {}
