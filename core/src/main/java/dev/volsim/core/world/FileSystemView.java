package dev.volsim.core.world;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * File operations as a process performs them, with Linux's permission rules and error numbers: on a
 * single {@link FileTree}, or through a {@link MountNamespace} (a container's view). Every operation
 * takes the caller's {@link Credentials}; each failure is an {@link FsException} whose {@link Errno}
 * and text are what Linux reports. Paths are absolute (a relative path is taken from the root).
 *
 * <p>Checks follow the kernel's order: lookup (search permission on each directory, ENOENT,
 * ENOTDIR, ELOOP), then EISDIR for writes to directories, then EROFS, then EACCES, then EPERM for
 * sticky directories and ownership changes. New files get mode 0644 and new directories 0755 (a
 * process's usual umask 022 applied), the caller's uid, and the caller's gid or, below a set-group-ID
 * directory, that directory's gid (new directories inherit the bit).
 */
public abstract sealed class FileSystemView permits FileTree, MountNamespace {
  /** Mode of a file created by {@code write}: 0666 with umask 022. */
  static final int CREATE_FILE_MODE = 0644;
  /** Mode of a directory made by {@code mkdir}: 0777 with umask 022. */
  static final int CREATE_DIR_MODE = 0755;

  FileSystemView() {}

  /** Where resolution starts. */
  abstract Location rootLocation();

  /** What is mounted exactly at {@code path} (normalized), or null. */
  Location mountedAt(String path) {
    return null;
  }

  /** Whether {@link #mountedAt} can return anything (a plain tree skips the lookups). */
  boolean hasMounts() {
    return false;
  }

  // ---- reading

  /**
   * The content of a file, following symlinks; filler reads as zero bytes, a device as empty.
   *
   * @throws FsException EACCES without read permission, EISDIR for a directory, ENXIO for a socket,
   *     and any lookup error
   */
  public final byte[] read(String path, Credentials as) {
    Location target = lookup(path, as, true).target();
    Credentials mapped = target.mapping().map(as);
    if (!Permissions.allowed(target.inode(), mapped, Permissions.READ)) {
      throw new FsException(Errno.EACCES, path);
    }
    if (target.inode() instanceof RegularFileInode file) {
      return file.read(path);
    } else if (target.inode() instanceof DirectoryInode) {
      throw new FsException(Errno.EISDIR, path);
    } else if (target.inode().type() == FileType.SOCKET) {
      throw new FsException(Errno.ENXIO, path);
    } else {
      return new byte[0];
    }
  }

  /** {@link #read} decoded as UTF-8. */
  public final String readString(String path, Credentials as) {
    return new String(read(path, as), StandardCharsets.UTF_8);
  }

  /**
   * The names in a directory, sorted, without {@code .} and {@code ..}.
   *
   * @throws FsException ENOTDIR if it is not a directory, EACCES without read permission
   */
  public final List<String> list(String path, Credentials as) {
    Location target = lookup(path, as, true).target();
    if (!(target.inode() instanceof DirectoryInode directory)) {
      throw new FsException(Errno.ENOTDIR, path);
    }
    if (!Permissions.allowed(directory, target.mapping().map(as), Permissions.READ)) {
      throw new FsException(Errno.EACCES, path);
    }
    return directory.names();
  }

  /** {@code stat(2)}: follows symlinks. Needs only search permission on the directories passed. */
  public final Stat stat(String path, Credentials as) {
    return lookup(path, as, true).target().inode().stat();
  }

  /** {@code lstat(2)}: a symlink as last component is described, not followed. */
  public final Stat lstat(String path, Credentials as) {
    return lookup(path, as, false).target().inode().stat();
  }

  /** Whether {@code stat} succeeds ({@code test -e}): false for dangling symlinks and unsearchable paths. */
  public final boolean exists(String path, Credentials as) {
    try {
      stat(path, as);
      return true;
    } catch (FsException e) {
      return false;
    }
  }

  /**
   * A symlink's target.
   *
   * @throws FsException EINVAL if it is not a symlink
   */
  public final String readlink(String path, Credentials as) {
    Location target = lookup(path, as, false).target();
    if (target.inode() instanceof SymlinkInode link) {
      return link.target;
    } else {
      throw new FsException(Errno.EINVAL, path);
    }
  }

  // ---- writing content

  /**
   * Creates or truncates a file and writes {@code content} (a shell's {@code >}). A symlink is
   * followed, a dangling one creates its target. When the file system fills up, the bytes that fit
   * stay written and ENOSPC is thrown.
   *
   * @throws FsException EISDIR, EROFS, EACCES, ENOSPC, ENXIO (socket), or any lookup error
   */
  public final void write(String path, byte[] content, Credentials as) {
    writeData(path, requireNonNull(content, "content is null"), 0, false, as);
  }

  /** {@link #write(String, byte[], Credentials)} of the UTF-8 bytes of {@code content}. */
  public final void write(String path, String content, Credentials as) {
    write(path, content.getBytes(StandardCharsets.UTF_8), as);
  }

  /** Creates or truncates a file and writes {@code size} bytes of filler, none of them allocated. */
  public final void writeFiller(String path, long size, Credentials as) {
    checkArgument(size >= 0, "size is %s", size);
    writeData(path, null, size, false, as);
  }

  /** Appends to a file, creating it if missing (a shell's {@code >>}); otherwise as {@code write}. */
  public final void append(String path, byte[] content, Credentials as) {
    writeData(path, requireNonNull(content, "content is null"), 0, true, as);
  }

  /** {@link #append(String, byte[], Credentials)} of the UTF-8 bytes of {@code content}. */
  public final void append(String path, String content, Credentials as) {
    append(path, content.getBytes(StandardCharsets.UTF_8), as);
  }

  /** Appends {@code size} bytes of filler. */
  public final void appendFiller(String path, long size, Credentials as) {
    checkArgument(size >= 0, "size is %s", size);
    writeData(path, null, size, true, as);
  }

  private void writeData(String path, byte[] bytes, long filler, boolean append, Credentials as) {
    PathWalker.Resolved resolved = PathWalker.resolve(this, path, as, true, true);
    Location at;
    RegularFileInode file;
    if (resolved.target() == null) {
      if (resolved.trailingSlash()) {
        throw new FsException(Errno.EISDIR, path);
      }
      Location parent = resolved.parent();
      Credentials mapped = checkCreate(parent, path, as);
      DirectoryInode directory = (DirectoryInode) parent.inode();
      file = new RegularFileInode(CREATE_FILE_MODE, mapped.uid(), newGid(directory, mapped));
      directory.put(resolved.name(), file);
      at = parent.withInode(file);
    } else {
      at = resolved.target();
      Inode inode = at.inode();
      if (inode instanceof DirectoryInode) {
        throw new FsException(Errno.EISDIR, path);
      } else if (inode.type() == FileType.SOCKET) {
        throw new FsException(Errno.ENXIO, path);
      } else if (at.readOnlyFs()) {
        throw new FsException(Errno.EROFS, path);
      } else if (!Permissions.allowed(inode, at.mapping().map(as), Permissions.WRITE)) {
        throw new FsException(Errno.EACCES, path);
      } else if (!(inode instanceof RegularFileInode regular)) {
        return; // a device node swallows what is written to it
      } else {
        file = regular;
      }
      if (!append) {
        at.tree().release(file.size());
        file.truncate();
      }
    }
    FileTree tree = at.tree();
    long wanted = bytes == null ? filler : bytes.length;
    long fits = Math.min(wanted, tree.freeBytes());
    if (bytes == null) {
      file.appendFiller(fits);
    } else {
      file.append(bytes, (int) fits);
    }
    tree.charge(fits);
    if (fits < wanted) {
      throw new FsException(Errno.ENOSPC, path);
    }
  }

  // ---- directories and names

  /** {@code mkdir} with mode 0755. */
  public final void mkdir(String path, Credentials as) {
    mkdir(path, CREATE_DIR_MODE, as);
  }

  /**
   * Makes a directory with exactly {@code mode} (plus set-group-ID below a set-group-ID directory).
   *
   * @throws FsException EEXIST if the name exists (even as a dangling symlink), EROFS, EACCES
   */
  public final void mkdir(String path, int mode, Credentials as) {
    PathWalker.Resolved resolved = PathWalker.resolve(this, path, as, false, true);
    if (resolved.target() != null) {
      throw new FsException(Errno.EEXIST, path);
    }
    Location parent = resolved.parent();
    Credentials mapped = checkCreate(parent, path, as);
    DirectoryInode directory = (DirectoryInode) parent.inode();
    int inherited = directory.mode & Modes.S_ISGID;
    directory.put(resolved.name(), new DirectoryInode(mode | inherited, mapped.uid(), newGid(directory, mapped)));
  }

  /** {@code mkdir -p} with mode 0755. */
  public final void mkdirs(String path, Credentials as) {
    mkdirs(path, CREATE_DIR_MODE, as);
  }

  /**
   * {@code mkdir -p}: makes each missing directory of {@code path}; existing directories (also
   * through symlinks) are fine.
   *
   * @throws FsException EEXIST if the last component exists but is not a directory, ENOTDIR if an
   *     earlier one is not, and any error of {@link #mkdir}
   */
  public final void mkdirs(String path, int mode, Credentials as) {
    List<String> parts = PathWalker.components(path);
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      prefix.append('/').append(parts.get(i));
      String current = prefix.toString();
      Stat existing;
      try {
        existing = stat(current, as);
      } catch (FsException e) {
        if (e.errno() != Errno.ENOENT) {
          throw new FsException(e.errno(), path);
        }
        mkdir(current, mode, as);
        continue;
      }
      if (existing.type() != FileType.DIRECTORY) {
        throw new FsException(i == parts.size() - 1 ? Errno.EEXIST : Errno.ENOTDIR, path);
      }
    }
  }

  /**
   * Removes a file, symlink, special file or empty directory ({@code unlink}/{@code rmdir}); a symlink
   * itself is removed, not its target.
   *
   * @throws FsException ENOENT, EROFS, EACCES (no write and search permission on the directory),
   *     EPERM (sticky directory, not the owner), ENOTEMPTY, EBUSY (a mount point or the root)
   */
  public final void remove(String path, Credentials as) {
    PathWalker.Resolved resolved = PathWalker.resolve(this, path, as, false, false);
    if (resolved.parent() == null) {
      throw new FsException(Errno.EBUSY, path);
    }
    Location parent = resolved.parent();
    Inode target = resolved.target().inode();
    checkDelete(parent, target, path, as);
    if (resolved.isMountRoot()) {
      throw new FsException(Errno.EBUSY, path);
    } else if (target instanceof DirectoryInode directory && !directory.isEmpty()) {
      throw new FsException(Errno.ENOTEMPTY, path);
    }
    resolved.target().tree().release(target.size());
    ((DirectoryInode) parent.inode()).remove(resolved.name());
  }

  /**
   * {@code rm -r}: removes a directory's content depth first, then the directory; stops at the first
   * failure (what was removed stays removed). Descends into mounts below, as {@code rm} does, and then
   * fails on their mount points with EBUSY.
   */
  public final void removeAll(String path, Credentials as) {
    if (lstat(path, as).type() == FileType.DIRECTORY) {
      for (String name : list(path, as)) {
        removeAll(path.endsWith("/") ? path + name : path + "/" + name, as);
      }
    }
    remove(path, as);
  }

  /**
   * {@code rename(2)}: moves an entry, replacing an existing destination of a compatible type.
   *
   * @throws FsException EXDEV across mounts, EROFS, EACCES, EPERM (sticky), ENOTDIR (directory onto a
   *     non-directory), EISDIR (non-directory onto a directory), ENOTEMPTY, EINVAL (a directory into
   *     itself), EBUSY (a mount point)
   */
  public final void rename(String from, String to, Credentials as) {
    PathWalker.Resolved source = PathWalker.resolve(this, from, as, false, false);
    PathWalker.Resolved destination = PathWalker.resolve(this, to, as, false, true);
    if (source.isMountRoot()) {
      throw new FsException(Errno.EBUSY, from);
    } else if (destination.parent() == null) {
      throw new FsException(Errno.EBUSY, to);
    }
    Location sourceParent = source.parent();
    Location destinationParent = destination.parent();
    Inode moved = source.target().inode();
    if (sourceParent.device() != destinationParent.device()) {
      throw new FsException(Errno.EXDEV, from);
    } else if (destination.target() != null && destination.target().inode() == moved) {
      return; // the same file: rename(2) does nothing
    }
    checkDelete(sourceParent, moved, from, as);
    Inode replaced = destination.target() == null ? null : destination.target().inode();
    if (replaced == null) {
      checkCreate(destinationParent, to, as);
    } else {
      checkDelete(destinationParent, replaced, to, as);
    }
    boolean movedIsDirectory = moved instanceof DirectoryInode;
    if (movedIsDirectory && sourceParent.inode() != destinationParent.inode()
        && !Permissions.allowed(moved, sourceParent.mapping().map(as), Permissions.WRITE)) {
      throw new FsException(Errno.EACCES, from); // its ".." entry changes
    }
    if (replaced != null) {
      if (destination.isMountRoot()) {
        throw new FsException(Errno.EBUSY, to);
      } else if (movedIsDirectory && !(replaced instanceof DirectoryInode)) {
        throw new FsException(Errno.ENOTDIR, to);
      } else if (!movedIsDirectory && replaced instanceof DirectoryInode) {
        throw new FsException(Errno.EISDIR, to);
      } else if (replaced instanceof DirectoryInode directory && !directory.isEmpty()) {
        throw new FsException(Errno.ENOTEMPTY, to);
      }
    }
    if (movedIsDirectory && (destination.ancestors().contains(moved))) {
      throw new FsException(Errno.EINVAL, from);
    }
    if (replaced != null) {
      destinationParent.tree().release(replaced.size());
    }
    ((DirectoryInode) sourceParent.inode()).remove(source.name());
    ((DirectoryInode) destinationParent.inode()).put(destination.name(), moved);
  }

  /**
   * {@code symlink(2)}: makes {@code path} a symlink to {@code target} (not checked to exist).
   *
   * @throws FsException EEXIST, ENOENT for an empty target, EROFS, EACCES
   */
  public final void symlink(String path, String target, Credentials as) {
    requireNonNull(target, "target is null");
    PathWalker.Resolved resolved = PathWalker.resolve(this, path, as, false, true);
    if (resolved.target() != null) {
      throw new FsException(Errno.EEXIST, path);
    } else if (target.isEmpty()) {
      throw new FsException(Errno.ENOENT, path);
    }
    Location parent = resolved.parent();
    Credentials mapped = checkCreate(parent, path, as);
    DirectoryInode directory = (DirectoryInode) parent.inode();
    directory.put(resolved.name(), new SymlinkInode(target, mapped.uid(), newGid(directory, mapped)));
  }

  /**
   * {@code mknod(2)} for a socket, character or block device.
   *
   * @throws FsException EEXIST, EROFS, EACCES, EPERM for a device made by anyone but root
   *     ({@code CAP_MKNOD})
   */
  public final void mknod(String path, FileType type, int mode, Credentials as) {
    checkArgument(type == FileType.SOCKET || type == FileType.CHAR_DEVICE || type == FileType.BLOCK_DEVICE,
        "mknod makes sockets and devices, not %s", type);
    PathWalker.Resolved resolved = PathWalker.resolve(this, path, as, false, true);
    if (resolved.target() != null) {
      throw new FsException(Errno.EEXIST, path);
    }
    Location parent = resolved.parent();
    Credentials mapped = checkCreate(parent, path, as);
    if (type != FileType.SOCKET && !mapped.isRoot()) {
      throw new FsException(Errno.EPERM, path);
    }
    DirectoryInode directory = (DirectoryInode) parent.inode();
    directory.put(resolved.name(), new SpecialInode(type, mode, mapped.uid(), newGid(directory, mapped)));
  }

  // ---- attributes

  /**
   * {@code chmod(2)}, following symlinks. Only the owner or root may; a non-root caller outside the
   * file's group silently loses the set-group-ID bit on a non-directory.
   *
   * @throws FsException EROFS, EPERM
   */
  public final void chmod(String path, int mode, Credentials as) {
    checkArgument(mode >= 0 && mode <= 07777, "mode is %s", mode);
    Location target = lookup(path, as, true).target();
    if (target.readOnlyFs()) {
      throw new FsException(Errno.EROFS, path);
    }
    Credentials mapped = target.mapping().map(as);
    Inode inode = target.inode();
    if (!mapped.isRoot() && mapped.uid() != inode.uid) {
      throw new FsException(Errno.EPERM, path);
    }
    int newMode = mode;
    if (!mapped.isRoot() && !(inode instanceof DirectoryInode) && !mapped.inGroup(inode.gid)) {
      newMode &= ~Modes.S_ISGID;
    }
    inode.mode = newMode;
  }

  /**
   * {@code chown(2)}, following symlinks; -1 leaves the uid or gid as it is. Root may give any owner;
   * the owner may only change the group to one of its own groups. A change clears set-user-ID (and
   * set-group-ID if group-executable) on a non-directory.
   *
   * @throws FsException EROFS, EPERM
   */
  public final void chown(String path, int uid, int gid, Credentials as) {
    changeOwner(lookup(path, as, true).target(), path, uid, gid, as);
  }

  /** {@code lchown(2)}: as {@link #chown} but a symlink itself changes owner. */
  public final void lchown(String path, int uid, int gid, Credentials as) {
    changeOwner(lookup(path, as, false).target(), path, uid, gid, as);
  }

  private static void changeOwner(Location target, String path, int uid, int gid, Credentials as) {
    checkArgument(uid >= -1 && gid >= -1, "uid %s gid %s", uid, gid);
    if (target.readOnlyFs()) {
      throw new FsException(Errno.EROFS, path);
    }
    Inode inode = target.inode();
    Credentials mapped = target.mapping().map(as);
    boolean uidChanges = uid != -1 && uid != inode.uid;
    boolean gidChanges = gid != -1 && gid != inode.gid;
    if (!mapped.isRoot()) {
      if (uidChanges || ((uid != -1 || gid != -1) && mapped.uid() != inode.uid)
          || (gidChanges && !mapped.inGroup(gid))) {
        throw new FsException(Errno.EPERM, path);
      }
    }
    if (uid != -1) {
      inode.uid = uid;
    }
    if (gid != -1) {
      inode.gid = gid;
    }
    if ((uid != -1 || gid != -1) && inode instanceof RegularFileInode) {
      inode.mode &= ~Modes.S_ISUID;
      if ((inode.mode & 0010) != 0) {
        inode.mode &= ~Modes.S_ISGID;
      }
    }
  }

  // ---- shared checks

  private PathWalker.Resolved lookup(String path, Credentials as, boolean follow) {
    requireNonNull(path, "path is null");
    requireNonNull(as, "as is null");
    return PathWalker.resolve(this, path, as, follow, false);
  }

  /** EROFS, then write and search permission on the directory; returns the mapped credentials. */
  private static Credentials checkCreate(Location parent, String path, Credentials as) {
    if (parent.readOnlyFs()) {
      throw new FsException(Errno.EROFS, path);
    }
    Credentials mapped = parent.mapping().map(as);
    if (!Permissions.allowed(parent.inode(), mapped, Permissions.WRITE | Permissions.EXEC)) {
      throw new FsException(Errno.EACCES, path);
    }
    return mapped;
  }

  /** Linux's {@code may_delete}: EROFS, write and search permission, then the sticky bit (EPERM). */
  private static void checkDelete(Location parent, Inode victim, String path, Credentials as) {
    Credentials mapped = checkCreate(parent, path, as);
    Inode directory = parent.inode();
    if ((directory.mode & Modes.S_ISVTX) != 0 && !mapped.isRoot()
        && mapped.uid() != victim.uid && mapped.uid() != directory.uid) {
      throw new FsException(Errno.EPERM, path);
    }
  }

  private static int newGid(DirectoryInode parent, Credentials mapped) {
    return (parent.mode & Modes.S_ISGID) != 0 ? parent.gid : mapped.gid();
  }
}
