package dev.volsim.scheduler;

import dev.volsim.model.core.PersistentVolumeAccessMode;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.Pod;
import dev.volsim.model.volume.AWSElasticBlockStoreVolumeSource;
import dev.volsim.model.volume.GCEPersistentDiskVolumeSource;
import dev.volsim.model.volume.ISCSIVolumeSource;
import dev.volsim.model.volume.PersistentVolumeClaimVolumeSource;
import dev.volsim.model.volume.RBDVolumeSource;
import dev.volsim.model.volume.Volume;
import dev.volsim.model.volume.VolumeSource;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code volumerestrictions}: inline GCE PD, AWS EBS, iSCSI and RBD disks already used by a pod on
 * the node ({@code node(s) had no available disk}), and ReadWriteOncePod claims already used by a
 * scheduled pod anywhere in the cluster.
 */
final class VolumeRestrictions implements FilterPlugin {
  static final String ERR_REASON_DISK_CONFLICT = "node(s) had no available disk";
  static final String ERR_REASON_RWOP_CONFLICT =
      "node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode";
  private static final String STATE_KEY = "VolumeRestrictions";

  private final Handle h;

  VolumeRestrictions(Handle h) {
    this.h = h;
  }

  @Override
  public String name() {
    return "VolumeRestrictions";
  }

  @Override
  public Status preFilter(CycleState cs) {
    Pod pod = cs.pod;
    boolean needsCheck = false;
    for (Volume v : pod.spec().volumes()) {
      if (isDisk(v.source())) {
        needsCheck = true;
      }
    }
    int conflicts = 0;
    for (Volume v : pod.spec().volumes()) {
      // readWriteOncePodPVCsForPod: persistentVolumeClaim volumes only; generic ephemeral claims
      // belong to one pod, and a missing one is VolumeBinding's to report.
      if (!(v.source() instanceof PersistentVolumeClaimVolumeSource pvcSource)) {
        continue;
      }
      String claim = pvcSource.claimName();
      PersistentVolumeClaim pvc = h.pvcs.get(pod.metadata().namespace(), claim).orElse(null);
      if (pvc == null) {
        return Status.of(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, Handle.pvcNotFound(claim));
      }
      if (pvc.spec().accessModes().contains(PersistentVolumeAccessMode.READ_WRITE_ONCE_POD)
          && h.cache.pvcRefCount(pod.metadata().namespace() + "/" + claim) > 0) {
        conflicts++;
      }
    }
    if (!needsCheck && conflicts == 0) {
      return Status.SKIP;
    }
    cs.write(STATE_KEY, conflicts);
    return Status.SUCCESS;
  }

  @Override
  public Status filter(CycleState cs, NodeInfo node) {
    for (Volume v : cs.pod.spec().volumes()) {
      if (!isDisk(v.source())) {
        continue;
      }
      for (Pod other : node.pods()) {
        for (Volume ov : other.spec().volumes()) {
          if (isVolumeConflict(v.source(), ov.source())) {
            return Status.of(Code.UNSCHEDULABLE, ERR_REASON_DISK_CONFLICT);
          }
        }
      }
    }
    Integer conflicts = cs.read(STATE_KEY, Integer.class);
    if (conflicts != null && conflicts > 0) {
      return Status.of(Code.UNSCHEDULABLE, ERR_REASON_RWOP_CONFLICT);
    }
    return Status.SUCCESS;
  }

  private static boolean isDisk(VolumeSource s) {
    return s instanceof GCEPersistentDiskVolumeSource || s instanceof AWSElasticBlockStoreVolumeSource
        || s instanceof ISCSIVolumeSource || s instanceof RBDVolumeSource;
  }

  /** {@code isVolumeConflict}. */
  static boolean isVolumeConflict(VolumeSource a, VolumeSource b) {
    if (a instanceof GCEPersistentDiskVolumeSource x && b instanceof GCEPersistentDiskVolumeSource y) {
      return x.pdName().equals(y.pdName()) && !(x.readOnly() && y.readOnly());
    } else if (a instanceof AWSElasticBlockStoreVolumeSource x && b instanceof AWSElasticBlockStoreVolumeSource y) {
      return x.volumeID().equals(y.volumeID());
    } else if (a instanceof ISCSIVolumeSource x && b instanceof ISCSIVolumeSource y) {
      return x.iqn().equals(y.iqn()) && !(x.readOnly() && y.readOnly());
    } else if (a instanceof RBDVolumeSource x && b instanceof RBDVolumeSource y) {
      boolean monitorsOverlap = x.monitors().stream().anyMatch(y.monitors()::contains);
      return monitorsOverlap && x.pool().equals(y.pool()) && x.image().equals(y.image())
          && !(x.readOnly() && y.readOnly());
    } else {
      return false;
    }
  }

  @Override
  public Set<ClusterEvent> events() {
    return EnumSet.of(ClusterEvent.POD_DELETE, ClusterEvent.NODE_ADD, ClusterEvent.PVC_ADD);
  }
}
