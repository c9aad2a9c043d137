package dev.volsim.model.core;

/**
 * A port a container exposes ({@code ports[]}).
 *
 * @param name an IANA_SVC_NAME, unique in the Pod, by which Services may refer to the port
 * @param hostPort the node port to expose it on; 0 = none (with hostNetwork it defaults to the
 *     container port)
 * @param containerPort the port number in the Pod's IP, 1 to 65535
 * @param protocol TCP, UDP or SCTP; defaults to TCP
 * @param hostIP the host IP to bind the host port to
 */
public record ContainerPort(
    String name, int hostPort, int containerPort, Protocol protocol, String hostIP) {
  public ContainerPort {
    protocol = protocol == null ? Protocol.TCP : protocol;
  }
}
