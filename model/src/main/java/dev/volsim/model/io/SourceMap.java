package dev.volsim.model.io;

import dev.volsim.model.validation.ErrorType;
import dev.volsim.model.validation.FieldError;
import dev.volsim.model.validation.FieldPath;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each field of one decoded object stood in its file, so validation errors (which know only
 * field paths) can name a line and column. Lookup only; never iterated.
 */
public final class SourceMap {
  private final Location objectLocation;
  private final Map<String, Location> byPath = new HashMap<>();
  private final Map<String, Location> duplicates = new HashMap<>();

  SourceMap(Location objectLocation) {
    this.objectLocation = objectLocation;
  }

  /** A map that knows only where the object starts (for objects built in Java). */
  public static SourceMap of(Location objectLocation) {
    return new SourceMap(objectLocation);
  }

  void put(FieldPath path, Location location) {
    byPath.putIfAbsent(path.toString(), location);
  }

  void putDuplicate(FieldPath path, Location location) {
    duplicates.putIfAbsent(path.toString(), location);
  }

  /** Where an error belongs: a duplicate field at its second occurrence, others at the field. */
  public Location locate(FieldError error) {
    if (error.type() == ErrorType.DUPLICATE_FIELD) {
      Location l = duplicates.get(error.field().toString());
      if (l != null) {
        return l;
      }
    }
    return locate(error.field());
  }

  /**
   * The location of the field, or of its nearest enclosing field that was in the file, or of the
   * object itself.
   */
  public Location locate(FieldPath path) {
    FieldPath p = path;
    while (!p.isRoot()) {
      Location l = byPath.get(p.toString());
      if (l != null) {
        return l;
      }
      p = p.parent();
    }
    return objectLocation;
  }

  /** Where the object starts. */
  public Location objectLocation() {
    return objectLocation;
  }
}
