package dev.volsim.model.volume;

import dev.volsim.model.WireName;
import dev.volsim.model.core.LocalObjectReference;

/**
 * {@code scaleIO} in a Pod: a ScaleIO volume.
 *
 * @param gateway the ScaleIO API gateway's address; required
 * @param system the storage system's name; required
 * @param secretRef the Secret with the ScaleIO user's credentials
 * @param sslEnabled whether the gateway is reached over SSL
 * @param protectionDomain the protection domain
 * @param storagePool the storage pool
 * @param storageMode ThickProvisioned or ThinProvisioned; defaults to ThinProvisioned
 * @param volumeName the ScaleIO volume's name; required
 * @param fsType the filesystem to mount; defaults to xfs
 * @param readOnly whether it is mounted read-only
 */
@WireName("scaleIO")
public record ScaleIOVolumeSource(
    String gateway,
    String system,
    LocalObjectReference secretRef,
    boolean sslEnabled,
    String protectionDomain,
    String storagePool,
    String storageMode,
    String volumeName,
    String fsType,
    boolean readOnly) implements VolumeSource {
  public ScaleIOVolumeSource {
    storageMode = storageMode == null || storageMode.isEmpty() ? "ThinProvisioned" : storageMode;
    fsType = fsType == null || fsType.isEmpty() ? "xfs" : fsType;
  }
}
