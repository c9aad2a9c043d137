package dev.volsim.core.volume;

/**
 * Upstream's {@code volume.Attributes}: what the kubelet needs to know about a mounted volume.
 *
 * @param readOnly whether every container mount of it is read-only whatever the volumeMount says
 *     (configMap, secret, downwardAPI, projected; kubelet's {@code mustMountRO})
 * @param managed whether the kubelet owns the volume's content (applies fsGroup ownership)
 * @param selinuxRelabel whether the content can be relabelled
 */
public record VolumeAttributes(boolean readOnly, boolean managed, boolean selinuxRelabel) {
  /** Writable, managed, relabelled: emptyDir, gitRepo. */
  public static final VolumeAttributes WRITABLE = new VolumeAttributes(false, true, true);
  /** Forced read-only, managed: configMap, secret, downwardAPI, projected. */
  public static final VolumeAttributes READ_ONLY = new VolumeAttributes(true, true, true);
}
