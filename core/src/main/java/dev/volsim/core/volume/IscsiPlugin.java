package dev.volsim.core.volume;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.volsim.core.world.BlockDevice;
import dev.volsim.core.world.ClusterWorld;
import dev.volsim.core.world.MountSource;
import dev.volsim.core.world.NodeDisk;
import dev.volsim.model.volume.ISCSIPersistentVolumeSource;
import dev.volsim.model.volume.ISCSIVolumeSource;

/**
 * {@code kubernetes.io/iscsi} (pkg/volume/iscsi): a LUN of an iSCSI target. Attachable (Attach does
 * nothing) and device-mountable: {@code WaitForAttach} logs in with {@code iscsiadm} (package
 * {@code open-iscsi}) and finds the LUN's device; {@code MountDevice} formats a blank LUN with
 * {@code fsType} ({@code ext4} by default) and mounts it at
 * {@code plugins/kubernetes.io/iscsi/iface-<iface>/<portal>-<iqn>-lun-<lun>}; SetUp bind-mounts it per
 * Pod. ReadWriteOnce and ReadOnlyMany only: the attach/detach controller refuses a second node for a
 * writable LUN. The LUN is the world's {@code iscsi:<portal>/<iqn>:<lun>} block device.
 */
final class IscsiPlugin implements BackendVolumePlugin {
  static final String NAME = "kubernetes.io/iscsi";
  /** The package that installs {@code iscsiadm}. */
  static final String OPEN_ISCSI = "open-iscsi";
  static final String ISCSI_INITIATOR_UTILS = "iscsi-initiator-utils";

  private final ClusterWorld world;

  IscsiPlugin(ClusterWorld world) {
    this.world = requireNonNull(world, "world is null");
  }

  record Spec(String portal, String iqn, int lun, String iface, String fsType, boolean readOnly) {
    static Spec of(Object source) {
      if (source instanceof ISCSIVolumeSource i) {
        return new Spec(i.targetPortal(), i.iqn(), i.lun(), i.iscsiInterface(), i.fsType(), i.readOnly());
      } else if (source instanceof ISCSIPersistentVolumeSource i) {
        return new Spec(i.targetPortal(), i.iqn(), i.lun(), i.iscsiInterface(), i.fsType(), i.readOnly());
      }
      throw new IllegalArgumentException("not an iscsi volume: " + source);
    }

    /** {@code portalMounter}: a portal without a port gets {@code :3260}. */
    String portalWithPort() {
      return portal.contains(":") ? portal : portal + ":3260";
    }
  }

  @Override
  public String pluginName() {
    return NAME;
  }

  @Override
  public boolean canSupport(Object source) {
    return source instanceof ISCSIVolumeSource || source instanceof ISCSIPersistentVolumeSource;
  }

  @Override
  public boolean isAttachable() {
    return true;
  }

  @Override
  public boolean isDeviceMountable() {
    return true;
  }

  @Override
  public String volumeName(Object source, String specName) {
    Spec s = Spec.of(source);
    return s.portal() + ":" + s.iqn() + ":" + s.lun();
  }

  @Override
  public BackendVolume newVolume(String podUid, String podName, String specName, Object source) {
    checkArgument(canSupport(source), "not an iscsi volume: %s", specName);
    Spec spec = Spec.of(source);
    String portal = spec.portalWithPort();
    String iface = spec.iface() == null || spec.iface().isEmpty() ? "default" : spec.iface();
    String global = NodeDisk.KUBELET_ROOT + "/plugins/" + NAME + "/iface-" + iface + "/" + portal + "-" + spec.iqn()
        + "-lun-" + spec.lun();
    String podPath = NodeDisk.podVolumeDirectory(podUid, NAME, specName);
    String backend = "iscsi:" + portal + "/" + spec.iqn() + ":" + spec.lun();
    String devicePath = "/dev/disk/by-path/ip-" + portal + "-iscsi-" + spec.iqn() + "-lun-" + spec.lun();
    String fsType = spec.fsType() == null || spec.fsType().isEmpty() ? "ext4" : spec.fsType();
    return new BackendVolume() {
      @Override
      public void mountDevice(NodeContext node) {
        if (node.volumeMounts().sourceAt(global).isPresent()) {
          return;
        }
        // AttachDisk: "iscsiadm -m iface -I <iface> -o show" first; its error is returned as is.
        if (!node.hasPackage(OPEN_ISCSI) && !node.hasPackage(ISCSI_INITIATOR_UTILS)) {
          throw VolumeSetUpException.during("MountVolume.WaitForAttach", "executable file not found in $PATH");
        }
        BlockDevice lun = world.blockDevice(backend, () -> BlockDevice.create(BlockDevice.Kind.ISCSI_LUN,
                portal + "/" + spec.iqn() + ":" + spec.lun(), ClusterWorld.DEFAULT_DEVICE_BYTES, null))
            .orElseThrow(() -> VolumeSetUpException.during("MountVolume.WaitForAttach",
                "failed to get any path for iscsi disk, last err seen:\nCould not attach disk: Timeout after 10s"));
        DeviceMounts.formatAndMount(node, lun, devicePath, global, fsType, spec.readOnly());
      }

      @Override
      public MountSource setUp(NodeContext node) {
        return DeviceMounts.bindFromGlobal(node, global, podPath, spec.readOnly());
      }

      @Override
      public void tearDown(NodeContext node) {
        DeviceMounts.cleanupMountPoint(node, podPath);
      }

      @Override
      public void unmountDevice(NodeContext node) {
        // DetachDisk: unmount, then log out of the target when no other LUN of it is in use.
        DeviceMounts.cleanupMountPoint(node, global);
      }
    };
  }
}
