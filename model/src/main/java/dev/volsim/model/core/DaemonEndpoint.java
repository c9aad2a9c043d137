package dev.volsim.model.core;

import dev.volsim.model.WireName;

/**
 * A port a node daemon listens on.
 *
 * @param port the port number (the API spells the field {@code Port})
 */
public record DaemonEndpoint(@WireName("Port") int port) {}
