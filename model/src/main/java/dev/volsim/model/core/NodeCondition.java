package dev.volsim.model.core;

import java.time.Instant;

/**
 * One condition of a node ({@code Ready}, {@code MemoryPressure}, {@code DiskPressure},
 * {@code PIDPressure}, {@code NetworkUnavailable}).
 *
 * @param type the condition's type
 * @param status whether it holds
 * @param lastHeartbeatTime when the kubelet last reported it
 * @param lastTransitionTime when its status last changed
 * @param reason a CamelCase reason for the last transition
 * @param message a human-readable explanation
 */
public record NodeCondition(
    String type,
    ConditionStatus status,
    Instant lastHeartbeatTime,
    Instant lastTransitionTime,
    String reason,
    String message) {
  /** Condition type: the kubelet is healthy and ready to accept Pods. */
  public static final String READY = "Ready";
}
