package dev.volsim.core.volume;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.volsim.core.world.BlockDevice;
import dev.volsim.core.world.ClusterWorld;
import dev.volsim.core.world.MountSource;
import dev.volsim.core.world.NodeDisk;
import dev.volsim.model.volume.FCVolumeSource;

/**
 * {@code kubernetes.io/fc} (pkg/volume/fc): a Fibre Channel LUN, named by {@code targetWWNs} and
 * {@code lun} or by {@code wwids}. Attachable (Attach does nothing) and device-mountable:
 * {@code WaitForAttach} rescans the HBAs and finds the LUN's device; {@code MountDevice} formats a
 * blank LUN with {@code fsType} ({@code ext4} by default) and mounts it at
 * {@code plugins/kubernetes.io/fc/<wwn>-lun-<lun>} (or {@code .../<wwid>}); SetUp bind-mounts it per
 * Pod. The LUN is the world's {@code fc:<first wwn>:<lun>} (or {@code fc:<first wwid>}) block device.
 */
final class FcPlugin implements BackendVolumePlugin {
  static final String NAME = "kubernetes.io/fc";

  private final ClusterWorld world;

  FcPlugin(ClusterWorld world) {
    this.world = requireNonNull(world, "world is null");
  }

  @Override
  public String pluginName() {
    return NAME;
  }

  @Override
  public boolean canSupport(Object source) {
    return source instanceof FCVolumeSource;
  }

  @Override
  public boolean isAttachable() {
    return true;
  }

  @Override
  public boolean isDeviceMountable() {
    return true;
  }

  /** {@code GetVolumeName}: Go's {@code %v} of the lists, {@code [w1 w2]:0} or {@code [id1]}. */
  @Override
  public String volumeName(Object source, String specName) {
    FCVolumeSource f = (FCVolumeSource) source;
    if (!f.targetWWNs().isEmpty() && f.lun() != null) {
      return "[" + String.join(" ", f.targetWWNs()) + "]:" + f.lun();
    }
    return "[" + String.join(" ", f.wwids()) + "]";
  }

  /** The device's id: {@code <first wwn>:<lun>}, or the first wwid. */
  static String deviceId(FCVolumeSource f) {
    return !f.targetWWNs().isEmpty() && f.lun() != null ? f.targetWWNs().get(0) + ":" + f.lun() : f.wwids().get(0);
  }

  @Override
  public BackendVolume newVolume(String podUid, String podName, String specName, Object source) {
    checkArgument(canSupport(source), "not an fc volume: %s", specName);
    FCVolumeSource f = (FCVolumeSource) source;
    boolean byWwn = !f.targetWWNs().isEmpty() && f.lun() != null;
    // makePDNameInternal
    String global = NodeDisk.KUBELET_ROOT + "/plugins/" + NAME + "/"
        + (byWwn ? f.targetWWNs().get(0) + "-lun-" + f.lun() : f.wwids().get(0));
    String podPath = NodeDisk.podVolumeDirectory(podUid, NAME, specName);
    String id = deviceId(f);
    String devicePath = byWwn ? "/dev/disk/by-path/pci-0000:00:00.0-fc-0x" + f.targetWWNs().get(0) + "-lun-" + f.lun()
        : "/dev/disk/by-id/scsi-" + f.wwids().get(0);
    String fsType = f.fsType() == null || f.fsType().isEmpty() ? "ext4" : f.fsType();
    return new BackendVolume() {
      @Override
      public void mountDevice(NodeContext node) {
        if (node.volumeMounts().sourceAt(global).isPresent()) {
          return;
        }
        BlockDevice lun = world.blockDevice("fc:" + id, () -> BlockDevice.create(BlockDevice.Kind.FC_LUN, id,
                ClusterWorld.DEFAULT_DEVICE_BYTES, null))
            // fc_util.go AttachDisk: searchDisk found no device after rescanning.
            .orElseThrow(() -> VolumeSetUpException.during("MountVolume.WaitForAttach", "no fc disk found"));
        DeviceMounts.formatAndMount(node, lun, devicePath, global, fsType, f.readOnly());
      }

      @Override
      public MountSource setUp(NodeContext node) {
        return DeviceMounts.bindFromGlobal(node, global, podPath, f.readOnly());
      }

      @Override
      public void tearDown(NodeContext node) {
        DeviceMounts.cleanupMountPoint(node, podPath);
      }

      @Override
      public void unmountDevice(NodeContext node) {
        DeviceMounts.cleanupMountPoint(node, global);
      }
    };
  }
}
