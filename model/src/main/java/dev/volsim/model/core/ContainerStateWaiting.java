package dev.volsim.model.core;

/**
 * A container that has not started yet, or is waiting to be restarted.
 *
 * @param reason why, as {@code ContainerCreating}, {@code CreateContainerConfigError},
 *     {@code CrashLoopBackOff}
 * @param message a human-readable explanation
 */
public record ContainerStateWaiting(String reason, String message) {}
