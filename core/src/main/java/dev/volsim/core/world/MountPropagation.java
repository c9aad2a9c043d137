package dev.volsim.core.world;

/** Kubernetes' {@code mountPropagation} of a volume mount, with the Linux propagation each means. */
public enum MountPropagation {
  /** {@code rprivate}: the container sees the mounts under the source made before it started, no later ones. */
  NONE("None"),
  /** {@code rslave}: mounts the host makes later under the source appear in the container too. */
  HOST_TO_CONTAINER("HostToContainer"),
  /** {@code rshared}: as HostToContainer, and mounts the container makes there appear on the host. */
  BIDIRECTIONAL("Bidirectional");

  private final String apiName;

  MountPropagation(String apiName) {
    this.apiName = apiName;
  }

  /** The value in a Pod's {@code volumeMounts[].mountPropagation}. */
  public String apiName() {
    return apiName;
  }
}
