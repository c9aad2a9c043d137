package dev.volsim.model.io;

import static java.util.Objects.requireNonNull;

/**
 * A place in an input file, 1-based, printed as {@code file:line:column} the way compilers and
 * {@code volsim validate} print it.
 *
 * @param file the file name as the user gave it
 * @param line 1-based line
 * @param column 1-based column
 */
public record Location(String file, int line, int column) {
  public Location {
    requireNonNull(file, "file is null");
  }

  /** The start of a file, for problems that concern the whole file. */
  public static Location startOf(String file) {
    return new Location(file, 1, 1);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
