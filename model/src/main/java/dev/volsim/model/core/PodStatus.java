package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;
import java.time.Instant;
import java.util.Optional;

/**
 * What the kubelet (and the scheduler) report about a Pod.
 *
 * @param phase where the Pod is in its lifecycle
 * @param conditions its conditions
 * @param message why it is in this phase
 * @param reason a CamelCase reason for the phase, as {@code Evicted}
 * @param nominatedNodeName the node preemption made room on
 * @param hostIP the IP of the node it is bound to
 * @param hostIPs the node's IPs
 * @param podIP the Pod's IP
 * @param podIPs the Pod's IPs
 * @param startTime when the kubelet acknowledged the Pod
 * @param initContainerStatuses init containers' statuses, in spec order
 * @param containerStatuses regular containers' statuses, in spec order
 * @param qosClass its quality-of-service class
 */
public record PodStatus(
    PodPhase phase,
    ImmutableList<PodCondition> conditions,
    String message,
    String reason,
    String nominatedNodeName,
    String hostIP,
    ImmutableList<HostIP> hostIPs,
    String podIP,
    ImmutableList<PodIP> podIPs,
    Instant startTime,
    ImmutableList<ContainerStatus> initContainerStatuses,
    ImmutableList<ContainerStatus> containerStatuses,
    PodQOSClass qosClass) {

  public PodStatus {
    conditions = Immutables.list(conditions);
    hostIPs = Immutables.list(hostIPs);
    podIPs = Immutables.list(podIPs);
    initContainerStatuses = Immutables.list(initContainerStatuses);
    containerStatuses = Immutables.list(containerStatuses);
  }

  /** An empty status in this phase. */
  public static PodStatus ofPhase(PodPhase phase) {
    return new PodStatus(phase, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** The condition of this type, if present. */
  public Optional<PodCondition> condition(String type) {
    return conditions.stream().filter(c -> type.equals(c.type())).findFirst();
  }
}
