package dev.volsim.model.volume;

import dev.volsim.model.WireName;

/**
 * {@code vsphereVolume}: a vSphere VMDK.
 *
 * @param volumePath the VMDK's path; required
 * @param fsType the filesystem to mount
 * @param storagePolicyName the storage policy-based management profile's name
 * @param storagePolicyID the storage policy-based management profile's id
 */
@WireName("vsphereVolume")
public record VsphereVirtualDiskVolumeSource(String volumePath, String fsType, String storagePolicyName, String storagePolicyID)
    implements VolumeSource, PersistentVolumeSource {}
