package dev.volsim.core.world;

import static java.util.Objects.requireNonNull;

/**
 * A failed file-system operation: an {@link Errno} and the path it concerns. The message is
 * {@code <path>: <Linux text>} ({@code /data/x: Permission denied}) unless a whole message was given,
 * as for mount failures that quote the mount helper ({@code mount.nfs: access denied by server ...}).
 */
public final class FsException extends RuntimeException {
  private final Errno errno;
  private final String path;

  /** A failure of an operation on {@code path}, worded {@code <path>: <Linux text>}. */
  public FsException(Errno errno, String path) {
    this(errno, path, path + ": " + requireNonNull(errno, "errno is null").message());
  }

  /** A failure with a message of its own (a mount helper's words). */
  public FsException(Errno errno, String path, String message) {
    super(message, null, false, false);
    this.errno = requireNonNull(errno, "errno is null");
    this.path = requireNonNull(path, "path is null");
  }

  /** The error number. */
  public Errno errno() {
    return errno;
  }

  /** The path the failing operation concerned, as the caller named it. */
  public String path() {
    return path;
  }
}
