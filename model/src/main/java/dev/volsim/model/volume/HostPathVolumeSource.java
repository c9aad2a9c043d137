package dev.volsim.model.volume;

import dev.volsim.model.WireName;

/**
 * {@code hostPath}: a file or directory of the node's filesystem. Pods on different nodes see
 * different data, and nothing is deleted when the Pod goes.
 *
 * @param path the path on the node; required, no {@code ..} elements
 * @param type what must exist at the path; defaults to {@link HostPathType#UNSET} (no check)
 */
@WireName("hostPath")
public record HostPathVolumeSource(String path, HostPathType type) implements VolumeSource, PersistentVolumeSource {
  public HostPathVolumeSource {
    type = type == null ? HostPathType.UNSET : type;
  }
}
