package dev.volsim.model.volume;

import dev.volsim.model.WireName;

/**
 * {@code awsElasticBlockStore}: an AWS EBS volume, attached to the node then mounted.
 *
 * @param volumeID the EBS volume id; required
 * @param fsType the filesystem to mount (ext4 when empty)
 * @param partition the partition to mount; 0 for the whole disk
 * @param readOnly whether it is mounted read-only
 */
@WireName("awsElasticBlockStore")
public record AWSElasticBlockStoreVolumeSource(String volumeID, String fsType, int partition, boolean readOnly)
    implements VolumeSource, PersistentVolumeSource {}
