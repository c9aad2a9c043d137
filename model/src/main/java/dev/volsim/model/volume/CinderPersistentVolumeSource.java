package dev.volsim.model.volume;

import dev.volsim.model.WireName;

/**
 * {@code cinder} in a PersistentVolume.
 *
 * @param volumeID the Cinder volume id; required
 * @param fsType the filesystem to mount
 * @param readOnly whether it is mounted read-only
 * @param secretRef the Secret with the OpenStack credentials (name and namespace required)
 */
@WireName("cinder")
public record CinderPersistentVolumeSource(String volumeID, String fsType, boolean readOnly, SecretReference secretRef)
    implements PersistentVolumeSource {}
