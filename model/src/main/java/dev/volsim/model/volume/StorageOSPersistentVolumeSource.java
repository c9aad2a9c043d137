package dev.volsim.model.volume;

import dev.volsim.model.WireName;
import dev.volsim.model.core.ObjectReference;

/**
 * {@code storageos} in a PersistentVolume.
 *
 * @param volumeName the volume's name in StorageOS, a DNS-1123 label; required
 * @param volumeNamespace the StorageOS namespace, a DNS-1123 label; empty for the Pod's
 * @param fsType the filesystem to mount
 * @param readOnly whether it is mounted read-only
 * @param secretRef the Secret with the StorageOS API credentials (name and namespace required)
 */
@WireName("storageos")
public record StorageOSPersistentVolumeSource(
    String volumeName, String volumeNamespace, String fsType, boolean readOnly, ObjectReference secretRef)
    implements PersistentVolumeSource {}
