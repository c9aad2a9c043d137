package dev.volsim.model.volume;

import dev.volsim.model.WireName;

/**
 * {@code ephemeral}: a generic ephemeral volume. A controller creates a PVC named
 * {@code <pod>-<volume>}, owned by the Pod, from the template; it is deleted with the Pod.
 *
 * @param volumeClaimTemplate the claim to create; required
 */
@WireName("ephemeral")
public record EphemeralVolumeSource(PersistentVolumeClaimTemplate volumeClaimTemplate) implements VolumeSource {}
