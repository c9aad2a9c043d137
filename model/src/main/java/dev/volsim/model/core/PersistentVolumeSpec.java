package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.model.Immutables;
import dev.volsim.model.Inline;
import dev.volsim.model.Quantity;
import dev.volsim.model.volume.PersistentVolumeSource;

/**
 * The spec of a PersistentVolume.
 *
 * @param capacity the volume's capacity by resource name; only {@code storage}, required
 * @param source where the storage is, written inline ({@code nfs:}, {@code csi:}, ...); null only
 *     in an invalid object
 * @param accessModes how it can be mounted; at least one
 * @param claimRef the claim it is bound (or pre-bound) to
 * @param persistentVolumeReclaimPolicy what happens when the claim is released; defaults to Retain
 * @param storageClassName the class it belongs to; empty or null for no class
 * @param mountOptions mount options, passed as they are
 * @param volumeMode Block or Filesystem; defaults to Filesystem
 * @param nodeAffinity the nodes from which it can be used; required for local volumes
 * @param volumeAttributesClassName the VolumeAttributesClass it belongs to
 */
public record PersistentVolumeSpec(
    ImmutableSortedMap<String, Quantity> capacity,
    @Inline(fieldName = "volume type") PersistentVolumeSource source,
    ImmutableList<PersistentVolumeAccessMode> accessModes,
    ObjectReference claimRef,
    PersistentVolumeReclaimPolicy persistentVolumeReclaimPolicy,
    String storageClassName,
    ImmutableList<String> mountOptions,
    PersistentVolumeMode volumeMode,
    VolumeNodeAffinity nodeAffinity,
    String volumeAttributesClassName) {

  public PersistentVolumeSpec {
    capacity = Immutables.map(capacity);
    accessModes = Immutables.list(accessModes);
    persistentVolumeReclaimPolicy = persistentVolumeReclaimPolicy == null
        ? PersistentVolumeReclaimPolicy.RETAIN : persistentVolumeReclaimPolicy;
    mountOptions = Immutables.list(mountOptions);
    volumeMode = volumeMode == null ? PersistentVolumeMode.FILESYSTEM : volumeMode;
  }

  /** The class name, "" when the volume has none. */
  public String className() {
    return storageClassName == null ? "" : storageClassName;
  }
}
