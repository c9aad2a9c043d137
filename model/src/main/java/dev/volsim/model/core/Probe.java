package dev.volsim.model.core;

/**
 * A container probe (liveness, readiness or startup). volsim reads and keeps probes so real
 * manifests load; it does not run them.
 *
 * @param exec run a command
 * @param httpGet an HTTP GET
 * @param tcpSocket a TCP connection
 * @param grpc a gRPC health check
 * @param initialDelaySeconds seconds before the first probe
 * @param timeoutSeconds seconds before a probe times out (default 1)
 * @param periodSeconds seconds between probes (default 10)
 * @param successThreshold successes needed after a failure (default 1)
 * @param failureThreshold failures before giving up (default 3)
 * @param terminationGracePeriodSeconds grace period after a failed liveness probe
 */
public record Probe(
    ExecAction exec, HTTPGetAction httpGet, TCPSocketAction tcpSocket, GRPCAction grpc,
    Integer initialDelaySeconds, Integer timeoutSeconds, Integer periodSeconds,
    Integer successThreshold, Integer failureThreshold, Long terminationGracePeriodSeconds) {

  public Probe {
    // SetDefaults_Probe
    timeoutSeconds = timeoutSeconds == null ? 1 : timeoutSeconds;
    periodSeconds = periodSeconds == null ? 10 : periodSeconds;
    successThreshold = successThreshold == null ? 1 : successThreshold;
    failureThreshold = failureThreshold == null ? 3 : failureThreshold;
  }
}
