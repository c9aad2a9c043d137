package dev.volsim.core.world;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A file a scenario declares on a node, an NFS export, a disk or a git commit ({@code files:}
 * entries): created as root before the story starts.
 *
 * @param path where, absolute or relative to the tree or export it is declared in
 * @param type what kind of file
 * @param content a regular file's text, or null
 * @param size a regular file's size in bytes of filler when {@code content} is null, else -1
 * @param mode permission bits, or -1 for the default (0644 files, 0755 directories, 0777 symlinks)
 * @param uid owner
 * @param gid group
 * @param target a symlink's target, or null
 */
public record FileSpec(String path, FileType type, String content, long size, int mode, int uid, int gid,
    String target) {
  public FileSpec {
    requireNonNull(path, "path is null");
    requireNonNull(type, "type is null");
    checkArgument(!path.isEmpty(), "path is empty");
    checkArgument(type != FileType.SYMLINK || target != null, "symlink %s has no target", path);
    checkArgument(mode >= -1 && mode <= 07777, "mode is %s", mode);
  }

  /** A root-owned regular file with this text, mode 0644. */
  public static FileSpec file(String path, String content) {
    return new FileSpec(path, FileType.REGULAR_FILE, content, -1, -1, 0, 0, null);
  }

  /** A root-owned regular file of {@code size} bytes of filler, mode 0644. */
  public static FileSpec filler(String path, long size) {
    checkArgument(size >= 0, "size is %s", size);
    return new FileSpec(path, FileType.REGULAR_FILE, null, size, -1, 0, 0, null);
  }

  /** A root-owned directory, mode 0755. */
  public static FileSpec directory(String path) {
    return new FileSpec(path, FileType.DIRECTORY, null, -1, -1, 0, 0, null);
  }

  /** A root-owned symlink to {@code target}. */
  public static FileSpec symlink(String path, String target) {
    return new FileSpec(path, FileType.SYMLINK, null, -1, -1, 0, 0, target);
  }

  /** A root-owned special file (socket, char or block device), mode 0644 unless given. */
  public static FileSpec special(String path, FileType type) {
    checkArgument(type == FileType.SOCKET || type == FileType.CHAR_DEVICE || type == FileType.BLOCK_DEVICE,
        "%s is not a special file type", type);
    return new FileSpec(path, type, null, -1, -1, 0, 0, null);
  }

  /** The same file with this mode. */
  public FileSpec withMode(int newMode) {
    return new FileSpec(path, type, content, size, newMode, uid, gid, target);
  }

  /** The same file owned by {@code newUid}:{@code newGid}. */
  public FileSpec withOwner(int newUid, int newGid) {
    return new FileSpec(path, type, content, size, mode, newUid, newGid, target);
  }

  /** The mode this file gets: the given one or its type's default. */
  public int effectiveMode() {
    if (mode >= 0) {
      return mode;
    } else if (type == FileType.DIRECTORY) {
      return 0755;
    } else if (type == FileType.SYMLINK) {
      return 0777;
    } else {
      return 0644;
    }
  }
}
