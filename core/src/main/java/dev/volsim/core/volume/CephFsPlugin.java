package dev.volsim.core.volume;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.volsim.core.world.ClusterWorld;
import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.MountSource;
import dev.volsim.core.world.NodeDisk;
import dev.volsim.model.volume.CephFSPersistentVolumeSource;
import dev.volsim.model.volume.CephFSVolumeSource;
import java.util.List;

/**
 * {@code kubernetes.io/cephfs} (pkg/volume/cephfs/cephfs.go, removed in 1.31): a directory of a
 * CephFS file system mounted at the per-Pod path, by {@code ceph-fuse} when the node has it
 * ({@code /sbin/mount.fuse.ceph}), else by the kernel client ({@code mount -t ceph}, whose helper
 * {@code mount.ceph} comes with {@code ceph-common}). Not attachable; any number of Pods on any
 * nodes share the live tree (the world's {@code cephfs:cephfs}). TearDown only unmounts.
 */
final class CephFsPlugin implements BackendVolumePlugin {
  static final String NAME = "kubernetes.io/cephfs";
  /** The file system a volume names: the in-tree source has no field for it, so the default one. */
  static final String FILE_SYSTEM = "cephfs";

  private final ClusterWorld world;

  CephFsPlugin(ClusterWorld world) {
    this.world = requireNonNull(world, "world is null");
  }

  /** The fields both API structs share, with {@code newMounterInternal}'s defaults. */
  record Spec(List<String> monitors, String path, String user, String secretFile, boolean hasSecret,
      boolean readOnly) {
    static Spec of(Object source) {
      if (source instanceof CephFSVolumeSource c) {
        return new Spec(c.monitors(), c.path(), c.user(), c.secretFile(), c.secretRef() != null, c.readOnly());
      } else if (source instanceof CephFSPersistentVolumeSource c) {
        return new Spec(c.monitors(), c.path(), c.user(), c.secretFile(), c.secretRef() != null, c.readOnly());
      }
      throw new IllegalArgumentException("not a cephfs volume: " + source);
    }

    String pathOrRoot() {
      return path == null || path.isEmpty() ? "/" : path;
    }

    String id() {
      return user == null || user.isEmpty() ? "admin" : user;
    }
  }

  @Override
  public String pluginName() {
    return NAME;
  }

  @Override
  public boolean canSupport(Object source) {
    return source instanceof CephFSVolumeSource || source instanceof CephFSPersistentVolumeSource;
  }

  @Override
  public boolean isAttachable() {
    return false;
  }

  @Override
  public boolean isDeviceMountable() {
    return false;
  }

  @Override
  public String volumeName(Object source, String specName) {
    Spec s = Spec.of(source);
    return specName + ":" + s.pathOrRoot();
  }

  @Override
  public BackendVolume newVolume(String podUid, String podName, String specName, Object source) {
    checkArgument(canSupport(source), "not a cephfs volume: %s", specName);
    Spec spec = Spec.of(source);
    String podPath = NodeDisk.podVolumeDirectory(podUid, NAME, specName);
    return new BackendVolume() {
      @Override
      public void mountDevice(NodeContext node) {}

      @Override
      public MountSource setUp(NodeContext node) {
        if (node.volumeMounts().sourceAt(podPath).isPresent()) {
          return node.volumeMounts().sourceAt(podPath).get();
        }
        DeviceMounts.mkdirs(node, podPath);
        String src = String.join(",", spec.monitors()) + ":" + spec.pathOrRoot();
        boolean fuse = node.hasPackage("ceph-fuse");
        String options = (spec.readOnly() ? "ro," : "") + "name=" + spec.id()
            + (spec.hasSecret() ? ",<masked>" : ",secretfile=" + (spec.secretFile() == null || spec.secretFile().isEmpty()
                ? "/etc/ceph/user.secret" : spec.secretFile()));
        String arguments = "-t ceph -o " + options + " " + src + " " + podPath;
        if (!fuse && !node.hasPackage(RbdPlugin.CEPH_COMMON)) {
          throw DeviceMounts.mountFailed(arguments, "mount: " + podPath + ": wrong fs type, bad option, bad superblock on "
              + src + ", missing codepage or helper program, or other error.");
        }
        if (spec.monitors().stream().noneMatch(world::cephMonitor)) {
          throw DeviceMounts.mountFailed(arguments, "mount error 110 = Connection timed out");
        }
        if (!world.cephUser(spec.id())) {
          throw DeviceMounts.mountFailed(arguments, "mount error 13 = Permission denied");
        }
        FileTree fs = world.sharedFileSystem("cephfs:" + FILE_SYSTEM, "ceph").orElseThrow(() ->
            DeviceMounts.mountFailed(arguments, "mount error 2 = No such file or directory"));
        String path = spec.pathOrRoot();
        if (!SharedFileSystems.isDirectory(fs, path)) {
          if (world.strict()) {
            throw DeviceMounts.mountFailed(arguments, "mount error 2 = No such file or directory");
          }
          // A lax world's storage exists on first use, and so does the directory a volume names.
          fs.mkdirs(path, 0755, Credentials.ROOT);
        }
        return SharedFileSystems.mount(node, podPath, fs, path, spec.readOnly(), fuse ? "fuse.ceph-fuse" : "ceph",
            fuse ? "ceph-fuse" : src);
      }

      @Override
      public void tearDown(NodeContext node) {
        SharedFileSystems.unmount(node, podPath);
      }

      @Override
      public void unmountDevice(NodeContext node) {}
    };
  }
}
