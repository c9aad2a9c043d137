package dev.volsim.model.core;

/**
 * One IP address of the node a Pod runs on ({@code status.hostIPs[]}).
 *
 * @param ip the address
 */
public record HostIP(String ip) {}
