package dev.volsim.core.world;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An NFS server outside the cluster (or a node serving NFS itself): one disk, holding the exported
 * directories, which lives as long as the server does, whatever Pods mount it. Administrators act on
 * {@link #disk()} with server-absolute paths ({@code /data/redis/dump.rdb}); clients get a
 * {@link MountSource} from {@link #mount}, which enforces the export's client list and carries its
 * {@code ro}/{@code rw} and squash rules. A path below an export can be mounted too (NFSv4).
 */
public final class NfsServer {
  private final String name;
  private final String address;
  private final FileTree disk = FileTree.create();
  private final TreeMap<String, NfsExport> exports = new TreeMap<>();
  private boolean available = true;

  private NfsServer(String name, String address) {
    this.name = requireNonNull(name, "name is null");
    this.address = requireNonNull(address, "address is null");
  }

  /** A server with these exports, their directories and files created. */
  public static NfsServer create(String name, String address, List<NfsExport> exports) {
    NfsServer server = new NfsServer(name, address);
    exports.forEach(server::addExport);
    return server;
  }

  /**
   * Exports a directory ({@code exportfs}): makes it (and missing parents, {@code 0755 root:root}) if
   * needed, gives it the export's owner, group and mode, and creates its declared files.
   */
  public void addExport(NfsExport export) {
    requireNonNull(export, "export is null");
    disk.mkdirs(export.path(), Credentials.ROOT);
    disk.chown(export.path(), export.owner(), export.gid(), Credentials.ROOT);
    disk.chmod(export.path(), export.mode(), Credentials.ROOT);
    disk.populate(export.path(), export.files());
    exports.put(export.path(), export);
  }

  /** The name volumes use for it ({@code server:}). */
  public String name() {
    return name;
  }

  /** Its IP address. */
  public String address() {
    return address;
  }

  /** The server's own file system, holding every export; paths are server-absolute. */
  public FileTree disk() {
    return disk;
  }

  /** The exports, sorted by path. */
  public List<NfsExport> exports() {
    return List.copyOf(exports.values());
  }

  /** The export {@code path} lies in: the longest export path that equals it or contains it. */
  public Optional<NfsExport> exportFor(String path) {
    String at = PathWalker.normalize(path);
    for (String candidate = at; ; candidate = candidate.substring(0, Math.max(1, candidate.lastIndexOf('/')))) {
      NfsExport export = exports.get(candidate);
      if (export != null) {
        return Optional.of(export);
      } else if (candidate.equals("/")) {
        return Optional.empty();
      }
    }
  }

  /** Whether it answers; a failed server times out new mounts. */
  public boolean isAvailable() {
    return available;
  }

  /** Stops answering ({@code false}) or answers again ({@code true}). */
  public void setAvailable(boolean available) {
    this.available = available;
  }

  /**
   * What a client at {@code clientAddress} mounting {@code path} gets: the directory, read-only for
   * {@code ro} exports, its callers squashed as the export says, shown as {@code <name>:<path>} of type
   * {@code nfs4}.
   *
   * @throws FsException with {@code mount.nfs}'s words: ETIMEDOUT while the server is down, EACCES
   *     ({@code access denied by server while mounting ...}) for a path outside every export or a
   *     client not in its list, ENOENT or ENOTDIR for a missing directory below an export
   */
  public MountSource mount(String path, String clientAddress) {
    requireNonNull(clientAddress, "clientAddress is null");
    String at = PathWalker.normalize(path);
    String device = name + ":" + at;
    if (!available) {
      throw new FsException(Errno.ETIMEDOUT, at, "mount.nfs: Connection timed out");
    }
    Optional<NfsExport> export = exportFor(at);
    if (export.isEmpty() || !export.get().clientAllowed(clientAddress)) {
      throw new FsException(Errno.EACCES, at, "mount.nfs: access denied by server while mounting " + device);
    }
    try {
      Stat stat = disk.stat(at, Credentials.ROOT);
      if (stat.type() != FileType.DIRECTORY) {
        throw new FsException(Errno.ENOTDIR, at);
      }
    } catch (FsException e) {
      throw new FsException(e.errno(), at, "mount.nfs: mounting " + device + " failed, reason given by server: "
          + e.errno().message());
    }
    NfsExport chosen = export.get();
    return new MountSource(disk, at, chosen.readOnly(), chosen.mapping(), "nfs4", device);
  }

  @Override
  public String toString() {
    return "NfsServer{" + name + " (" + address + "), exports=" + exports.keySet() + "}";
  }
}
