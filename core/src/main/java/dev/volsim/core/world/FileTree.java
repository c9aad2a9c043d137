package dev.volsim.core.world;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * One in-memory file system: a root directory, a capacity in bytes of content, a used-bytes counter
 * updated in O(1) per write or removal, a file-system type and a read-only switch. Its operations
 * (inherited from {@link FileSystemView}) resolve paths from its own root; absolute symlinks inside it
 * resolve from that root too, as they would in a chroot. To see it as a process inside a container
 * does, mount it into a {@link MountNamespace}.
 *
 * <p>An empty tree is this object and its root directory: directories allocate their entry map on the
 * first entry and files allocate content when written, so a cluster of many untouched volumes holds
 * almost nothing. Directories iterate in name order; nothing reads a clock.
 */
public final class FileTree extends FileSystemView {
  /** Capacity meaning "no limit". */
  public static final long UNLIMITED = Long.MAX_VALUE;

  private final DirectoryInode root;
  private final String fsType;
  private final long capacity;
  private long used;
  private boolean readOnly;

  private FileTree(String fsType, long capacity, int rootMode, int rootUid, int rootGid) {
    this.fsType = fsType;
    this.capacity = capacity;
    this.root = new DirectoryInode(rootMode, rootUid, rootGid);
  }

  /** An unlimited ext4 tree whose root is {@code 0755 root:root}. */
  public static FileTree create() {
    return new FileTree("ext4", UNLIMITED, 0755, 0, 0);
  }

  /**
   * A tree of this type and capacity whose root has this mode and owner.
   *
   * @param capacity bytes of content it holds, or {@link #UNLIMITED}
   */
  public static FileTree create(String fsType, long capacity, int rootMode, int rootUid, int rootGid) {
    requireNonNull(fsType, "fsType is null");
    checkArgument(capacity >= 0, "capacity is %s", capacity);
    checkArgument(rootMode >= 0 && rootMode <= 07777, "rootMode is %s", rootMode);
    checkArgument(rootUid >= 0 && rootGid >= 0, "root owner is %s:%s", rootUid, rootGid);
    return new FileTree(fsType, capacity, rootMode, rootUid, rootGid);
  }

  @Override
  Location rootLocation() {
    return new Location(root, this, false, CredentialsMapping.IDENTITY, this);
  }

  /** The file-system type ({@code ext4}, {@code xfs}, {@code tmpfs}). */
  public String fsType() {
    return fsType;
  }

  /** Bytes of content it holds at most ({@link #UNLIMITED} for no limit). */
  public long capacityBytes() {
    return capacity;
  }

  /** Bytes of content held now (files' sizes; directories and names count nothing). */
  public long usedBytes() {
    return used;
  }

  /** Bytes that can still be written. */
  public long freeBytes() {
    return capacity == UNLIMITED ? UNLIMITED - used : capacity - used;
  }

  /** Whether every write fails with {@code Read-only file system}. */
  public boolean isReadOnly() {
    return readOnly;
  }

  /** Makes the whole file system read-only or writable again ({@code mount -o remount,ro}). */
  public void setReadOnly(boolean readOnly) {
    this.readOnly = readOnly;
  }

  /** Whether nothing was ever created in it (or all was removed). */
  public boolean isEmpty() {
    return root.isEmpty();
  }

  /** A source to mount this whole tree, read-write, as itself. */
  public MountSource asMountSource() {
    return new MountSource(this, "/", false, CredentialsMapping.IDENTITY, fsType, fsType);
  }

  /**
   * Creates declared files as root: missing parents as {@code 0755 root:root} directories, then each
   * file with its type, content, mode and owner. Paths are taken relative to {@code base} (a leading
   * {@code /} is ignored); an existing directory declared again only gets the declared mode and owner.
   *
   * @throws FsException if a file cannot be made (a parent is a file, the tree is full or read-only)
   */
  public void populate(String base, Iterable<FileSpec> files) {
    for (FileSpec spec : files) {
      String path = PathWalker.normalize(base + "/" + spec.path());
      checkArgument(!path.equals("/"), "cannot declare the root as a file: %s", spec.path());
      String parent = path.substring(0, path.lastIndexOf('/'));
      if (!parent.isEmpty()) {
        mkdirs(parent, CREATE_DIR_MODE, Credentials.ROOT);
      }
      switch (spec.type()) {
        case DIRECTORY -> {
          if (!exists(path, Credentials.ROOT) || stat(path, Credentials.ROOT).type() != FileType.DIRECTORY) {
            mkdir(path, spec.effectiveMode(), Credentials.ROOT);
          }
        }
        case REGULAR_FILE -> {
          if (spec.content() != null) {
            write(path, spec.content(), Credentials.ROOT);
          } else {
            writeFiller(path, Math.max(0, spec.size()), Credentials.ROOT);
          }
        }
        case SYMLINK -> symlink(path, spec.target(), Credentials.ROOT);
        case SOCKET, CHAR_DEVICE, BLOCK_DEVICE -> mknod(path, spec.type(), spec.effectiveMode(), Credentials.ROOT);
      }
      Inode inode = PathWalker.resolve(this, path, Credentials.ROOT, false, false).target().inode();
      if (spec.type() != FileType.SYMLINK) {
        inode.mode = spec.effectiveMode();
      }
      inode.uid = spec.uid();
      inode.gid = spec.gid();
    }
  }

  /** {@link #populate(String, Iterable)} from the root. */
  public void populate(Iterable<FileSpec> files) {
    populate("/", files);
  }

  void charge(long bytes) {
    used += bytes;
  }

  void release(long bytes) {
    used -= bytes;
    if (used < 0) {
      throw new IllegalStateException("used bytes went negative: " + used);
    }
  }

  @Override
  public String toString() {
    return "FileTree{" + fsType + ", used=" + used + (capacity == UNLIMITED ? "" : "/" + capacity)
        + (readOnly ? ", ro" : "") + "}";
  }
}
