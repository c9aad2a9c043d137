package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.model.Immutables;

/**
 * What a Service exposes. The model keeps it without behaviour; the compact constructor applies
 * {@code SetDefaults_Service}: type ClusterIP, sessionAffinity None, internalTrafficPolicy Cluster
 * (for ClusterIP, NodePort and LoadBalancer), externalTrafficPolicy Cluster (for NodePort and
 * LoadBalancer).
 *
 * @param ports the ports
 * @param selector labels of the Pods that back the Service; empty: endpoints are managed by hand
 * @param clusterIP the virtual IP, or {@code None} for a headless Service
 * @param clusterIPs the virtual IPs, one per IP family
 * @param type ClusterIP, NodePort, LoadBalancer or ExternalName
 * @param externalIPs further IPs that route to the Service
 * @param sessionAffinity None or ClientIP
 * @param loadBalancerIP deprecated; a requested load balancer IP
 * @param externalName the DNS name an ExternalName Service is a CNAME for
 * @param externalTrafficPolicy Cluster or Local
 * @param publishNotReadyAddresses whether not-ready Pods are published in DNS
 * @param ipFamilies the IP families, as {@code IPv4}
 * @param ipFamilyPolicy SingleStack, PreferDualStack or RequireDualStack
 * @param internalTrafficPolicy Cluster or Local
 */
public record ServiceSpec(
    ImmutableList<ServicePort> ports,
    ImmutableSortedMap<String, String> selector,
    String clusterIP,
    ImmutableList<String> clusterIPs,
    String type,
    ImmutableList<String> externalIPs,
    String sessionAffinity,
    String loadBalancerIP,
    String externalName,
    String externalTrafficPolicy,
    boolean publishNotReadyAddresses,
    ImmutableList<String> ipFamilies,
    String ipFamilyPolicy,
    String internalTrafficPolicy) {

  public ServiceSpec {
    ports = Immutables.list(ports);
    selector = Immutables.map(selector);
    clusterIPs = Immutables.list(clusterIPs);
    type = type == null || type.isEmpty() ? "ClusterIP" : type;
    externalIPs = Immutables.list(externalIPs);
    sessionAffinity = sessionAffinity == null || sessionAffinity.isEmpty() ? "None" : sessionAffinity;
    boolean external = type.equals("NodePort") || type.equals("LoadBalancer");
    if (external && (externalTrafficPolicy == null || externalTrafficPolicy.isEmpty())) {
      externalTrafficPolicy = "Cluster";
    }
    ipFamilies = Immutables.list(ipFamilies);
    if (internalTrafficPolicy == null && (external || type.equals("ClusterIP"))) {
      internalTrafficPolicy = "Cluster";
    }
  }

  /** Whether the Service is headless ({@code clusterIP: None}). */
  public boolean isHeadless() {
    return "None".equals(clusterIP);
  }
}
