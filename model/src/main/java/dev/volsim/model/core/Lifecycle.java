package dev.volsim.model.core;

/**
 * Container lifecycle hooks; read and kept, not run.
 *
 * @param postStart run right after the container starts
 * @param preStop run before the container is stopped
 * @param stopSignal the signal that stops the container
 */
public record Lifecycle(LifecycleHandler postStart, LifecycleHandler preStop, String stopSignal) {

  /**
   * One hook's action.
   *
   * @param exec run a command
   * @param httpGet an HTTP GET
   * @param tcpSocket a TCP connection (deprecated for hooks)
   * @param sleep pause for some seconds
   */
  public record LifecycleHandler(ExecAction exec, HTTPGetAction httpGet, TCPSocketAction tcpSocket, SleepAction sleep) {}

  /** @param seconds how long to sleep */
  public record SleepAction(Long seconds) {}
}
