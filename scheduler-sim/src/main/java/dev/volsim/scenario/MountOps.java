package dev.volsim.scenario;

import dev.volsim.core.world.ClusterWorld;
import dev.volsim.core.world.CredentialsMapping;
import dev.volsim.core.world.Errno;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.FsException;
import dev.volsim.core.world.MountNamespace;
import dev.volsim.core.world.MountOptions;
import dev.volsim.core.world.MountSource;
import dev.volsim.scenario.expr.FileAccess.View;
import java.util.Optional;

/**
 * The {@code mount} and {@code umount} exec and admin operations, as busybox's {@code mount} does them:
 * {@code source} is a path (a bind mount) or a backend ({@code rbd:rbd/foo}, {@code cephfs:fs:/path},
 * {@code csi:driver/handle}, a cloud disk) whose file system is mounted. Mounting needs
 * {@code CAP_SYS_ADMIN}: an administrator on the host has it, in a container only root of a
 * privileged container does; anyone else gets {@code permission denied}. Where the target lies in a
 * volume mounted with Bidirectional propagation, the mount shows on the host and in every container
 * that sees the volume with HostToContainer or Bidirectional propagation.
 */
final class MountOps {
  private MountOps() {}

  static void mount(View v, String source, String target, ClusterWorld world, boolean admin) {
    MountNamespace ns = namespace(v, target);
    if (!admin && !(v.as().isRoot() && v.as().privileged())) {
      // busybox mount(8) on EPERM from mount(2): a container without CAP_SYS_ADMIN.
      throw new FsException(Errno.EPERM, target, "mount: permission denied (are you root?)");
    }
    try {
      if (source.startsWith("/")) {
        ns.bind(target, ns, source, MountOptions.READ_WRITE);
        return;
      }
      String subPath = "/";
      String name = source;
      if (source.startsWith("cephfs:")) {
        int second = source.indexOf(':', "cephfs:".length());
        if (second > 0) {
          subPath = source.substring(second + 1).isEmpty() ? "/" : source.substring(second + 1);
        }
      }
      Optional<FileTree> tree = world.backendFileSystem(name);
      if (tree.isEmpty()) {
        throw new FsException(Errno.ENOENT, source);
      }
      ns.mount(target, new MountSource(tree.get(), subPath, false, CredentialsMapping.IDENTITY, tree.get().fsType(),
          source), MountOptions.READ_WRITE);
    } catch (FsException e) {
      if (e.getMessage().startsWith("mount:")) {
        throw e;
      }
      throw new FsException(e.errno(), target, "mount: mounting " + source + " on " + target + " failed: "
          + e.errno().message());
    }
  }

  static void umount(View v, String path, boolean admin) {
    MountNamespace ns = namespace(v, path);
    if (!admin && !(v.as().isRoot() && v.as().privileged())) {
      throw new FsException(Errno.EPERM, path, "umount: can't unmount " + path + ": Operation not permitted");
    }
    try {
      ns.unmount(path);
    } catch (FsException e) {
      throw new FsException(e.errno(), path, "umount: can't unmount " + path + ": " + e.errno().message());
    }
  }

  private static MountNamespace namespace(View v, String path) {
    if (v.fs() instanceof MountNamespace ns) {
      return ns;
    }
    throw new FsException(Errno.EPERM, path, "mount: " + v.where() + " has no mount table");
  }
}
