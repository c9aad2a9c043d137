package dev.volsim.model.volume;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;

/**
 * Pod fields and container resources in a projected volume.
 *
 * @param items the files
 */
public record DownwardAPIProjection(ImmutableList<DownwardAPIVolumeFile> items) {
  public DownwardAPIProjection {
    items = Immutables.list(items);
  }
}
