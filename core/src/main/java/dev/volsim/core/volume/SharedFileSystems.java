package dev.volsim.core.volume;

import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.CredentialsMapping;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.MountOptions;
import dev.volsim.core.world.MountSource;
import java.util.Optional;

/** The per-Pod network mount of a shared file system (CephFS, GlusterFS) and its undoing. */
final class SharedFileSystems {
  private SharedFileSystems() {}

  /**
   * Mounts {@code subPath} of {@code tree} at {@code target} ({@code ro} when readOnly); already
   * mounted is a no-op. The tree is live: every mount, on any node, sees the same files.
   */
  static MountSource mount(NodeContext node, String target, FileTree tree, String subPath, boolean readOnly,
      String fsType, String device) {
    Optional<MountSource> existing = node.volumeMounts().sourceAt(target);
    if (existing.isPresent()) {
      return existing.get();
    }
    MountSource source = new MountSource(tree, subPath, readOnly, CredentialsMapping.IDENTITY, fsType, device);
    node.volumeMounts().mount(target, source, readOnly ? MountOptions.READ_ONLY : MountOptions.READ_WRITE);
    return source;
  }

  /** {@code mount.CleanupMountPoint}: the data stays in the file system. */
  static void unmount(NodeContext node, String target) {
    DeviceMounts.cleanupMountPoint(node, target);
  }

  /** Whether {@code path} is a directory of {@code tree}. */
  static boolean isDirectory(FileTree tree, String path) {
    return tree.exists(path, Credentials.ROOT)
        && tree.stat(path, Credentials.ROOT).type() == dev.volsim.core.world.FileType.DIRECTORY;
  }
}
