package dev.volsim.model.core;

/**
 * Who reported an event.
 *
 * @param component the component, as {@code kubelet} or {@code persistentvolume-controller}
 * @param host the node it runs on, for node components
 */
public record EventSource(String component, String host) {}
