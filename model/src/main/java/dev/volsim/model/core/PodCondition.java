package dev.volsim.model.core;

import java.time.Instant;

/**
 * One condition of a Pod ({@code PodScheduled}, {@code Initialized}, {@code ContainersReady},
 * {@code Ready}, {@code PodReadyToStartContainers}).
 *
 * @param type the condition's type
 * @param status whether it holds
 * @param lastProbeTime when it was last probed
 * @param lastTransitionTime when its status last changed
 * @param reason a CamelCase reason for the last transition, as {@code Unschedulable}
 * @param message a human-readable explanation
 */
public record PodCondition(
    String type,
    ConditionStatus status,
    Instant lastProbeTime,
    Instant lastTransitionTime,
    String reason,
    String message) {
  /** Condition type: the Pod has been bound to a node. */
  public static final String POD_SCHEDULED = "PodScheduled";
  /** Condition type: every init container has completed (or, for sidecars, started). */
  public static final String INITIALIZED = "Initialized";
  /** Condition type: every container is ready. */
  public static final String CONTAINERS_READY = "ContainersReady";
  /** Condition type: the Pod can serve requests. */
  public static final String READY = "Ready";
  /** Condition type: the sandbox is set up and volumes are mounted, containers may start. */
  public static final String POD_READY_TO_START_CONTAINERS = "PodReadyToStartContainers";
}
