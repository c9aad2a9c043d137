package dev.volsim.sim;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.KubeObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster a scenario gets when it gives none: three nodes in three zones with the NFS client
 * and git installed, a default StorageClass {@code standard} (WaitForFirstConsumer, Delete) and
 * the CSI driver behind it, {@value Simulation#DEFAULT_CSI_DRIVER}, on every node.
 */
final class DefaultCluster {
  static final ImmutableList<ClusterNode> NODES = ImmutableList.of(
      ClusterNode.of("node-1", "zone-a", List.of("nfs-common", "git")),
      ClusterNode.of("node-2", "zone-b", List.of("nfs-common", "git")),
      ClusterNode.of("node-3", "zone-c", List.of("nfs-common", "git")));

  /** The driver behind the default class: zonal, attachable, staged, ReadWriteOnce. */
  static final dev.volsim.core.cluster.CsiDriverProfile CSI_DRIVER = new dev.volsim.core.cluster.CsiDriverProfile(
      Simulation.DEFAULT_CSI_DRIVER, true, true, false, null, null, null, null,
      "topology.kubernetes.io/zone", ImmutableList.of("zone-a", "zone-b", "zone-c"), null, null, null, null, 1,
      false, null, null);

  private DefaultCluster() {}

  /** The default StorageClass; the driver's CSIDriver and CSINode objects come from its profile. */
  static List<KubeObject> objects() {
    List<KubeObject> out = new ArrayList<>();
    Map<String, Object> sc = new LinkedHashMap<>();
    sc.put("apiVersion", "storage.k8s.io/v1");
    sc.put("kind", "StorageClass");
    sc.put("metadata", Map.of("name", "standard",
        "annotations", Map.of("storageclass.kubernetes.io/is-default-class", "true")));
    sc.put("provisioner", Simulation.DEFAULT_CSI_DRIVER);
    sc.put("reclaimPolicy", "Delete");
    sc.put("volumeBindingMode", "WaitForFirstConsumer");
    sc.put("allowVolumeExpansion", true);
    out.add(Simulation.decode(sc, "default cluster"));
    return out;
  }
}
