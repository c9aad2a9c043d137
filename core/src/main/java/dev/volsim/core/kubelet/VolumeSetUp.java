package dev.volsim.core.kubelet;

import dev.volsim.core.volume.NodeContext;
import dev.volsim.core.world.MountSource;

/**
 * One volume of one Pod as the kubelet's volume manager drives it: the operations of upstream's
 * {@code operationexecutor} ({@code MountDevice}, {@code SetUp}, {@code TearDown},
 * {@code UnmountDevice}) bound to their volume. {@link VolumeSetUps#defaults()} wraps the
 * {@code dev.volsim.core.volume} plugins; {@link VolumeSetUps#forNode} adds {@code kubernetes.io/csi}
 * (with CSI migration of in-tree cloud disks).
 */
public interface VolumeSetUp {
  /** {@code kubernetes.io/empty-dir}, {@code kubernetes.io/csi}, ... */
  String pluginName();

  /** Whether the attach/detach controller must attach it before MountDevice. */
  boolean isAttachable();

  /** Whether a global MountDevice precedes the per-Pod SetUp. */
  boolean requiresMountDevice();

  /**
   * Upstream's unique volume name: {@code <plugin>/<GetVolumeName>} for attachable or
   * device-mountable volumes (what {@code status.volumesInUse} lists), else
   * {@code <plugin>/<podUid>-<volume>}.
   */
  String uniqueVolumeName();

  /** The global (staging) mount; a no-op for plugins without one. */
  void mountDevice(NodeContext node);

  /** The per-Pod SetUp; returns what containers mount. */
  MountSource setUp(NodeContext node);

  /** The per-Pod TearDown. */
  void tearDown(NodeContext node);

  /** Undoes {@link #mountDevice}. */
  void unmountDevice(NodeContext node);

  /**
   * Whether the kubelet gives the volume to the Pod's {@code fsGroup} after SetUp
   * ({@code SetVolumeOwnership}): the plugin's choice, for CSI the driver's {@code fsGroupPolicy}.
   */
  default boolean supportsFsGroup() {
    return dev.volsim.core.volume.VolumeOwnership.supportedBy(pluginName());
  }
}
