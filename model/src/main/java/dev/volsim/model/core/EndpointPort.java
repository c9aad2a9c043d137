package dev.volsim.model.core;

/**
 * A port of a set of endpoints. Protocol defaults to TCP ({@code SetDefaults_Endpoints}).
 *
 * @param name the name of the Service port it serves
 * @param port the port number
 * @param protocol TCP, UDP or SCTP
 * @param appProtocol the application protocol
 */
public record EndpointPort(String name, int port, Protocol protocol, String appProtocol) {
  public EndpointPort {
    protocol = protocol == null ? Protocol.TCP : protocol;
  }
}
