package dev.volsim.model.io;

import static java.util.Objects.requireNonNull;

import dev.volsim.model.KubeObject;

/**
 * One object read from a file, with the map from its field paths to places in the file.
 *
 * @param object the decoded object, API defaults applied
 * @param sourceMap where its fields stood
 */
public record Manifest(KubeObject object, SourceMap sourceMap) {
  public Manifest {
    requireNonNull(object, "object is null");
    requireNonNull(sourceMap, "sourceMap is null");
  }

  /** Where the object starts. */
  public Location location() {
    return sourceMap.objectLocation();
  }
}
