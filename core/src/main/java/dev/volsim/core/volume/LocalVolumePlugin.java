package dev.volsim.core.volume;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.volsim.core.world.BlockDevice;
import dev.volsim.core.world.ClusterWorld;
import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.CredentialsMapping;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.FileType;
import dev.volsim.core.world.MountOptions;
import dev.volsim.core.world.MountSource;
import dev.volsim.core.world.NodeDisk;
import dev.volsim.model.volume.LocalVolumeSource;

/**
 * {@code kubernetes.io/local-volume} (pkg/volume/local/local.go): a local PersistentVolume, a
 * directory (or block device) of one node's disk. Device-mountable but not attachable: MountDevice
 * does nothing for a directory and formats and mounts a block device at
 * {@code plugins/kubernetes.io/local-volume/mounts/<pv>}; SetUp bind-mounts the directory (or that
 * mount) at the per-Pod path. The path must exist on the node: {@code NewMounter} fails with
 * {@code path "<path>" does not exist} (hostutil {@code GetFileType}). The data stays on the node.
 */
final class LocalVolumePlugin implements BackendVolumePlugin {
  static final String NAME = "kubernetes.io/local-volume";

  private final ClusterWorld world;

  LocalVolumePlugin(ClusterWorld world) {
    this.world = requireNonNull(world, "world is null");
  }

  @Override
  public String pluginName() {
    return NAME;
  }

  @Override
  public boolean canSupport(Object source) {
    return source instanceof LocalVolumeSource;
  }

  @Override
  public boolean isAttachable() {
    return false;
  }

  @Override
  public boolean isDeviceMountable() {
    return true;
  }

  /** {@code GetVolumeName}: the PersistentVolume's name. */
  @Override
  public String volumeName(Object source, String specName) {
    return specName;
  }

  @Override
  public BackendVolume newVolume(String podUid, String podName, String specName, Object source) {
    checkArgument(canSupport(source), "not a local volume: %s", specName);
    LocalVolumeSource local = (LocalVolumeSource) source;
    String podPath = NodeDisk.podVolumeDirectory(podUid, NAME, specName);
    String blockGlobal = NodeDisk.KUBELET_ROOT + "/plugins/" + NAME + "/mounts/" + specName;
    String fsType = local.fsType() == null || local.fsType().isEmpty() ? "ext4" : local.fsType();
    return new BackendVolume() {
      @Override
      public void mountDevice(NodeContext node) {
        if (fileType(node) == FileType.BLOCK_DEVICE) {
          // The node's own disk behind the device node: made on first use, kept with the node.
          String backend = "local:" + node.disk().nodeName() + ":" + local.path();
          BlockDevice device = world.existingBlockDevice(backend).orElseGet(() -> {
            BlockDevice d = BlockDevice.create(BlockDevice.Kind.CLOUD_DISK, backend, ClusterWorld.DEFAULT_DEVICE_BYTES,
                null);
            world.addBlockDevice(backend, d);
            return d;
          });
          DeviceMounts.formatAndMount(node, device, local.path(), blockGlobal, fsType, false);
        }
      }

      @Override
      public MountSource setUp(NodeContext node) {
        if (node.volumeMounts().sourceAt(podPath).isPresent()) {
          return node.volumeMounts().sourceAt(podPath).get();
        }
        FileType type = fileType(node);
        if (type == FileType.BLOCK_DEVICE) {
          return DeviceMounts.bindFromGlobal(node, blockGlobal, podPath, false);
        }
        FileTree disk = node.disk().root();
        MountSource source = new MountSource(disk, local.path(), false, CredentialsMapping.IDENTITY, disk.fsType(),
            "/dev/root");
        DeviceMounts.mkdirs(node, podPath);
        node.volumeMounts().mount(podPath, source, MountOptions.READ_WRITE);
        return source;
      }

      @Override
      public void tearDown(NodeContext node) {
        DeviceMounts.cleanupMountPoint(node, podPath);
      }

      @Override
      public void unmountDevice(NodeContext node) {
        if (node.volumeMounts().sourceAt(blockGlobal).isPresent()) {
          DeviceMounts.cleanupMountPoint(node, blockGlobal);
        }
      }

      /** {@code getGlobalLocalPath}: a directory or a block device, else NewMounter fails. */
      private FileType fileType(NodeContext node) {
        FileTree disk = node.disk().root();
        if (!disk.exists(local.path(), Credentials.ROOT)) {
          throw VolumeSetUpException.during("MountVolume.NewMounter initialization",
              "path \"" + local.path() + "\" does not exist");
        }
        FileType type = disk.stat(local.path(), Credentials.ROOT).type();
        if (type != FileType.DIRECTORY && type != FileType.BLOCK_DEVICE) {
          throw VolumeSetUpException.during("MountVolume.NewMounter initialization",
              "only directory and block device are supported");
        }
        return type;
      }
    };
  }
}
