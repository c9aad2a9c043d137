package dev.volsim.model.volume;

import dev.volsim.model.WireName;

/**
 * {@code gcePersistentDisk}: a GCE persistent disk, attached to the node then mounted.
 *
 * @param pdName the disk's name in GCE; required
 * @param fsType the filesystem to mount (ext4 when empty)
 * @param partition the partition to mount, 1 to 255; 0 for the whole disk
 * @param readOnly whether it is mounted read-only
 */
@WireName("gcePersistentDisk")
public record GCEPersistentDiskVolumeSource(String pdName, String fsType, int partition, boolean readOnly)
    implements VolumeSource, PersistentVolumeSource {}
