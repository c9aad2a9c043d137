package dev.volsim.model.core;

/**
 * The state of a pending ControllerModifyVolume operation of a claim.
 *
 * @param targetVolumeAttributesClassName the class being applied
 * @param status Pending, InProgress or Infeasible
 */
public record ModifyVolumeStatus(String targetVolumeAttributesClassName, String status) {}
