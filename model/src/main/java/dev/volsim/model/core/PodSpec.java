package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.model.Immutables;
import dev.volsim.model.volume.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a Pod runs, and how: its volumes, containers and scheduling constraints.
 *
 * <p>The compact constructor applies {@code SetDefaults_PodSpec}, which holds for Pods and Pod
 * templates alike: {@code restartPolicy} Always, {@code terminationGracePeriodSeconds} 30,
 * {@code dnsPolicy} ClusterFirst, an empty {@code securityContext}, {@code schedulerName}
 * default-scheduler. The defaults upstream applies to Pods only ({@code SetDefaults_Pod}) are in
 * {@link #withPodDefaults()}, which {@link Pod} calls.
 *
 * @param volumes the Pod's volumes, which its containers may mount
 * @param initContainers containers run one after the other before the regular ones (sidecars with
 *     {@code restartPolicy: Always} keep running)
 * @param containers the regular containers; at least one
 * @param restartPolicy when containers are restarted after they exit
 * @param terminationGracePeriodSeconds how long containers get to stop after SIGTERM
 * @param activeDeadlineSeconds how long the Pod may be active before it is failed
 * @param dnsPolicy how the Pod's DNS is configured
 * @param nodeSelector labels a node must have for the Pod to be scheduled there
 * @param serviceAccountName the service account the Pod runs as
 * @param serviceAccount the deprecated alias of {@code serviceAccountName}
 * @param automountServiceAccountToken whether the service account token is mounted
 * @param nodeName the node the Pod is bound to; set by the scheduler, or directly to bypass it
 * @param hostNetwork whether the Pod uses the node's network namespace
 * @param hostPID whether the Pod uses the node's PID namespace
 * @param hostIPC whether the Pod uses the node's IPC namespace
 * @param shareProcessNamespace whether the containers share one PID namespace
 * @param securityContext Pod-level security settings
 * @param imagePullSecrets Secrets used to pull the images
 * @param hostname the Pod's hostname (default: its name)
 * @param subdomain with {@code hostname}, makes the FQDN {@code hostname.subdomain.ns.svc}
 * @param affinity node and Pod (anti-)affinity
 * @param schedulerName the scheduler that places the Pod
 * @param tolerations the node taints the Pod tolerates
 * @param priorityClassName the PriorityClass whose value becomes {@code priority}
 * @param priority the scheduling priority, filled in by admission from the priority class
 * @param enableServiceLinks whether Service environment variables are injected
 */
public record PodSpec(
    ImmutableList<Volume> volumes,
    ImmutableList<Container> initContainers,
    ImmutableList<Container> containers,
    RestartPolicy restartPolicy,
    Long terminationGracePeriodSeconds,
    Long activeDeadlineSeconds,
    DNSPolicy dnsPolicy,
    ImmutableSortedMap<String, String> nodeSelector,
    String serviceAccountName,
    String serviceAccount,
    Boolean automountServiceAccountToken,
    String nodeName,
    boolean hostNetwork,
    boolean hostPID,
    boolean hostIPC,
    Boolean shareProcessNamespace,
    PodSecurityContext securityContext,
    ImmutableList<LocalObjectReference> imagePullSecrets,
    String hostname,
    String subdomain,
    Affinity affinity,
    String schedulerName,
    ImmutableList<Toleration> tolerations,
    String priorityClassName,
    Integer priority,
    Boolean enableServiceLinks) {

  /** The default of {@code schedulerName}. */
  public static final String DEFAULT_SCHEDULER_NAME = "default-scheduler";
  /** The default of {@code terminationGracePeriodSeconds}. */
  public static final long DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;

  public PodSpec {
    volumes = Immutables.list(volumes);
    initContainers = Immutables.list(initContainers);
    containers = Immutables.list(containers);
    restartPolicy = restartPolicy == null ? RestartPolicy.ALWAYS : restartPolicy;
    terminationGracePeriodSeconds = terminationGracePeriodSeconds == null
        ? DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS : terminationGracePeriodSeconds;
    dnsPolicy = dnsPolicy == null ? DNSPolicy.CLUSTER_FIRST : dnsPolicy;
    nodeSelector = Immutables.map(nodeSelector);
    securityContext = securityContext == null
        ? new PodSecurityContext(null, null, null, null, null, null) : securityContext;
    imagePullSecrets = Immutables.list(imagePullSecrets);
    schedulerName = schedulerName == null || schedulerName.isEmpty() ? DEFAULT_SCHEDULER_NAME : schedulerName;
    tolerations = Immutables.list(tolerations);
  }

  /** A spec with these volumes and containers, every other field defaulted. */
  public static PodSpec of(List<Volume> volumes, List<Container> containers) {
    return new PodSpec(Immutables.list(volumes), null, Immutables.list(containers), null, null, null,
        null, null, null, null, null, null, false, false, false, null, null, null, null, null, null,
        null, null, null, null, null);
  }

  /** A copy bound to this node. */
  public PodSpec withNodeName(String node) {
    return new PodSpec(volumes, initContainers, containers, restartPolicy,
        terminationGracePeriodSeconds, activeDeadlineSeconds, dnsPolicy, nodeSelector,
        serviceAccountName, serviceAccount, automountServiceAccountToken, node, hostNetwork, hostPID,
        hostIPC, shareProcessNamespace, securityContext, imagePullSecrets, hostname, subdomain,
        affinity, schedulerName, tolerations, priorityClassName, priority, enableServiceLinks);
  }

  /** The volume of this name, if the Pod has one. */
  public Optional<Volume> volume(String name) {
    return volumes.stream().filter(v -> v.name() != null && v.name().equals(name)).findFirst();
  }

  /** Init containers then regular containers, in order. */
  public ImmutableList<Container> allContainers() {
    return ImmutableList.<Container>builder().addAll(initContainers).addAll(containers).build();
  }

  /**
   * This spec with the defaults upstream gives Pods but not Pod templates ({@code SetDefaults_Pod}):
   * each container's requests default to its limits; {@code enableServiceLinks} defaults to true;
   * with {@code hostNetwork}, a container port without host port gets the container port as one.
   * Idempotent.
   */
  public PodSpec withPodDefaults() {
    return new PodSpec(volumes, podDefaults(initContainers, hostNetwork),
        podDefaults(containers, hostNetwork), restartPolicy, terminationGracePeriodSeconds,
        activeDeadlineSeconds, dnsPolicy, nodeSelector, serviceAccountName, serviceAccount,
        automountServiceAccountToken, nodeName, hostNetwork, hostPID, hostIPC, shareProcessNamespace,
        securityContext, imagePullSecrets, hostname, subdomain, affinity, schedulerName, tolerations,
        priorityClassName, priority, enableServiceLinks == null ? Boolean.TRUE : enableServiceLinks);
  }

  private static ImmutableList<Container> podDefaults(ImmutableList<Container> list, boolean hostNetwork) {
    List<Container> out = new ArrayList<>(list.size());
    for (Container c : list) {
      ResourceRequirements res = c.resources();
      if (!res.limits().isEmpty()) {
        java.util.Map<String, dev.volsim.model.Quantity> requests = new java.util.TreeMap<>(res.limits());
        requests.putAll(res.requests());
        res = new ResourceRequirements(res.limits(), Immutables.map(requests));
      }
      List<ContainerPort> ports = new ArrayList<>(c.ports().size());
      for (ContainerPort p : c.ports()) {
        ports.add(!hostNetwork || p.hostPort() != 0 ? p
            : new ContainerPort(p.name(), p.containerPort(), p.containerPort(), p.protocol(), p.hostIP()));
      }
      out.add(new Container(c.name(), c.image(), c.command(), c.args(), c.workingDir(),
          Immutables.list(ports), c.envFrom(), c.env(), res, c.restartPolicy(),
          c.volumeMounts(), c.volumeDevices(), c.livenessProbe(), c.readinessProbe(), c.startupProbe(),
          c.lifecycle(), c.terminationMessagePath(),
          c.terminationMessagePolicy(), c.imagePullPolicy(), c.securityContext(), c.stdin(),
          c.stdinOnce(), c.tty()));
    }
    return ImmutableList.copyOf(out);
  }
}
