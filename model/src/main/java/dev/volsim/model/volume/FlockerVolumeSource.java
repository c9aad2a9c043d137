package dev.volsim.model.volume;

import dev.volsim.model.WireName;

/**
 * {@code flocker}: a Flocker dataset; exactly one of the two fields is set.
 *
 * @param datasetName the dataset's name (no '/')
 * @param datasetUUID the dataset's UUID
 */
@WireName("flocker")
public record FlockerVolumeSource(String datasetName, String datasetUUID)
    implements VolumeSource, PersistentVolumeSource {}
