package dev.volsim.model.core;

import java.time.Instant;

/**
 * A condition of a claim (Resizing, FileSystemResizePending, ModifyingVolume, ...).
 *
 * @param type the condition's type
 * @param status True, False or Unknown
 * @param lastProbeTime when the condition was last probed
 * @param lastTransitionTime when the status last changed
 * @param reason a brief CamelCase reason
 * @param message a human-readable message
 */
public record PersistentVolumeClaimCondition(
    String type, String status, Instant lastProbeTime, Instant lastTransitionTime, String reason, String message) {}
