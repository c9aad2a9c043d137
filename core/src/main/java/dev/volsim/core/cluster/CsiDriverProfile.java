package dev.volsim.core.cluster;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;
import dev.volsim.model.Quantity;
import dev.volsim.model.core.PersistentVolumeAccessMode;
import dev.volsim.model.core.PersistentVolumeMode;

/**
 * A CSI driver of the simulated cluster, as a scenario's {@code cluster.csiDrivers} describes it:
 * what its external provisioner and attacher can do and where its node plugin runs. Defaults are
 * the scenario format's.
 *
 * @param name the driver name ({@code ebs.csi.aws.com}); StorageClasses naming it as provisioner are its
 * @param attachRequired whether volumes are attached (VolumeAttachment) before mounting
 * @param stageUnstage whether MountDevice (NodeStage) happens
 * @param podInfoOnMount whether NodePublish gets Pod information
 * @param volumeLifecycleModes Persistent and/or Ephemeral
 * @param fsGroupPolicy ReadWriteOnceWithFSType, File or None
 * @param accessModes the access modes its volumes support
 * @param volumeModes Filesystem and/or Block
 * @param topologyKey the node label its topology segments use, or null for no topology
 * @param zones the values of {@code topologyKey} it serves (empty: every node's)
 * @param maxVolumesPerNode attach limit per node (CSINode allocatable), or null for none
 * @param capacity total capacity it can provision, or null for unlimited
 * @param nodes where its node plugin runs (empty: every node)
 * @param replicasParameter the StorageClass parameter naming the replica count, or null
 * @param defaultReplicas the replica count without that parameter
 * @param shareManager whether ReadWriteMany is served through an NFS share manager
 * @param allocationUnit provisioned sizes are rounded up to it, or null
 * @param volumes volumes that exist before the story starts
 */
public record CsiDriverProfile(
    String name, boolean attachRequired, boolean stageUnstage, boolean podInfoOnMount,
    ImmutableList<String> volumeLifecycleModes, String fsGroupPolicy,
    ImmutableList<PersistentVolumeAccessMode> accessModes, ImmutableList<PersistentVolumeMode> volumeModes,
    String topologyKey, ImmutableList<String> zones, Integer maxVolumesPerNode, Quantity capacity,
    ImmutableList<String> nodes, String replicasParameter, int defaultReplicas, boolean shareManager,
    Quantity allocationUnit, ImmutableList<ExistingVolume> volumes) {

  public CsiDriverProfile {
    requireNonNull(name, "name is null");
    volumeLifecycleModes = volumeLifecycleModes == null || volumeLifecycleModes.isEmpty()
        ? ImmutableList.of("Persistent") : volumeLifecycleModes;
    fsGroupPolicy = fsGroupPolicy == null ? "ReadWriteOnceWithFSType" : fsGroupPolicy;
    accessModes = accessModes == null || accessModes.isEmpty()
        ? ImmutableList.of(PersistentVolumeAccessMode.READ_WRITE_ONCE) : accessModes;
    volumeModes = volumeModes == null || volumeModes.isEmpty()
        ? ImmutableList.of(PersistentVolumeMode.FILESYSTEM) : volumeModes;
    zones = Immutables.list(zones);
    nodes = Immutables.list(nodes);
    volumes = Immutables.list(volumes);
  }

  /** A driver with the format's defaults: attach required, staged, RWO, Filesystem, no topology or limits. */
  public static CsiDriverProfile withDefaults(String name) {
    return new CsiDriverProfile(name, true, true, false, null, null, null, null, null, null, null, null,
        null, null, 1, false, null, null);
  }

  /** Whether the node plugin runs on this node. */
  public boolean runsOn(String node) {
    return nodes.isEmpty() || nodes.contains(node);
  }

  /**
   * A volume that exists in the driver's backend before the story starts.
   *
   * @param handle the CSI volume handle
   * @param capacity its size
   * @param zone its topology segment value, or null
   * @param files what it holds: a volume with files is formatted (ext4) holding them; without, blank
   */
  public record ExistingVolume(String handle, Quantity capacity, String zone,
      ImmutableList<dev.volsim.core.world.FileSpec> files) {
    public ExistingVolume {
      files = Immutables.list(files);
    }

    /** A volume without declared files: a blank device until first staged. */
    public ExistingVolume(String handle, Quantity capacity, String zone) {
      this(handle, capacity, zone, null);
    }
  }
}
