package dev.volsim.model.core;

import dev.volsim.model.IntOrString;

/** @param port the port number or name @param host the host (default the Pod IP) */
public record TCPSocketAction(IntOrString port, String host) {}
