package dev.volsim.core.world;

/**
 * The Linux error numbers the simulated file systems fail with, each with the text
 * {@code strerror(3)} gives on Linux (glibc), so a failed operation reads exactly as it would on a node.
 */
public enum Errno {
  EPERM("Operation not permitted"),
  ENOENT("No such file or directory"),
  EIO("Input/output error"),
  ENXIO("No such device or address"),
  EACCES("Permission denied"),
  EBUSY("Device or resource busy"),
  EEXIST("File exists"),
  EXDEV("Invalid cross-device link"),
  ENOTDIR("Not a directory"),
  EISDIR("Is a directory"),
  EINVAL("Invalid argument"),
  EFBIG("File too large"),
  ENOSPC("No space left on device"),
  EROFS("Read-only file system"),
  ENAMETOOLONG("File name too long"),
  ENOTEMPTY("Directory not empty"),
  ELOOP("Too many levels of symbolic links"),
  ETIMEDOUT("Connection timed out"),
  ESTALE("Stale file handle");

  private final String message;

  Errno(String message) {
    this.message = message;
  }

  /** Linux's text for this error, e.g. {@code Permission denied}. */
  public String message() {
    return message;
  }
}
