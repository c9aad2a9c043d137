package dev.volsim.model.volume;

import dev.volsim.model.WireName;

/**
 * {@code azureDisk}: an Azure data disk, attached to the node then mounted.
 *
 * @param diskName the data disk's name; required
 * @param diskURI the disk's URI: {@code /subscriptions/...} for managed disks, {@code https://}
 *     for blob disks; required
 * @param cachingMode the host caching; defaults to ReadWrite
 * @param fsType the filesystem to mount; defaults to ext4
 * @param readOnly whether it is mounted read-only; defaults to false
 * @param kind how the disk is stored; defaults to Shared
 */
@WireName("azureDisk")
public record AzureDiskVolumeSource(
    String diskName,
    String diskURI,
    AzureDataDiskCachingMode cachingMode,
    String fsType,
    Boolean readOnly,
    AzureDataDiskKind kind) implements VolumeSource, PersistentVolumeSource {
  public AzureDiskVolumeSource {
    cachingMode = cachingMode == null ? AzureDataDiskCachingMode.READ_WRITE : cachingMode;
    fsType = fsType == null ? "ext4" : fsType;
    readOnly = readOnly == null ? Boolean.FALSE : readOnly;
    kind = kind == null ? AzureDataDiskKind.SHARED : kind;
  }
}
