package dev.volsim.model.volume;

import dev.volsim.model.WireName;

/**
 * {@code persistentVolumeClaim}: the PersistentVolume bound to a claim in the Pod's namespace.
 *
 * @param claimName the claim's name; required
 * @param readOnly whether the volume is mounted read-only everywhere in the Pod
 */
@WireName("persistentVolumeClaim")
public record PersistentVolumeClaimVolumeSource(String claimName, boolean readOnly) implements VolumeSource {}
