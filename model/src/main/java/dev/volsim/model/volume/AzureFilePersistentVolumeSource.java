package dev.volsim.model.volume;

import dev.volsim.model.WireName;

/**
 * {@code azureFile} in a PersistentVolume.
 *
 * @param secretName the Secret holding the storage account name and key; required
 * @param shareName the share's name; required
 * @param readOnly whether it is mounted read-only
 * @param secretNamespace the Secret's namespace; null for the Pod's, never empty
 */
@WireName("azureFile")
public record AzureFilePersistentVolumeSource(String secretName, String shareName, boolean readOnly, String secretNamespace)
    implements PersistentVolumeSource {}
