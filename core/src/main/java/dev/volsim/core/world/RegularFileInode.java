package dev.volsim.core.world;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * A regular file. Content is a list of segments, each either real bytes or a length of filler (what
 * {@code size: 17Mi} writes), so a large filler file costs a few objects; filler reads as zero bytes.
 */
final class RegularFileInode extends Inode {
  /** byte[] or Long (filler length); null while empty. */
  private ArrayList<Object> segments;
  private long size;

  RegularFileInode(int mode, int uid, int gid) {
    super(mode, uid, gid);
  }

  @Override
  FileType type() {
    return FileType.REGULAR_FILE;
  }

  @Override
  long size() {
    return size;
  }

  void truncate() {
    segments = null;
    size = 0;
  }

  /** Appends the first {@code length} bytes of {@code bytes}. */
  void append(byte[] bytes, int length) {
    if (length == 0) {
      return;
    }
    add(length == bytes.length ? bytes.clone() : Arrays.copyOf(bytes, length));
    size += length;
  }

  /** Appends {@code length} bytes of filler. */
  void appendFiller(long length) {
    if (length == 0) {
      return;
    }
    add(length);
    size += length;
  }

  private void add(Object segment) {
    if (segments == null) {
      segments = new ArrayList<>(1);
    }
    segments.add(segment);
  }

  /**
   * The whole content, filler as zero bytes.
   *
   * @throws FsException {@link Errno#EFBIG} if it cannot be held in one array
   */
  byte[] read(String path) {
    if (size > Integer.MAX_VALUE - 8) {
      throw new FsException(Errno.EFBIG, path);
    }
    byte[] out = new byte[(int) size];
    if (segments == null) {
      return out;
    }
    int at = 0;
    for (Object segment : segments) {
      if (segment instanceof byte[] bytes) {
        System.arraycopy(bytes, 0, out, at, bytes.length);
        at += bytes.length;
      } else {
        at += (int) (long) (Long) segment;
      }
    }
    return out;
  }
}
