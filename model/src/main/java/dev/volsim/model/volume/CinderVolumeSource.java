package dev.volsim.model.volume;

import dev.volsim.model.WireName;
import dev.volsim.model.core.LocalObjectReference;

/**
 * {@code cinder} in a Pod: an OpenStack Cinder volume.
 *
 * @param volumeID the Cinder volume id; required
 * @param fsType the filesystem to mount
 * @param readOnly whether it is mounted read-only
 * @param secretRef the Secret with the OpenStack credentials
 */
@WireName("cinder")
public record CinderVolumeSource(String volumeID, String fsType, boolean readOnly, LocalObjectReference secretRef)
    implements VolumeSource {}
