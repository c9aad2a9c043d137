package dev.volsim.model.volume;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;
import dev.volsim.model.WireName;

/**
 * {@code projected}: several secret, configMap, downwardAPI, serviceAccountToken and
 * clusterTrustBundle sources merged into one directory.
 *
 * @param sources the projections, each with exactly one source
 * @param defaultMode the files' permission bits, 0 to 0777; defaults to 0644 (420)
 */
@WireName("projected")
public record ProjectedVolumeSource(ImmutableList<VolumeProjection> sources, Integer defaultMode)
    implements VolumeSource {
  public ProjectedVolumeSource {
    sources = Immutables.list(sources);
    defaultMode = defaultMode == null ? SecretVolumeSource.DEFAULT_MODE : defaultMode;
  }
}
