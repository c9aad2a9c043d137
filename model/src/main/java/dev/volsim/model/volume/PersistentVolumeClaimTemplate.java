package dev.volsim.model.volume;

import dev.volsim.model.ObjectMeta;
import dev.volsim.model.core.PersistentVolumeClaimSpec;

/**
 * The claim an ephemeral volume creates.
 *
 * @param metadata labels and annotations copied to the claim (no other field may be set)
 * @param spec the claim's spec, copied unchanged
 */
public record PersistentVolumeClaimTemplate(ObjectMeta metadata, PersistentVolumeClaimSpec spec) {
  public PersistentVolumeClaimTemplate {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = spec == null ? new PersistentVolumeClaimSpec(null, null, null, null, null, null, null, null, null) : spec;
  }
}
