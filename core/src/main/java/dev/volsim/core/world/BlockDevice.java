package dev.volsim.core.world;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A block device outside the nodes: a cloud disk, an RBD image, an iSCSI or FC LUN, a CSI volume. It
 * has no file system until first formatted; formatting happens once (as kubelet's
 * {@code SafeFormatAndMount} formats only a blank device), so data survives every later mount, on
 * any node. The file system's capacity is the device's size.
 */
public final class BlockDevice {
  /** What kind of storage it is. */
  public enum Kind { CLOUD_DISK, RBD_IMAGE, ISCSI_LUN, FC_LUN, CSI_VOLUME }

  private final Kind kind;
  private final String id;
  private final long sizeBytes;
  private final String zone;
  private FileTree fileSystem;

  private BlockDevice(Kind kind, String id, long sizeBytes, String zone) {
    this.kind = requireNonNull(kind, "kind is null");
    this.id = requireNonNull(id, "id is null");
    checkArgument(sizeBytes > 0, "size of %s is %s", id, sizeBytes);
    this.sizeBytes = sizeBytes;
    this.zone = zone;
  }

  /**
   * A blank device.
   *
   * @param zone its topology zone, or null where devices have none
   */
  public static BlockDevice create(Kind kind, String id, long sizeBytes, String zone) {
    return new BlockDevice(kind, id, sizeBytes, zone);
  }

  /** A device already formatted with {@code fsType} and holding {@code files}. */
  public static BlockDevice formatted(Kind kind, String id, long sizeBytes, String zone, String fsType,
      Iterable<FileSpec> files) {
    BlockDevice device = new BlockDevice(kind, id, sizeBytes, zone);
    device.formatIfNeeded(fsType);
    device.fileSystem.populate(files);
    return device;
  }

  /** What kind of storage it is. */
  public Kind kind() {
    return kind;
  }

  /** Its id ({@code vol-0abc}, {@code rbd/foo}, {@code 10.0.0.60:3260/iqn...:0}). */
  public String id() {
    return id;
  }

  /** Its size in bytes. */
  public long sizeBytes() {
    return sizeBytes;
  }

  /** Its zone, if it has one. */
  public Optional<String> zone() {
    return Optional.ofNullable(zone);
  }

  /** Whether it holds a file system. */
  public boolean isFormatted() {
    return fileSystem != null;
  }

  /** The type of its file system, if formatted. */
  public Optional<String> fsType() {
    return fileSystem == null ? Optional.empty() : Optional.of(fileSystem.fsType());
  }

  /**
   * Makes a file system if there is none ({@code mkfs}); a no-op otherwise, whatever {@code fsType}
   * is asked for, because the existing one is kept. ext2/3/4 get {@code lost+found} ({@code 0700 root}),
   * as {@code mkfs.ext4} makes it.
   *
   * @return whether it formatted now
   */
  public boolean formatIfNeeded(String fsType) {
    requireNonNull(fsType, "fsType is null");
    if (fileSystem != null) {
      return false;
    }
    fileSystem = FileTree.create(fsType, sizeBytes, 0755, 0, 0);
    if (fsType.startsWith("ext")) {
      fileSystem.mkdir("/lost+found", 0700, Credentials.ROOT);
    }
    return true;
  }

  /**
   * Its file system.
   *
   * @throws IllegalStateException if it was never formatted
   */
  public FileTree fileSystem() {
    checkState(fileSystem != null, "block device %s has no file system", id);
    return fileSystem;
  }

  /**
   * A source to mount its file system from.
   *
   * @throws IllegalStateException if it was never formatted
   */
  public MountSource mountSource() {
    FileTree tree = fileSystem();
    return new MountSource(tree, "/", false, CredentialsMapping.IDENTITY, tree.fsType(), id);
  }

  @Override
  public String toString() {
    return "BlockDevice{" + kind + " " + id + ", " + sizeBytes + " bytes"
        + (zone == null ? "" : ", zone " + zone) + (fileSystem == null ? ", blank" : ", " + fileSystem.fsType()) + "}";
  }
}
