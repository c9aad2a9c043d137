package dev.volsim.core.controller.persistentvolume;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.cluster.CsiDriverProfile;
import dev.volsim.core.engine.RandomSource;
import dev.volsim.core.world.BlockDevice;
import dev.volsim.core.world.ClusterWorld;
import dev.volsim.core.world.ReplicatedVolumes;
import dev.volsim.model.Quantity;
import dev.volsim.model.volume.CSIPersistentVolumeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The storage behind CSI volumes in the world: the block device {@code csi:<driver>/<handle>} a
 * driver's CreateVolume makes and its DeleteVolume removes, the volumes a driver has before the
 * story starts, and the replicas of a replicated (Longhorn-like) driver's volumes.
 */
final class CsiBackends {
  private CsiBackends() {}

  /** The world's name of a CSI volume's device. */
  static String backend(String driver, String handle) {
    return "csi:" + driver + "/" + handle;
  }

  /**
   * Registers every driver's pre-existing volumes as devices: with files, formatted (ext4) holding
   * them; without, blank. Volumes already known (a second provisioner of the same world) are left.
   */
  static void registerExisting(ClusterContext ctx) {
    ClusterWorld world = ctx.world();
    for (CsiDriverProfile d : ctx.csiDrivers()) {
      for (CsiDriverProfile.ExistingVolume v : d.volumes()) {
        String backend = backend(d.name(), v.handle());
        if (world.existingBlockDevice(backend).isPresent()) {
          continue;
        }
        long size = v.capacity() == null ? ClusterWorld.DEFAULT_DEVICE_BYTES : v.capacity().value().longValue();
        world.addBlockDevice(backend, v.files().isEmpty()
            ? BlockDevice.create(BlockDevice.Kind.CSI_VOLUME, v.handle(), size, v.zone())
            : BlockDevice.formatted(BlockDevice.Kind.CSI_VOLUME, v.handle(), size, v.zone(), "ext4", v.files()));
        if (d.replicasParameter() != null) {
          ImmutableList<String> nodes = placeReplicas(ctx, d, d.defaultReplicas(), backend);
          if (!nodes.isEmpty()) {
            world.replicatedVolumes().register(backend, nodes);
          }
        }
      }
    }
  }

  /**
   * CreateVolume's effect outside the API: a blank device of the provisioned size in its zone, and
   * for a replicated driver its replicas placed on distinct nodes.
   *
   * @param parameters the StorageClass parameters (the replica count parameter)
   * @return the replica nodes (empty for a driver without replication)
   */
  static ImmutableList<String> createVolume(ClusterContext ctx, CsiDriverProfile driver, String handle, Quantity size,
      String zone, Map<String, String> parameters) {
    String backend = backend(driver.name(), handle);
    long bytes = size == null ? ClusterWorld.DEFAULT_DEVICE_BYTES : Math.max(1, size.value().longValue());
    ctx.world().removeBlockDevice(backend);
    ctx.world().addBlockDevice(backend, BlockDevice.create(BlockDevice.Kind.CSI_VOLUME, handle, bytes, zone));
    if (driver.replicasParameter() == null) {
      return ImmutableList.of();
    }
    int replicas = driver.defaultReplicas();
    String asked = parameters.get(driver.replicasParameter());
    if (asked != null) {
      try {
        replicas = Math.max(1, Integer.parseInt(asked.strip()));
      } catch (NumberFormatException e) {
        // Longhorn ignores a count it cannot read and keeps its default.
      }
    }
    ImmutableList<String> nodes = placeReplicas(ctx, driver, replicas, backend);
    if (!nodes.isEmpty()) {
      ctx.world().replicatedVolumes().register(backend, nodes);
    }
    return nodes;
  }

  /**
   * Replica placement: distinct nodes where the driver runs and that are up, in an order drawn from
   * the seeded stream {@code external-provisioner/replicas} (Longhorn's scheduler spreads replicas
   * over nodes with its own soft anti-affinity; volsim keeps the hard rule). With fewer such nodes
   * than replicas asked, the volume gets one replica per node (Longhorn's degraded volume); with no
   * Node in the API, none, and the volume is not replicated.
   */
  private static ImmutableList<String> placeReplicas(ClusterContext ctx, CsiDriverProfile driver, int replicas,
      String backend) {
    ReplicatedVolumes rv = ctx.world().replicatedVolumes();
    List<String> candidates = new ArrayList<>();
    // The cluster's Nodes as the API lists them (sorted by name): known before the kubelets start.
    List<String> nodes = ctx.api().list(dev.volsim.model.core.Node.class).stream()
        .map(n -> n.metadata().name()).sorted().toList();
    for (String n : nodes) {
      if (driver.runsOn(n) && !rv.isDown(n)) {
        candidates.add(n);
      }
    }
    RandomSource random = ctx.engine().random(ExternalProvisioner.NAME + "/replicas");
    // Fisher-Yates over the sorted candidates: deterministic for a seed.
    for (int i = candidates.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String t = candidates.get(i);
      candidates.set(i, candidates.get(j));
      candidates.set(j, t);
    }
    return ImmutableList.copyOf(candidates.subList(0, Math.min(replicas, candidates.size())));
  }

  /** DeleteVolume's effect outside the API: the device and its data are gone. */
  static void deleteVolume(ClusterContext ctx, CSIPersistentVolumeSource source) {
    String backend = backend(source.driver(), source.volumeHandle());
    ctx.world().removeBlockDevice(backend);
    ctx.world().replicatedVolumes().remove(backend);
  }
}
