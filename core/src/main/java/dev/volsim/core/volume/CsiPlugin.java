package dev.volsim.core.volume;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.google.common.hash.Hashing;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.cluster.CsiDriverProfile;
import dev.volsim.core.world.NodeDisk;
import dev.volsim.model.core.PersistentVolumeAccessMode;
import dev.volsim.model.core.Pod;
import dev.volsim.model.storage.CSIDriver;
import dev.volsim.model.volume.CSIPersistentVolumeSource;
import dev.volsim.model.volume.CSIVolumeSource;
import java.util.List;
import java.util.Optional;

/**
 * {@code kubernetes.io/csi} on one node (pkg/volume/csi): the kubelet's side of CSI. A volume's data
 * lives outside the node, in the world's block device {@code csi:<driver>/<handle>} (or, migrated,
 * the in-tree storage itself), so it survives Pods and nodes. The node plugin of the driver must run
 * on this node (the profile's {@code nodes}), else calls fail as upstream's {@code newCsiDriverClient}
 * does. See {@link CsiVolume} for the operations.
 */
public final class CsiPlugin {
  public static final String NAME = "kubernetes.io/csi";
  /** {@code storage.VolumeLifecyclePersistent} and {@code storage.VolumeLifecycleEphemeral}. */
  static final String PERSISTENT = "Persistent";
  static final String EPHEMERAL = "Ephemeral";

  private final ClusterContext ctx;
  private final String nodeName;
  final InlineVolumes inline = new InlineVolumes();

  /** The plugin of the kubelet on {@code nodeName}. */
  public CsiPlugin(ClusterContext ctx, String nodeName) {
    this.ctx = requireNonNull(ctx, "ctx is null");
    this.nodeName = requireNonNull(nodeName, "nodeName is null");
  }

  ClusterContext ctx() {
    return ctx;
  }

  String nodeName() {
    return nodeName;
  }

  /**
   * A persistent CSI volume (a PV's {@code csi} source) used by a Pod.
   *
   * @param pvName the PV's name (the per-Pod directory's name)
   * @param accessModes the PV's access modes (ReadWriteMany goes through a share manager when the driver has one)
   */
  public CsiVolume persistent(Pod pod, String pvName, CSIPersistentVolumeSource source,
      List<PersistentVolumeAccessMode> accessModes) {
    return new CsiVolume(this, pod, pvName, source.driver(), source.volumeHandle(), source.fsType(),
        source.readOnly(), false, "csi:" + source.driver() + "/" + source.volumeHandle(), true,
        accessModes.contains(PersistentVolumeAccessMode.READ_WRITE_MANY), null);
  }

  /** A migrated in-tree volume, served by the CSI driver of the same storage. */
  public CsiVolume migrated(Pod pod, String specName, CsiMigration.Translated t,
      List<PersistentVolumeAccessMode> accessModes) {
    return new CsiVolume(this, pod, specName, t.driver(), t.volumeHandle(), t.fsType(), t.readOnly(), false,
        t.backend(), t.blockDevice(), accessModes.contains(PersistentVolumeAccessMode.READ_WRITE_MANY),
        t.inTreePlugin());
  }

  /** An inline ephemeral CSI volume ({@code volumes[].csi} of a Pod). */
  public CsiVolume inline(Pod pod, String volumeName, CSIVolumeSource source) {
    // csi_mounter.go makeVolumeHandle: "csi-" + sha256(podUID + volSourceSpecName)
    String handle = "csi-" + Hashing.sha256().hashString(pod.metadata().uid() + volumeName, UTF_8);
    return new CsiVolume(this, pod, volumeName, source.driver(), handle, source.fsType(),
        Boolean.TRUE.equals(source.readOnly()), true, null, false, false, null);
  }

  /** The driver's profile when its node plugin is registered on this node. */
  Optional<CsiDriverProfile> registered(String driver) {
    return ctx.csiDriver(driver).filter(d -> d.runsOn(nodeName));
  }

  /**
   * Before a gRPC call to the driver's node plugin (NodeStage, NodePublish, NodeUnpublish, NodeUnstage
   * and the NodeGetCapabilities that precedes staging): a plugin that is registered but has stopped
   * answering lets the call run into the kubelet's deadline ({@code csiTimeout}), which the gRPC client
   * reports as {@code DeadlineExceeded}.
   */
  void requireAnswering(String driver) {
    if (!ctx.world().csiNodePlugins().answering(driver, nodeName)) {
      throw VolumeSetUpException.timeout(DEADLINE_EXCEEDED);
    }
  }

  /** A gRPC call that ran past its context's deadline, as {@code status.Error} prints it. */
  static final String DEADLINE_EXCEEDED = "rpc error: code = DeadlineExceeded desc = context deadline exceeded";

  /**
   * Whether volumes of the driver are attached first: the CSIDriver object's {@code attachRequired}
   * ({@code skipAttach}); a driver without one needs attaching.
   */
  boolean attachRequired(String driver) {
    Optional<CSIDriver> d = ctx.api().get(CSIDriver.class, "", driver);
    if (d.isPresent()) {
      return d.get().spec().attachRequired();
    }
    return true;
  }

  /** The CSIDriver object's lifecycle modes (defaulted to Persistent), or empty without the object. */
  Optional<List<String>> lifecycleModes(String driver) {
    return ctx.api().get(CSIDriver.class, "", driver).map(d -> d.spec().volumeLifecycleModes().stream().map(m -> m.wire()).toList());
  }

  /**
   * {@code makeDeviceMountPath}: {@code /var/lib/kubelet/plugins/kubernetes.io/csi/<driver>/<sha256(handle)>/globalmount}.
   */
  public static String deviceMountPath(String driver, String volumeHandle) {
    return NodeDisk.KUBELET_ROOT + "/plugins/" + NAME + "/" + driver + "/"
        + Hashing.sha256().hashString(volumeHandle, UTF_8) + "/globalmount";
  }

  /** {@code /var/lib/kubelet/pods/<uid>/volumes/kubernetes.io~csi/<volume>/mount}. */
  public static String publishPath(String podUid, String specName) {
    return NodeDisk.podVolumeDirectory(podUid, NAME, specName) + "/mount";
  }
}
