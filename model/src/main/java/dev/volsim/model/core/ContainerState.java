package dev.volsim.model.core;

/**
 * The state of a container: at most one field is set; none means waiting.
 *
 * @param waiting not started, or waiting to restart
 * @param running running
 * @param terminated exited
 */
public record ContainerState(
    ContainerStateWaiting waiting, ContainerStateRunning running, ContainerStateTerminated terminated) {

  /** A waiting state. */
  public static ContainerState waiting(String reason, String message) {
    return new ContainerState(new ContainerStateWaiting(reason, message), null, null);
  }

  /** A running state. */
  public static ContainerState running(java.time.Instant startedAt) {
    return new ContainerState(null, new ContainerStateRunning(startedAt), null);
  }

  /** A terminated state. */
  public static ContainerState terminated(ContainerStateTerminated terminated) {
    return new ContainerState(null, null, terminated);
  }
}
