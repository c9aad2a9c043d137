package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;

/**
 * The spec of a PersistentVolumeClaim, also used by ephemeral volumes and StatefulSet claim
 * templates.
 *
 * @param accessModes the access modes the volume must offer; at least one
 * @param selector a label query over the volumes to consider
 * @param resources the storage asked for; {@code requests.storage} required
 * @param volumeName the volume to bind to (pre-binding); set by the controller when bound
 * @param storageClassName the class asked for: null means unset (the default class may be
 *     assigned), {@code ""} explicitly no class. Keep the two apart.
 * @param volumeMode Block or Filesystem; defaults to Filesystem
 * @param dataSource a VolumeSnapshot or PVC to populate the volume from
 * @param dataSourceRef any populator object to fill the volume from
 * @param volumeAttributesClassName the VolumeAttributesClass asked for
 */
public record PersistentVolumeClaimSpec(
    ImmutableList<PersistentVolumeAccessMode> accessModes,
    LabelSelector selector,
    VolumeResourceRequirements resources,
    String volumeName,
    String storageClassName,
    PersistentVolumeMode volumeMode,
    TypedLocalObjectReference dataSource,
    TypedObjectReference dataSourceRef,
    String volumeAttributesClassName) {

  public PersistentVolumeClaimSpec {
    accessModes = Immutables.list(accessModes);
    resources = resources == null ? new VolumeResourceRequirements(null, null) : resources;
    volumeMode = volumeMode == null ? PersistentVolumeMode.FILESYSTEM : volumeMode;
  }
}
