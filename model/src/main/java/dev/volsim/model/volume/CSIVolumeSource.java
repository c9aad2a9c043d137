package dev.volsim.model.volume;

import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.model.Immutables;
import dev.volsim.model.WireName;
import dev.volsim.model.core.LocalObjectReference;

/**
 * {@code csi} in a Pod: an inline ephemeral volume of a CSI driver, living as long as the Pod on
 * its node (the driver must allow the Ephemeral lifecycle mode). Never attached.
 *
 * @param driver the CSI driver's name; required, a DNS-1123 subdomain of at most 63 characters
 * @param readOnly whether it is mounted read-only (null: false)
 * @param fsType the filesystem to mount; null for the driver's choice
 * @param volumeAttributes driver-specific properties
 * @param nodePublishSecretRef the Secret passed to NodePublishVolume
 */
@WireName("csi")
public record CSIVolumeSource(
    String driver,
    Boolean readOnly,
    String fsType,
    ImmutableSortedMap<String, String> volumeAttributes,
    LocalObjectReference nodePublishSecretRef) implements VolumeSource {
  public CSIVolumeSource {
    volumeAttributes = Immutables.map(volumeAttributes);
  }
}
