package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;

/**
 * An image present on a node.
 *
 * @param names the image's names and digests
 * @param sizeBytes its size
 */
public record ContainerImage(ImmutableList<String> names, long sizeBytes) {
  public ContainerImage {
    names = Immutables.list(names);
  }
}
