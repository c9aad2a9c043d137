package dev.volsim.scheduler;

import dev.volsim.core.api.ObjectKey;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.Pod;
import dev.volsim.model.storage.CSINode;
import dev.volsim.model.storage.StorageClass;
import dev.volsim.model.volume.CSIPersistentVolumeSource;
import dev.volsim.model.volume.Volume;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code nodevolumelimits} ({@code CSILimits}): the unique CSI volumes of the node's pods plus the
 * new pod's, per driver, against the CSINode's {@code allocatable.count}. A bound claim counts its
 * PV's driver and handle; an unbound one its class's provisioner and a handle of its own.
 */
final class NodeVolumeLimits implements FilterPlugin {
  static final String ERR_REASON_MAX_VOLUME_COUNT_EXCEEDED = "node(s) exceed max volume count";

  private final Handle h;

  NodeVolumeLimits(Handle h) {
    this.h = h;
  }

  @Override
  public String name() {
    return "NodeVolumeLimits";
  }

  @Override
  public Status preFilter(CycleState cs) {
    for (Volume v : cs.pod.spec().volumes()) {
      if (SchedulerCache.claimName(cs.pod, v) != null) {
        return Status.SUCCESS;
      }
    }
    return Status.SKIP;
  }

  @Override
  public Status filter(CycleState cs, NodeInfo node) {
    Map<String, Set<String>> fresh = volumes(cs.pod);
    if (fresh.isEmpty()) {
      return Status.SUCCESS;
    }
    CSINode csiNode = h.csiNodes.get("", node.name()).orElse(null);
    if (csiNode == null) {
      return Status.SUCCESS;
    }
    Map<String, Set<String>> attached = null;
    for (Map.Entry<String, Set<String>> e : fresh.entrySet()) {
      Integer limit = csiNode.driver(e.getKey())
          .map(d -> d.allocatable() == null ? null : d.allocatable().count()).orElse(null);
      if (limit == null) {
        continue;
      }
      if (attached == null) {
        Map<String, Set<String>> all = new TreeMap<>();
        for (Pod p : node.pods()) {
          volumes(p).forEach((d, s) -> all.computeIfAbsent(d, k -> new HashSet<>()).addAll(s));
        }
        attached = all;
      }
      Set<String> inUse = attached.getOrDefault(e.getKey(), Set.of());
      int added = 0;
      for (String handle : e.getValue()) {
        if (!inUse.contains(handle)) {
          added++;
        }
      }
      if (inUse.size() + added > limit) {
        return Status.of(Code.UNSCHEDULABLE, ERR_REASON_MAX_VOLUME_COUNT_EXCEEDED);
      }
    }
    return Status.SUCCESS;
  }

  /** driver -> unique volume ids of a pod's claims. */
  private Map<String, Set<String>> volumes(Pod pod) {
    Map<String, Set<String>> out = new TreeMap<>();
    String ns = pod.metadata().namespace();
    for (Volume v : pod.spec().volumes()) {
      String claim = SchedulerCache.claimName(pod, v);
      if (claim == null) {
        continue;
      }
      PersistentVolumeClaim pvc = h.pvcs.get(ns, claim).orElse(null);
      if (pvc == null) {
        continue;
      }
      String pvName = pvc.spec().volumeName();
      PersistentVolume pv = pvName == null || pvName.isEmpty() ? null
          : h.pvs.get(ObjectKey.cluster("PersistentVolume", pvName)).orElse(null);
      if (pv != null && pv.spec().source() instanceof CSIPersistentVolumeSource csi) {
        out.computeIfAbsent(csi.driver(), k -> new HashSet<>()).add(csi.driver() + "/" + csi.volumeHandle());
      } else if (pv == null) {
        String cls = VolumeBinding.claimClass(pvc);
        StorageClass sc = cls.isEmpty() ? null : h.classes.get("", cls).orElse(null);
        if (sc != null && sc.provisioner() != null) {
          out.computeIfAbsent(sc.provisioner(), k -> new HashSet<>()).add(sc.provisioner() + "/" + ns + "/" + claim);
        }
      }
    }
    return out;
  }

  @Override
  public Set<ClusterEvent> events() {
    return EnumSet.of(ClusterEvent.CSI_NODE_ADD_OR_UPDATE, ClusterEvent.POD_DELETE, ClusterEvent.PVC_ADD,
        ClusterEvent.NODE_ADD);
  }
}
