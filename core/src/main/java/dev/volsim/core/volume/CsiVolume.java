package dev.volsim.core.volume;

import dev.volsim.core.cluster.CsiDriverProfile;
import dev.volsim.core.world.BlockDevice;
import dev.volsim.core.world.ClusterWorld;
import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.CredentialsMapping;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.MountOptions;
import dev.volsim.core.world.MountSource;
import dev.volsim.model.core.Pod;
import java.util.List;
import java.util.Optional;

/**
 * One CSI volume of one Pod on one node, with the kubelet's operations on it as pkg/volume/csi does
 * them: {@link #mountDevice} is the attacher's {@code MountDevice} (NodeStageVolume into the
 * staging path when the driver stages), {@link #setUp} the mounter's {@code SetUpAt}
 * (NodePublishVolume into the Pod's directory), {@link #tearDown} and {@link #unmountDevice} undo
 * them. A persistent volume formats its device with its fsType (ext4 by default) on the first
 * NodeStage, as drivers use {@code SafeFormatAndMount}; later stages, on any node, find the data.
 */
public final class CsiVolume {
  private static final String DEFAULT_FS_TYPE = "ext4";

  private final CsiPlugin plugin;
  private final Pod pod;
  private final String specName;
  private final String driver;
  private final String handle;
  private final String fsType;
  private final boolean readOnly;
  private final boolean ephemeral;
  private final String backend;
  private final boolean blockDevice;
  private final boolean readWriteMany;
  private final String migratedFrom;

  CsiVolume(CsiPlugin plugin, Pod pod, String specName, String driver, String handle, String fsType, boolean readOnly,
      boolean ephemeral, String backend, boolean blockDevice, boolean readWriteMany, String migratedFrom) {
    this.plugin = plugin;
    this.pod = pod;
    this.specName = specName;
    this.driver = driver;
    this.handle = handle;
    this.fsType = fsType == null || fsType.isEmpty() ? DEFAULT_FS_TYPE : fsType;
    this.readOnly = readOnly;
    this.ephemeral = ephemeral;
    this.backend = backend;
    this.blockDevice = blockDevice;
    this.readWriteMany = readWriteMany;
    this.migratedFrom = migratedFrom;
  }

  /** The CSI driver. */
  public String driver() {
    return driver;
  }

  /** The volume handle (translated for a migrated volume, generated for an inline one). */
  public String volumeHandle() {
    return handle;
  }

  /** The world's name of the storage behind it, or null for an inline ephemeral volume. */
  public String backend() {
    return backend;
  }

  /** The in-tree plugin it was migrated from, or null. */
  public String migratedFrom() {
    return migratedFrom;
  }

  /** Whether it is an inline ephemeral volume. */
  public boolean ephemeral() {
    return ephemeral;
  }

  /**
   * Upstream's unique name: {@code kubernetes.io/csi/<driver>^<handle>} ({@code volNameSep}), or for an
   * inline ephemeral volume, which is neither attachable nor device-mountable,
   * {@code kubernetes.io/csi/<podUid>-<volume>}.
   */
  public String uniqueVolumeName() {
    return ephemeral ? CsiPlugin.NAME + "/" + pod.metadata().uid() + "-" + specName
        : CsiPlugin.NAME + "/" + driver + "^" + handle;
  }

  /** Whether the attach/detach controller attaches it first: never inline; else unless {@code attachRequired: false}. */
  public boolean attachable() {
    return !ephemeral && plugin.attachRequired(driver);
  }

  /** Whether a MountDevice precedes SetUp: every persistent CSI volume ({@code CanDeviceMount}). */
  public boolean deviceMountable() {
    return !ephemeral;
  }

  /** The staging path. */
  public String deviceMountPath() {
    return CsiPlugin.deviceMountPath(driver, handle);
  }

  /** The per-Pod path containers' mounts come from. */
  public String publishPath() {
    return CsiPlugin.publishPath(pod.metadata().uid(), specName);
  }

  /**
   * {@code csiAttacher.MountDevice}: with STAGE_UNSTAGE_VOLUME, NodeStageVolume (format on first use,
   * mount at the staging path, {@code vol_data.json} beside it); without it, nothing but the check
   * that the driver is registered.
   */
  public void mountDevice(NodeContext node) {
    CsiDriverProfile d = plugin.registered(driver).orElseThrow(() -> new VolumeSetUpException(
        "kubernetes.io/csi: attacher.MountDevice failed to create newCsiDriverClient: driver name " + driver
            + " not found in the list of registered CSI drivers"));
    plugin.requireAnswering(driver); // NodeGetCapabilities, then NodeStageVolume
    if (!d.stageUnstage()) {
      return; // "attacher.MountDevice STAGE_UNSTAGE_VOLUME capability not set. Skipping MountDevice..."
    }
    String target = deviceMountPath();
    if (node.volumeMounts().sourceAt(target).isPresent()) {
      return;
    }
    MountSource source = stage(d);
    FileTree disk = node.disk().root();
    String dataDir = target.substring(0, target.lastIndexOf('/'));
    disk.mkdirs(target, 0750, Credentials.ROOT);
    disk.write(dataDir + "/vol_data.json", volData(PERSISTENT_MODE), Credentials.ROOT);
    node.volumeMounts().mount(target, source, readOnly ? MountOptions.READ_ONLY : MountOptions.READ_WRITE);
  }

  private static final String PERSISTENT_MODE = CsiPlugin.PERSISTENT;

  /** The driver's NodeStageVolume: the storage, formatted on first use, as a mount source. */
  private MountSource stage(CsiDriverProfile d) {
    ClusterWorld world = plugin.ctx().world();
    if (!world.replicatedVolumes().available(backend)) {
      // Longhorn refuses a volume with no healthy replica (memory: its "not ready for workloads").
      throw new VolumeSetUpException("rpc error: code = Aborted desc = volume " + handle
          + " is not ready for workloads: no healthy replica");
    }
    if (!blockDevice) {
      Optional<FileTree> share = world.sharedFileSystem(backend, "cifs");
      if (share.isEmpty()) {
        throw new VolumeSetUpException("rpc error: code = NotFound desc = volume " + handle + " not found");
      }
      return new MountSource(share.get(), "/", readOnly, CredentialsMapping.IDENTITY, "cifs", "//" + handle);
    }
    BlockDevice.Kind kind = migratedFrom != null ? BlockDevice.Kind.CLOUD_DISK : BlockDevice.Kind.CSI_VOLUME;
    String id = backend.substring(backend.indexOf(':') + 1);
    Optional<BlockDevice> device = world.blockDevice(backend,
        () -> BlockDevice.create(kind, id, ClusterWorld.DEFAULT_DEVICE_BYTES, null));
    if (device.isEmpty()) {
      throw new VolumeSetUpException("rpc error: code = NotFound desc = volume " + handle + " not found");
    }
    device.get().formatIfNeeded(fsType);
    MountSource m = device.get().mountSource();
    if (readWriteMany && d.shareManager()) {
      // RWX through the share manager: the volume is exported over NFS and every node mounts the export.
      m = new MountSource(m.tree(), m.subPath(), m.readOnly(), m.mapping(), "nfs4",
          "share-manager-" + handle + ":/" + handle);
    }
    return readOnly ? new MountSource(m.tree(), m.subPath(), true, m.mapping(), m.fsType(), m.device()) : m;
  }

  /**
   * {@code csiMountMgr.SetUpAt}: NodePublishVolume into the Pod's directory, from the staging path
   * when the driver stages, else from the storage directly; an inline volume is created here.
   */
  public MountSource setUp(NodeContext node) {
    String target = publishPath();
    Optional<MountSource> existing = node.volumeMounts().sourceAt(target);
    if (existing.isPresent()) {
      return existing.get();
    }
    CsiDriverProfile d = plugin.registered(driver).orElseThrow(() -> new VolumeSetUpException(
        "kubernetes.io/csi: mounter.SetUpAt failed to get CSI client: driver name " + driver
            + " not found in the list of registered CSI drivers"));
    plugin.requireAnswering(driver); // NodePublishVolume
    MountSource source;
    if (ephemeral) {
      source = new MountSource(plugin.inline.create(handle, fsType), "/", readOnly, CredentialsMapping.IDENTITY,
          fsType, driver + "-" + handle);
    } else if (d.stageUnstage()) {
      source = node.volumeMounts().sourceAt(deviceMountPath()).orElseThrow(() -> new VolumeSetUpException(
          "rpc error: code = FailedPrecondition desc = volume " + handle + " is not staged at " + deviceMountPath()));
    } else {
      source = stage(d);
    }
    FileTree disk = node.disk().root();
    String dataDir = target.substring(0, target.lastIndexOf('/'));
    disk.mkdirs(target, 0750, Credentials.ROOT);
    disk.write(dataDir + "/vol_data.json", volData(ephemeral ? CsiPlugin.EPHEMERAL : CsiPlugin.PERSISTENT),
        Credentials.ROOT);
    node.volumeMounts().mount(target, source, source.readOnly() ? MountOptions.READ_ONLY : MountOptions.READ_WRITE);
    return source;
  }

  /** {@code csiMountMgr.TearDownAt}: NodeUnpublishVolume, then the Pod's volume directory goes; an inline volume is deleted. */
  public void tearDown(NodeContext node) {
    String target = publishPath();
    plugin.requireAnswering(driver); // NodeUnpublishVolume
    node.volumeMounts().unmount(target);
    FileTree disk = node.disk().root();
    String dataDir = target.substring(0, target.lastIndexOf('/'));
    if (disk.exists(dataDir, Credentials.ROOT)) {
      disk.removeAll(dataDir, Credentials.ROOT);
    }
    if (ephemeral) {
      plugin.inline.delete(handle);
    }
  }

  /** {@code csiAttacher.UnmountDevice}: NodeUnstageVolume and the staging directory goes. */
  public void unmountDevice(NodeContext node) {
    String target = deviceMountPath();
    plugin.requireAnswering(driver); // NodeGetCapabilities, then NodeUnstageVolume
    node.volumeMounts().unmount(target);
    FileTree disk = node.disk().root();
    String dataDir = target.substring(0, target.lastIndexOf('/'));
    if (disk.exists(dataDir, Credentials.ROOT)) {
      disk.removeAll(dataDir, Credentials.ROOT);
    }
  }

  /**
   * Upstream's {@code vol_data.json} (keys sorted as Go's JSON encoder writes a map).
   */
  private String volData(String mode) {
    return "{\"driverName\":\"" + driver + "\",\"nodeName\":\"" + plugin.nodeName() + "\",\"specVolID\":\""
        + specName + "\",\"volumeHandle\":\"" + handle + "\",\"volumeLifecycleMode\":\"" + mode + "\"}";
  }

  /**
   * The check {@code NewMounter} makes for an inline volume ({@code supportsVolumeLifecycleMode}):
   * the CSIDriver object must list Ephemeral.
   *
   * @return the error, or empty
   */
  public Optional<String> lifecycleModeError() {
    String mode = ephemeral ? CsiPlugin.EPHEMERAL : CsiPlugin.PERSISTENT;
    Optional<List<String>> modes = plugin.lifecycleModes(driver);
    if (modes.isEmpty()) {
      return ephemeral ? Optional.of("volume mode \"" + mode + "\" not supported by driver " + driver
          + " (no CSIDriver object)") : Optional.empty();
    }
    if (modes.get().contains(mode)) {
      return Optional.empty();
    }
    StringBuilder q = new StringBuilder("[");
    for (int i = 0; i < modes.get().size(); i++) {
      q.append(i == 0 ? "" : " ").append('"').append(modes.get().get(i)).append('"');
    }
    return Optional.of("volume mode \"" + mode + "\" not supported by driver " + driver + " (only supports "
        + q.append(']') + ")");
  }
}
