package dev.volsim.core.kubelet;

import dev.volsim.core.api.ApiServer;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.Pod;
import dev.volsim.model.volume.Volume;
import dev.volsim.model.volume.PersistentVolumeClaimVolumeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code GetExtraSupplementalGroupsForPod}: the groups a Pod's containers get from its volumes,
 * the {@code pv.beta.kubernetes.io/gid} annotation of each PV it uses, so a volume owned by that
 * group is usable by the Pod's processes. Values that are not numbers, or already among the
 * Pod's supplementalGroups, add nothing. Upstream: pkg/kubelet/volumemanager/volume_manager.go
 * (GetExtraSupplementalGroupsForPod, getExtraSupplementalGid), pkg/volume/util
 * (VolumeGidAnnotationKey).
 */
public final class VolumeGids {
  /** The PV annotation naming a group every Pod using the volume runs with. */
  public static final String VOLUME_GID_ANNOTATION = "pv.beta.kubernetes.io/gid";

  private VolumeGids() {}

  /** The extra groups, ascending, for the Pod's PersistentVolumeClaim volumes as bound now. */
  public static List<Integer> forPod(Pod pod, ApiServer api) {
    TreeSet<Integer> gids = new TreeSet<>();
    for (Volume v : pod.spec().volumes()) {
      String claimName = v.source() instanceof PersistentVolumeClaimVolumeSource c ? c.claimName()
          : v.source() instanceof dev.volsim.model.volume.EphemeralVolumeSource ? pod.metadata().name() + "-" + v.name()
          : null;
      if (claimName == null) {
        continue;
      }
      Optional<PersistentVolumeClaim> pvc = api.get(PersistentVolumeClaim.class, pod.metadata().namespace(), claimName);
      String pvName = pvc.map(p -> p.spec().volumeName()).orElse(null);
      if (pvName == null || pvName.isEmpty()) {
        continue;
      }
      Optional<PersistentVolume> pv = api.get(PersistentVolume.class, "", pvName);
      String value = pv.map(p -> p.metadata().annotations().get(VOLUME_GID_ANNOTATION)).orElse(null);
      if (value == null) {
        continue;
      }
      try {
        long gid = Long.parseLong(value.trim());
        var psc = pod.spec().securityContext();
        boolean already = psc != null && psc.supplementalGroups().contains(gid);
        if (!already && gid >= 0 && gid <= Integer.MAX_VALUE) {
          gids.add((int) gid);
        }
      } catch (NumberFormatException e) {
        // upstream: "unable to parse volume gid annotation" - the value adds no group
      }
    }
    return new ArrayList<>(gids);
  }
}
