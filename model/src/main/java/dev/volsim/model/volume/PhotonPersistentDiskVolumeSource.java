package dev.volsim.model.volume;

import dev.volsim.model.WireName;

/**
 * {@code photonPersistentDisk}: a Photon Controller persistent disk.
 *
 * @param pdID the disk's id; required
 * @param fsType the filesystem to mount
 */
@WireName("photonPersistentDisk")
public record PhotonPersistentDiskVolumeSource(String pdID, String fsType) implements VolumeSource, PersistentVolumeSource {}
