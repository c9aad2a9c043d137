package dev.volsim.model.core;

import java.time.Instant;

/**
 * The observed state of a PersistentVolume.
 *
 * @param phase the lifecycle phase; defaults to Pending
 * @param message a human-readable reason for the phase
 * @param reason a brief CamelCase reason for a failure
 * @param lastPhaseTransitionTime when the phase last changed
 */
public record PersistentVolumeStatus(
    PersistentVolumePhase phase, String message, String reason, Instant lastPhaseTransitionTime) {
  public PersistentVolumeStatus {
    phase = phase == null ? PersistentVolumePhase.PENDING : phase;
  }
}
