package dev.volsim.core.volume;

import static com.google.common.base.Preconditions.checkArgument;

import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.FsException;
import dev.volsim.core.world.MountOptions;
import dev.volsim.core.world.MountSource;
import dev.volsim.core.world.NfsServer;
import dev.volsim.core.world.NodeDisk;
import dev.volsim.model.core.Pod;
import dev.volsim.model.volume.NFSVolumeSource;
import dev.volsim.model.volume.Volume;
import dev.volsim.model.volume.VolumeSource;
import java.util.Optional;

/**
 * {@code kubernetes.io/nfs} (pkg/volume/nfs/nfs.go): {@code mount -t nfs <server>:<path>} at the per-Pod
 * path, with {@code ro} when readOnly. Needs the NFS client ({@code nfs-common}, which brings
 * {@code /sbin/mount.nfs}); the export's client list decides who may mount. TearDown only unmounts:
 * the export keeps its data.
 */
final class NfsPlugin implements VolumePlugin {
  static final String NAME = "kubernetes.io/nfs";
  /** Packages that install {@code /sbin/mount.nfs} (Debian/Ubuntu, RHEL/Fedora). */
  static final String NFS_CLIENT = "nfs-common";
  static final String NFS_CLIENT_RPM = "nfs-utils";

  @Override
  public String pluginName() {
    return NAME;
  }

  @Override
  public boolean canSupport(VolumeSource source) {
    return source instanceof NFSVolumeSource;
  }

  @Override
  public Mounter newMounter(Pod pod, Volume volume) {
    checkArgument(volume.source() instanceof NFSVolumeSource, "not an nfs volume: %s", volume.name());
    NFSVolumeSource source = (NFSVolumeSource) volume.source();
    String path = NodeDisk.podVolumeDirectory(pod.metadata().uid(), NAME, volume.name());
    return new Mounter() {
      @Override
      public String path() {
        return path;
      }

      @Override
      public VolumeAttributes attributes() {
        return new VolumeAttributes(source.readOnly(), false, false);
      }

      @Override
      public MountSource setUp(NodeContext node) {
        return NfsPlugin.setUp(node, path, source.server(), source.path(), source.readOnly());
      }
    };
  }

  @Override
  public Unmounter newUnmounter(String podUid, String volumeName) {
    String path = NodeDisk.podVolumeDirectory(podUid, NAME, volumeName);
    return new Unmounter() {
      @Override
      public String path() {
        return path;
      }

      @Override
      public void tearDown(NodeContext node) {
        // mount.CleanupMountPoint: unmount, then remove the (now empty) mount point directory.
        node.volumeMounts().unmount(path);
        FileTree disk = node.disk().root();
        if (disk.exists(path, Credentials.ROOT)) {
          disk.remove(path, Credentials.ROOT);
        }
      }
    };
  }

  /** SetUpAt: mkdir 0750, then mount; already mounted is a no-op. */
  static MountSource setUp(NodeContext node, String target, String server, String exportPath, boolean readOnly) {
    Optional<MountSource> existing = node.volumeMounts().sourceAt(target);
    if (existing.isPresent()) {
      return existing.get();
    }
    FileTree disk = node.disk().root();
    if (!disk.exists(target, Credentials.ROOT)) {
      disk.mkdirs(target.substring(0, target.lastIndexOf('/')), 0750, Credentials.ROOT);
      disk.mkdir(target, 0750, Credentials.ROOT);
    }
    String device = server + ":" + exportPath;
    String arguments = "-t nfs " + (readOnly ? "-o ro " : "") + device + " " + target;
    if (!node.hasPackage(NFS_CLIENT) && !node.hasPackage(NFS_CLIENT_RPM)) {
      throw mountFailed(arguments, "mount: " + target + ": bad option; for several filesystems (e.g. nfs, cifs)"
          + " you might need a /sbin/mount.<type> helper program.");
    }
    // The server name resolves on the Pod's node: localhost is that node serving NFS itself.
    Optional<NfsServer> nfs = node.world().resolveNfsServer(server, node.nodeName());
    if (nfs.isEmpty()) {
      // A host that resolves (this node, another node) but runs no NFS server refuses the connection.
      boolean knownHost = server.equals("localhost") || server.startsWith("127.")
          || node.world().nodes().stream().anyMatch(n -> n.equals(server)
              || node.world().nodeAddress(n).orElse("").equals(server));
      throw mountFailed(arguments, knownHost ? "mount.nfs: Connection refused"
          : "mount.nfs: Failed to resolve server " + server + ": Name or service not known");
    }
    // strict off: an export nobody declared exists, empty, on first use.
    node.world().ensureExport(nfs.get(), exportPath);
    MountSource mounted;
    try {
      // Over loopback the server sees the client as 127.0.0.1 (why the chapter's export lists it).
      String client = server.equals("localhost") || server.startsWith("127.") ? "127.0.0.1" : node.address();
      mounted = nfs.get().mount(exportPath, client);
    } catch (FsException e) {
      throw mountFailed(arguments, e.getMessage());
    }
    MountSource source = readOnly && !mounted.readOnly()
        ? new MountSource(mounted.tree(), mounted.subPath(), true, mounted.mapping(), mounted.fsType(),
            mounted.device())
        : mounted;
    node.volumeMounts().mount(target, source, readOnly ? MountOptions.READ_ONLY : MountOptions.READ_WRITE);
    return source;
  }

  /** mount_linux.go {@code doMount}'s error; mount(8) exits 32 on a mount failure. */
  static VolumeSetUpException mountFailed(String arguments, String output) {
    return new VolumeSetUpException("mount failed: exit status 32\nMounting command: mount\nMounting arguments: "
        + arguments + "\nOutput: " + output + "\n");
  }
}
