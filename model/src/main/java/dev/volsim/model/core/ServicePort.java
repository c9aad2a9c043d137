package dev.volsim.model.core;

import dev.volsim.model.IntOrString;

/**
 * A port of a Service. The compact constructor applies {@code SetDefaults_Service}'s port rules:
 * protocol TCP, target port = port.
 *
 * @param name the port's name, required when the Service has several ports
 * @param protocol TCP, UDP or SCTP
 * @param appProtocol the application protocol, as {@code http}
 * @param port the port the Service exposes
 * @param targetPort the port (number or container port name) on the selected Pods
 * @param nodePort the port on every node, for NodePort and LoadBalancer Services; 0 = unset
 */
public record ServicePort(
    String name, Protocol protocol, String appProtocol, int port, IntOrString targetPort, int nodePort) {
  public ServicePort {
    protocol = protocol == null ? Protocol.TCP : protocol;
    if (targetPort == null || (targetPort.isInt() && targetPort.intValue() == 0)
        || (!targetPort.isInt() && targetPort.stringValue().isEmpty())) {
      targetPort = IntOrString.of(port);
    }
  }
}
