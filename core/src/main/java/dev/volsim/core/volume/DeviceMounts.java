package dev.volsim.core.volume;

import dev.volsim.core.world.BlockDevice;
import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.MountOptions;
import dev.volsim.core.world.MountSource;
import java.util.Optional;

/**
 * The node-side steps shared by the block device plugins (rbd, iscsi, fc): upstream's
 * {@code SafeFormatAndMount} at the global path, the per-Pod bind mount of it ({@code diskSetUp}),
 * and their undoing ({@code diskTearDown}, {@code UnmountDevice}).
 */
final class DeviceMounts {
  private DeviceMounts() {}

  /**
   * {@code FormatAndMount}: formats a blank device with {@code fsType} (a formatted one keeps its file
   * system, whatever {@code fsType} asks), then mounts it at {@code global}; already mounted is a no-op.
   *
   * @param devicePath the node's device node ({@code /dev/rbd0}), what the mount table shows
   */
  static void formatAndMount(NodeContext node, BlockDevice device, String devicePath, String global, String fsType,
      boolean readOnly) {
    if (node.volumeMounts().sourceAt(global).isPresent()) {
      return;
    }
    if (!device.isFormatted() && readOnly) {
      // mount_linux.go formatAndMountSensitive: a read-only mount never formats.
      throw new VolumeSetUpException("mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t "
          + fsType + " -o ro,defaults " + devicePath + " " + global + "\nOutput: mount: " + global
          + ": wrong fs type, bad option, bad superblock on " + devicePath
          + ", missing codepage or helper program, or other error.\n");
    }
    device.formatIfNeeded(fsType);
    mkdirs(node, global);
    MountSource fs = device.mountSource();
    MountSource source = new MountSource(fs.tree(), "/", readOnly, fs.mapping(), fs.tree().fsType(), devicePath);
    node.volumeMounts().mount(global, source, readOnly ? MountOptions.READ_ONLY : MountOptions.READ_WRITE);
  }

  /** {@code diskSetUp}: bind-mounts the global mount at the Pod's path ({@code ro} when readOnly). */
  static MountSource bindFromGlobal(NodeContext node, String global, String podPath, boolean readOnly) {
    Optional<MountSource> existing = node.volumeMounts().sourceAt(podPath);
    if (existing.isPresent()) {
      return existing.get();
    }
    MountSource g = node.volumeMounts().sourceAt(global).orElseThrow(() -> new IllegalStateException(
        "SetUp before MountDevice: nothing mounted at " + global));
    MountSource source = readOnly && !g.readOnly()
        ? new MountSource(g.tree(), g.subPath(), true, g.mapping(), g.fsType(), g.device())
        : g;
    mkdirs(node, podPath);
    node.volumeMounts().mount(podPath, source, readOnly ? MountOptions.READ_ONLY : MountOptions.READ_WRITE);
    return source;
  }

  /** {@code mount.CleanupMountPoint}: unmounts {@code path} and removes the now empty directory. */
  static void cleanupMountPoint(NodeContext node, String path) {
    node.volumeMounts().unmount(path);
    FileTree disk = node.disk().root();
    if (disk.exists(path, Credentials.ROOT)) {
      disk.remove(path, Credentials.ROOT);
    }
  }

  /** Makes {@code path} (0750, as the kubelet makes volume directories) with its parents. */
  static void mkdirs(NodeContext node, String path) {
    FileTree disk = node.disk().root();
    if (!disk.exists(path, Credentials.ROOT)) {
      disk.mkdirs(path.substring(0, path.lastIndexOf('/')), Credentials.ROOT);
      disk.mkdir(path, 0750, Credentials.ROOT);
    }
  }

  /** mount(8)'s failure as mount_linux.go {@code doMount} reports it (exit status 32). */
  static VolumeSetUpException mountFailed(String arguments, String output) {
    return NfsPlugin.mountFailed(arguments, output);
  }
}
