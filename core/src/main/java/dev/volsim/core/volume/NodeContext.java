package dev.volsim.core.volume;

import dev.volsim.core.world.ClusterWorld;
import dev.volsim.core.world.NodeDisk;
import dev.volsim.model.Quantity;
import dev.volsim.model.core.ConfigMap;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.Secret;
import java.util.Optional;

/**
 * What a volume plugin sees of the node it runs on and of the cluster: the node's disk and volume
 * mounts, its memory, packages and address, the cluster's world outside the API (NFS and git
 * servers, backing storage), the API objects a
 * volume projects, feature gates and the virtual time. {@link StaticNodeContext} is a plain
 * implementation.
 */
public interface NodeContext {
  /** The node's disk. */
  NodeDisk disk();

  /** The node's volume mounts (tmpfs, NFS) at per-Pod volume paths. */
  NodeVolumeMounts volumeMounts();

  /** The node's allocatable amount of {@code resource} ({@code memory}, {@code cpu}), if known. */
  Optional<Quantity> allocatable(String resource);

  /** Whether a package ({@code nfs-common}, {@code git}) is installed on the node. */
  boolean hasPackage(String name);

  /** The node's address, as NFS servers see it as a client. */
  String address();

  /** The node's name, as the cluster's world knows it ({@code localhost} of an NFS volume is this node). */
  String nodeName();

  /** The world outside the API the node reaches: NFS servers, git, URLs, backing storage. */
  ClusterWorld world();

  /** The ConfigMap {@code namespace/name} as the kubelet's manager sees it now. */
  Optional<ConfigMap> configMap(String namespace, String name);

  /** The Secret {@code namespace/name} as the kubelet's manager sees it now. */
  Optional<Secret> secret(String namespace, String name);

  /** The Pod {@code namespace/name} as it is now (downwardAPI re-reads labels and annotations). */
  Optional<Pod> pod(String namespace, String name);

  /** Whether the feature gate is enabled. */
  boolean featureGate(String name);

  /** The virtual time, microseconds since the epoch (names the atomic writer's directories). */
  long nowMicros();
}
