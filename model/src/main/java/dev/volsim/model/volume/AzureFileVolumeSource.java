package dev.volsim.model.volume;

import dev.volsim.model.WireName;

/**
 * {@code azureFile} in a Pod: an Azure File share.
 *
 * @param secretName the Secret holding the storage account name and key; required
 * @param shareName the share's name; required
 * @param readOnly whether it is mounted read-only
 */
@WireName("azureFile")
public record AzureFileVolumeSource(String secretName, String shareName, boolean readOnly) implements VolumeSource {}
