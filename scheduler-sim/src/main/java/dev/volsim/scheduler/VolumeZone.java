package dev.volsim.scheduler;

import dev.volsim.core.api.ObjectKey;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.storage.StorageClass;
import dev.volsim.model.storage.VolumeBindingMode;
import dev.volsim.model.volume.PersistentVolumeClaimVolumeSource;
import dev.volsim.model.volume.Volume;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code volumezone}: a bound PV's zone and region labels (the GA keys and the deprecated
 * {@code failure-domain.beta} ones, values may list several zones joined by {@code "__"}) must
 * match the node's. Nodes without any of those labels pass (single-zone clusters).
 */
final class VolumeZone implements FilterPlugin {
  static final String ERR_REASON_CONFLICT = "node(s) had no available volume zone";
  private static final String STATE_KEY = "VolumeZone";
  private static final List<String> TOPOLOGY_LABELS = List.of(
      "failure-domain.beta.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/region",
      "topology.kubernetes.io/zone", "topology.kubernetes.io/region");

  private final Handle h;

  VolumeZone(Handle h) {
    this.h = h;
  }

  private record Topology(String key, Set<String> values) {}

  @Override
  public String name() {
    return "VolumeZone";
  }

  @Override
  public Status preFilter(CycleState cs) {
    List<Topology> topologies = new ArrayList<>();
    String ns = cs.pod.metadata().namespace();
    for (Volume v : cs.pod.spec().volumes()) {
      // Only persistentVolumeClaim volumes: upstream's getPVbyPod does not look at ephemeral ones.
      if (!(v.source() instanceof PersistentVolumeClaimVolumeSource pvcSource)) {
        continue;
      }
      String claim = pvcSource.claimName() == null ? "" : pvcSource.claimName();
      if (claim.isEmpty()) {
        return Status.of(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, "PersistentVolumeClaim had no name");
      }
      PersistentVolumeClaim pvc = h.pvcs.get(ns, claim).orElse(null);
      if (pvc == null) {
        return Status.of(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, Handle.pvcNotFound(claim));
      }
      String pvName = pvc.spec().volumeName();
      if (pvName == null || pvName.isEmpty()) {
        String cls = VolumeBinding.claimClass(pvc);
        if (cls.isEmpty()) {
          return Status.of(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, "PersistentVolumeClaim had no pv name and storageClass name");
        }
        StorageClass sc = h.classes.get("", cls).orElse(null);
        if (sc == null) {
          return Status.of(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, "storageclass.storage.k8s.io \"" + cls + "\" not found");
        }
        if (sc.volumeBindingMode() == VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER) {
          continue; // the volume will be created in the chosen node's topology
        }
        return Status.of(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, "PersistentVolume had no name");
      }
      PersistentVolume pv = h.pvs.get(ObjectKey.cluster("PersistentVolume", pvName)).orElse(null);
      if (pv == null) {
        return Status.of(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, "persistentvolume \"" + pvName + "\" not found");
      }
      for (String key : TOPOLOGY_LABELS) {
        String value = pv.metadata().labels().get(key);
        if (value != null) {
          topologies.add(new Topology(key, Set.of(value.split("__"))));
        }
      }
    }
    if (topologies.isEmpty()) {
      return Status.SKIP;
    }
    cs.write(STATE_KEY, topologies);
    return Status.SUCCESS;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Status filter(CycleState cs, NodeInfo node) {
    List<Topology> topologies = cs.read(STATE_KEY, List.class);
    Map<String, String> labels = node.node().metadata().labels();
    boolean hasAny = false;
    for (String key : TOPOLOGY_LABELS) {
      if (labels.containsKey(key)) {
        hasAny = true;
        break;
      }
    }
    if (!hasAny) {
      return Status.SUCCESS;
    }
    for (Topology t : topologies) {
      String value = labels.get(t.key());
      if (value == null) {
        value = labels.get(t.key().replace("failure-domain.beta.kubernetes.io/", "topology.kubernetes.io/"));
      }
      if (value == null || !t.values().contains(value)) {
        return Status.of(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, ERR_REASON_CONFLICT);
      }
    }
    return Status.SUCCESS;
  }

  @Override
  public Set<ClusterEvent> events() {
    return EnumSet.of(ClusterEvent.NODE_ADD, ClusterEvent.NODE_UPDATE, ClusterEvent.PV_ADD_OR_UPDATE,
        ClusterEvent.PVC_ADD, ClusterEvent.PVC_UPDATE, ClusterEvent.STORAGE_CLASS_ADD_OR_UPDATE);
  }
}
