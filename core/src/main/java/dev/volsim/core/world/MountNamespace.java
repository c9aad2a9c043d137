package dev.volsim.core.world;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A mount table and the view of files it gives: a root file system plus mounts at absolute paths, as
 * a container (or a node) sees them. A lookup that reaches a mount's path continues in what is
 * mounted there; a read-only mount refuses writes with {@code Read-only file system}; a rename between
 * two mounts fails with {@code Invalid cross-device link}; mount points cannot be removed
 * ({@code Device or resource busy}). Mount paths are taken lexically (normalized, symlinks not
 * followed). Mounting creates a missing mount point, a directory or an empty file, as container
 * runtimes do.
 */
public final class MountNamespace extends FileSystemView {
  private final Mount rootMount;
  private final TreeMap<String, Mount> mounts = new TreeMap<>();
  private int liveMounts;

  private MountNamespace(Mount rootMount) {
    this.rootMount = rootMount;
  }

  /** A namespace whose root is the whole of {@code root}, writable. */
  public static MountNamespace create(FileTree root) {
    return create(root.asMountSource(), MountOptions.READ_WRITE);
  }

  /**
   * A namespace whose root is {@code root} (a container's root file system).
   *
   * @throws FsException if the source's sub-path does not resolve to a directory
   */
  public static MountNamespace create(MountSource root, MountOptions options) {
    Location location = locate(root);
    if (!(location.inode() instanceof DirectoryInode)) {
      throw new FsException(Errno.ENOTDIR, root.subPath());
    }
    return new MountNamespace(Mount.fixed("/", location, root.readOnly() || options.readOnly(),
        MountPropagation.NONE, root.fsType(), root.device()));
  }

  @Override
  Location rootLocation() {
    return rootMount.rootLocation();
  }

  @Override
  boolean hasMounts() {
    return !mounts.isEmpty();
  }

  @Override
  Location mountedAt(String path) {
    Mount exact = mounts.get(path);
    if (exact != null) {
      return exact.rootLocation();
    } else if (liveMounts == 0) {
      return null;
    }
    Mount enclosing = enclosing(path);
    if (enclosing == null || !enclosing.isLive()) {
      return null;
    }
    return enclosing.from().mountedAt(translate(enclosing, path));
  }

  /**
   * Mounts {@code source} at {@code path}.
   *
   * @return the new mount table entry
   * @throws FsException ENOENT if the source's sub-path is missing, ENOTDIR if a directory would
   *     cover a file or the other way round, EBUSY if something is mounted there already, and errors
   *     making the mount point
   */
  public Mount mount(String path, MountSource source, MountOptions options) {
    requireNonNull(source, "source is null");
    requireNonNull(options, "options is null");
    String at = mountPoint(path);
    Location root = locate(source);
    prepareMountPoint(at, root.inode() instanceof DirectoryInode);
    Mount mount = Mount.fixed(at, root, source.readOnly() || options.readOnly(), options.propagation(),
        source.fsType(), source.device());
    add(mount);
    return mount;
  }

  /**
   * Binds {@code fromPath} of another namespace (a host path, a node's volume directory) at
   * {@code path}. With {@link MountPropagation#NONE} it is a recursive private bind: what is mounted
   * under {@code fromPath} now is copied, later mounts there stay unseen. With
   * {@link MountPropagation#HOST_TO_CONTAINER} it is a live view: later mounts there show too. With
   * {@link MountPropagation#BIDIRECTIONAL} mounts made here under {@code path} also appear there.
   */
  public Mount bind(String path, MountNamespace from, String fromPath, MountOptions options) {
    requireNonNull(from, "from is null");
    requireNonNull(options, "options is null");
    String at = mountPoint(path);
    String source = PathWalker.normalize(fromPath);
    Location shown = PathWalker.resolve(from, source, Credentials.ROOT, true, false).target();
    prepareMountPoint(at, shown.inode() instanceof DirectoryInode);
    Mount origin = from.mountFor(source);
    Mount mount;
    if (options.propagation() == MountPropagation.NONE) {
      mount = Mount.fixed(at, shown, options.readOnly() || shown.readOnly(), MountPropagation.NONE,
          origin.fsType(), origin.device());
      add(mount);
      // A copy: binding within the same namespace adds to the map being read.
      for (Mount below : List.copyOf(from.mounts.subMap(source + "/", source + "0").values())) {
        add(below.copyAt(at.equals("/") ? below.path().substring(source.length())
            : at + below.path().substring(source.length())));
      }
    } else {
      mount = Mount.live(at, from, source, options.readOnly(), options.propagation(), origin.fsType(),
          origin.device());
      add(mount);
    }
    return mount;
  }

  /**
   * Unmounts what is mounted at {@code path}.
   *
   * @throws FsException EINVAL if nothing is mounted there, EBUSY if mounts remain below it
   */
  public void unmount(String path) {
    String at = PathWalker.normalize(path);
    Mount mount = mounts.get(at);
    if (mount == null) {
      throw new FsException(Errno.EINVAL, path);
    } else if (!mounts.subMap(at + "/", at + "0").isEmpty()) {
      throw new FsException(Errno.EBUSY, path);
    }
    mounts.remove(at);
    if (mount.isLive()) {
      liveMounts--;
    }
    Mount enclosing = enclosing(at);
    if (enclosing != null && enclosing.isLive() && enclosing.propagation() == MountPropagation.BIDIRECTIONAL) {
      String there = translate(enclosing, at);
      if (enclosing.from().mounts.containsKey(there)) {
        enclosing.from().unmount(there);
      }
    }
  }

  /** The mount table, sorted by path, without the root. */
  public List<Mount> mounts() {
    return List.copyOf(mounts.values());
  }

  /** What is mounted exactly at {@code path}. */
  public Optional<Mount> mountAt(String path) {
    return Optional.ofNullable(mounts.get(PathWalker.normalize(path)));
  }

  /** The mount {@code path} lies in, lexically: the longest mount path that is a prefix, else the root. */
  public Mount mountFor(String path) {
    String at = PathWalker.normalize(path);
    Mount exact = mounts.get(at);
    if (exact != null) {
      return exact;
    }
    Mount enclosing = enclosing(at);
    return enclosing == null ? rootMount : enclosing;
  }

  /** The root file system's mount. */
  public Mount rootMount() {
    return rootMount;
  }

  private void add(Mount mount) {
    if (mounts.containsKey(mount.path())) {
      throw new FsException(Errno.EBUSY, mount.path());
    }
    mounts.put(mount.path(), mount);
    if (mount.isLive()) {
      liveMounts++;
    }
    Mount enclosing = enclosing(mount.path());
    if (enclosing != null && enclosing.isLive() && enclosing.propagation() == MountPropagation.BIDIRECTIONAL) {
      enclosing.from().add(mount.copyAt(translate(enclosing, mount.path())));
    }
  }

  /** The nearest mount strictly above {@code path}, or null if only the root is. */
  private Mount enclosing(String path) {
    for (String parent = parentOf(path); !parent.equals("/"); parent = parentOf(parent)) {
      Mount mount = mounts.get(parent);
      if (mount != null) {
        return mount;
      }
    }
    return null;
  }

  private static String translate(Mount live, String path) {
    return PathWalker.normalize(live.fromPath() + "/" + path.substring(live.path().length()));
  }

  private static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }

  private static String mountPoint(String path) {
    requireNonNull(path, "path is null");
    String at = PathWalker.normalize(path);
    checkArgument(!at.equals("/"), "cannot mount over the namespace root");
    return at;
  }

  /** The location of a source's sub-path, resolved as root inside its tree. */
  private static Location locate(MountSource source) {
    Location found = PathWalker.resolve(source.tree(), source.subPath(), Credentials.ROOT, true, false).target();
    return new Location(found.inode(), found.tree(), source.readOnly(), source.mapping(), source);
  }

  /** Makes the mount point as root if missing: a directory for a directory, an empty file for a file. */
  private void prepareMountPoint(String at, boolean directory) {
    if (exists(at, Credentials.ROOT)) {
      boolean isDirectory = stat(at, Credentials.ROOT).type() == FileType.DIRECTORY;
      if (isDirectory != directory) {
        throw new FsException(Errno.ENOTDIR, at);
      }
      return;
    }
    String parent = parentOf(at);
    if (!parent.equals("/")) {
      mkdirs(parent, Credentials.ROOT);
    }
    if (directory) {
      mkdir(at, Credentials.ROOT);
    } else {
      write(at, new byte[0], Credentials.ROOT);
    }
  }

  @Override
  public String toString() {
    List<String> lines = new ArrayList<>();
    lines.add(rootMount.toString());
    for (Map.Entry<String, Mount> entry : mounts.entrySet()) {
      lines.add(entry.getValue().toString());
    }
    return String.join("\n", lines);
  }
}
