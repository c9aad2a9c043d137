package dev.volsim.core.world;

import static java.util.Objects.requireNonNull;

/**
 * One entry of a {@link MountNamespace}'s mount table: what is mounted at a path. Either a fixed
 * directory of a file system (a volume, a private bind), or a live view of another namespace's path
 * (a bind with HostToContainer or Bidirectional propagation), through which mounts made there later
 * show.
 */
public final class Mount {
  private final String path;
  private final String fsType;
  private final String device;
  private final boolean readOnly;
  private final MountPropagation propagation;
  /** The mounted root for a fixed mount; null for a live one. */
  private final Location root;
  /** For a live mount: the namespace and path it shows. */
  private final MountNamespace from;
  private final String fromPath;

  private Mount(String path, String fsType, String device, boolean readOnly, MountPropagation propagation,
      Location root, MountNamespace from, String fromPath) {
    this.path = requireNonNull(path, "path is null");
    this.fsType = requireNonNull(fsType, "fsType is null");
    this.device = requireNonNull(device, "device is null");
    this.readOnly = readOnly;
    this.propagation = requireNonNull(propagation, "propagation is null");
    this.root = root == null ? null : new Location(root.inode(), root.tree(), readOnly, root.mapping(), this);
    this.from = from;
    this.fromPath = fromPath;
  }

  static Mount fixed(String path, Location root, boolean readOnly, MountPropagation propagation, String fsType,
      String device) {
    return new Mount(path, fsType, device, readOnly, propagation, root, null, null);
  }

  static Mount live(String path, MountNamespace from, String fromPath, boolean readOnly,
      MountPropagation propagation, String fsType, String device) {
    return new Mount(path, fsType, device, readOnly, propagation, null, from, fromPath);
  }

  /** The same mount at another path (a recursive bind copies the mounts below its source). */
  Mount copyAt(String newPath) {
    return new Mount(newPath, fsType, device, readOnly, propagation, root, from, fromPath);
  }

  /** Where resolution continues when it reaches this mount's path. */
  Location rootLocation() {
    if (root != null) {
      return root;
    }
    Location shown = PathWalker.resolve(from, fromPath, Credentials.ROOT, true, false).target();
    return new Location(shown.inode(), shown.tree(), readOnly || shown.readOnly(), shown.mapping(), this);
  }

  boolean isLive() {
    return from != null;
  }

  MountNamespace from() {
    return from;
  }

  String fromPath() {
    return fromPath;
  }

  /** The absolute, normalized path it is mounted at. */
  public String path() {
    return path;
  }

  /** The file-system type the mount table shows ({@code tmpfs}, {@code nfs4}, {@code ext4}). */
  public String fsType() {
    return fsType;
  }

  /** The source the mount table shows. */
  public String device() {
    return device;
  }

  /** Whether writes through it fail with {@code Read-only file system}. */
  public boolean readOnly() {
    return readOnly;
  }

  /** Its propagation. */
  public MountPropagation propagation() {
    return propagation;
  }

  @Override
  public String toString() {
    return device + " on " + path + " type " + fsType + " (" + (readOnly ? "ro" : "rw") + ")";
  }
}
