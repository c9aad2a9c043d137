/**
 * The simulation core: the discrete-event engine, the in-memory API server, the controllers, the
 * world outside the API and the kubelet. Built up by the engine, control-plane and node-side work;
 * for now it only depends on {@code dev.volsim.model}.
 */
package dev.volsim.core;
