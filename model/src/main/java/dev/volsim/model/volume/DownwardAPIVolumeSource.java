package dev.volsim.model.volume;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;
import dev.volsim.model.WireName;

/**
 * {@code downwardAPI}: Pod fields and container resources written as files.
 *
 * @param items the files
 * @param defaultMode the files' permission bits, 0 to 0777; defaults to 0644 (420)
 */
@WireName("downwardAPI")
public record DownwardAPIVolumeSource(ImmutableList<DownwardAPIVolumeFile> items, Integer defaultMode)
    implements VolumeSource {
  public DownwardAPIVolumeSource {
    items = Immutables.list(items);
    defaultMode = defaultMode == null ? SecretVolumeSource.DEFAULT_MODE : defaultMode;
  }
}
