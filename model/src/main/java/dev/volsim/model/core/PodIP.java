package dev.volsim.model.core;

/**
 * One IP address of a Pod ({@code status.podIPs[]}).
 *
 * @param ip the address
 */
public record PodIP(String ip) {}
