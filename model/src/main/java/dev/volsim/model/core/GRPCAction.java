package dev.volsim.model.core;

/** @param port the port @param service the gRPC service name (default "") */
public record GRPCAction(Integer port, String service) {}
