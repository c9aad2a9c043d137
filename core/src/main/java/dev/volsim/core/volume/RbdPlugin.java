package dev.volsim.core.volume;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.volsim.core.world.BlockDevice;
import dev.volsim.core.world.ClusterWorld;
import dev.volsim.core.world.MountSource;
import dev.volsim.core.world.NodeDisk;
import dev.volsim.model.volume.RBDPersistentVolumeSource;
import dev.volsim.model.volume.RBDVolumeSource;
import java.util.List;

/**
 * {@code kubernetes.io/rbd} (pkg/volume/rbd, removed in 1.31): a Ceph RBD image mapped as a block
 * device. Attachable (the controller's Attach does nothing: {@code rbdAttacher.Attach} "do not lock
 * image here"), device-mountable: {@code WaitForAttach} runs {@code rbd status} then {@code rbd map}
 * on the node (package {@code ceph-common}), reaching the monitors as {@code user}; {@code MountDevice}
 * formats a blank image with {@code fsType} ({@code ext4} by default) and mounts it at
 * {@code plugins/kubernetes.io/rbd/mounts/<pool>-image-<image>}; SetUp bind-mounts that per Pod. The
 * image is the world's {@code rbd:<pool>/<image>} block device, so its data survives every Pod and
 * node.
 */
final class RbdPlugin implements BackendVolumePlugin {
  static final String NAME = "kubernetes.io/rbd";
  /** The package that installs the {@code rbd} command. */
  static final String CEPH_COMMON = "ceph-common";

  private final ClusterWorld world;

  RbdPlugin(ClusterWorld world) {
    this.world = requireNonNull(world, "world is null");
  }

  /** The fields both API structs share; defaults as the API applies them. */
  record Spec(List<String> monitors, String pool, String image, String fsType, String user, boolean readOnly) {
    static Spec of(Object source) {
      if (source instanceof RBDVolumeSource r) {
        return new Spec(r.monitors(), r.pool(), r.image(), r.fsType(), r.user(), r.readOnly());
      } else if (source instanceof RBDPersistentVolumeSource r) {
        return new Spec(r.monitors(), r.pool(), r.image(), r.fsType(), r.user(), r.readOnly());
      }
      throw new IllegalArgumentException("not an rbd volume: " + source);
    }

    String fsTypeOrDefault() {
      return fsType == null || fsType.isEmpty() ? "ext4" : fsType;
    }
  }

  @Override
  public String pluginName() {
    return NAME;
  }

  @Override
  public boolean canSupport(Object source) {
    return source instanceof RBDVolumeSource || source instanceof RBDPersistentVolumeSource;
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
    return s.pool() + ":" + s.image();
  }

  /** {@code makePDNameInternal}: the global mount of an image. */
  static String globalPath(String pool, String image) {
    return NodeDisk.KUBELET_ROOT + "/plugins/" + NAME + "/mounts/" + pool + "-image-" + image;
  }

  @Override
  public BackendVolume newVolume(String podUid, String podName, String specName, Object source) {
    checkArgument(canSupport(source), "not an rbd volume: %s", specName);
    Spec spec = Spec.of(source);
    String global = globalPath(spec.pool(), spec.image());
    String podPath = NodeDisk.podVolumeDirectory(podUid, NAME, specName);
    String backend = "rbd:" + spec.pool() + "/" + spec.image();
    return new BackendVolume() {
      @Override
      public void mountDevice(NodeContext node) {
        if (node.volumeMounts().sourceAt(global).isPresent()) {
          return;
        }
        BlockDevice device = waitForAttach(node, spec, backend);
        DeviceMounts.formatAndMount(node, device, "/dev/rbd0", global, spec.fsTypeOrDefault(), spec.readOnly());
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
        // DetachDisk: unmount, then "rbd unmap"; the image keeps its data.
        DeviceMounts.cleanupMountPoint(node, global);
      }
    };
  }

  /**
   * {@code AttachDisk} (rbd_util.go): {@code rbd status} first (it fails without the {@code rbd}
   * command, without a monitor that answers, for an unknown user, for a missing image), then
   * {@code rbd map}.
   */
  private BlockDevice waitForAttach(NodeContext node, Spec spec, String backend) {
    if (!node.hasPackage(CEPH_COMMON)) {
      throw waitForAttachFailed("executable file not found in $PATH", "");
    }
    boolean monitorAnswers = spec.monitors().stream().anyMatch(world::cephMonitor);
    if (!monitorAnswers || !world.cephUser(spec.user())) {
      throw waitForAttachFailed("exit status 1", "rbd: couldn't connect to the cluster!\n");
    }
    return world.blockDevice(backend, () -> BlockDevice.create(BlockDevice.Kind.RBD_IMAGE,
            spec.pool() + "/" + spec.image(), ClusterWorld.DEFAULT_DEVICE_BYTES, null))
        .orElseThrow(() -> waitForAttachFailed("exit status 2", "rbd: error opening image " + spec.image()
            + ": (2) No such file or directory\n"));
  }

  private static VolumeSetUpException waitForAttachFailed(String err, String output) {
    return VolumeSetUpException.during("MountVolume.WaitForAttach",
        "fail to check rbd image status with: (" + err + "), rbd output: (" + output + ")");
  }
}
