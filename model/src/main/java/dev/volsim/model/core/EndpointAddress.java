package dev.volsim.model.core;

/**
 * One address behind a Service.
 *
 * @param ip the address
 * @param hostname the Pod's hostname, for headless Services
 * @param nodeName the node the endpoint is on
 * @param targetRef the object (Pod) behind the address
 */
public record EndpointAddress(String ip, String hostname, String nodeName, ObjectReference targetRef) {}
