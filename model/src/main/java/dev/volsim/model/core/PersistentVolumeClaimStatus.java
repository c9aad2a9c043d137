package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.model.Immutables;
import dev.volsim.model.Quantity;

/**
 * The observed state of a PersistentVolumeClaim.
 *
 * @param phase the lifecycle phase; defaults to Pending
 * @param accessModes the access modes of the bound volume
 * @param capacity the capacity of the bound volume
 * @param conditions the claim's conditions
 * @param allocatedResources the storage allocated to the claim (expansion)
 * @param allocatedResourceStatuses the state of resize operations, by resource name
 * @param currentVolumeAttributesClassName the VolumeAttributesClass in effect
 * @param modifyVolumeStatus the state of a pending volume modification
 */
public record PersistentVolumeClaimStatus(
    PersistentVolumeClaimPhase phase,
    ImmutableList<PersistentVolumeAccessMode> accessModes,
    ImmutableSortedMap<String, Quantity> capacity,
    ImmutableList<PersistentVolumeClaimCondition> conditions,
    ImmutableSortedMap<String, Quantity> allocatedResources,
    ImmutableSortedMap<String, String> allocatedResourceStatuses,
    String currentVolumeAttributesClassName,
    ModifyVolumeStatus modifyVolumeStatus) {

  public PersistentVolumeClaimStatus {
    phase = phase == null ? PersistentVolumeClaimPhase.PENDING : phase;
    accessModes = Immutables.list(accessModes);
    capacity = Immutables.map(capacity);
    conditions = Immutables.list(conditions);
    allocatedResources = Immutables.map(allocatedResources);
    allocatedResourceStatuses = Immutables.map(allocatedResourceStatuses);
  }
}
