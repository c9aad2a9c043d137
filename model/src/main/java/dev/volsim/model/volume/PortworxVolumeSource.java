package dev.volsim.model.volume;

import dev.volsim.model.WireName;

/**
 * {@code portworxVolume}: a Portworx volume.
 *
 * @param volumeID the volume's id; required
 * @param fsType the filesystem to mount
 * @param readOnly whether it is mounted read-only
 */
@WireName("portworxVolume")
public record PortworxVolumeSource(String volumeID, String fsType, boolean readOnly)
    implements VolumeSource, PersistentVolumeSource {}
