package dev.volsim.core.controller.attachdetach;

import dev.volsim.core.api.Informer;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.cluster.CsiDriverProfile;
import dev.volsim.core.controller.attachdetach.cache.AttachableVolume;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeAccessMode;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.PersistentVolumeClaimPhase;
import dev.volsim.model.core.Pod;
import dev.volsim.model.storage.CSIDriver;
import dev.volsim.model.volume.AWSElasticBlockStoreVolumeSource;
import dev.volsim.model.volume.AzureDiskVolumeSource;
import dev.volsim.model.volume.CSIPersistentVolumeSource;
import dev.volsim.model.volume.CinderPersistentVolumeSource;
import dev.volsim.model.volume.CinderVolumeSource;
import dev.volsim.model.volume.EphemeralVolumeSource;
import dev.volsim.model.volume.FCVolumeSource;
import dev.volsim.model.volume.GCEPersistentDiskVolumeSource;
import dev.volsim.model.volume.ISCSIPersistentVolumeSource;
import dev.volsim.model.volume.ISCSIVolumeSource;
import dev.volsim.model.volume.PersistentVolumeClaimVolumeSource;
import dev.volsim.model.volume.PhotonPersistentDiskVolumeSource;
import dev.volsim.model.volume.PortworxVolumeSource;
import dev.volsim.model.volume.RBDPersistentVolumeSource;
import dev.volsim.model.volume.RBDVolumeSource;
import dev.volsim.model.volume.Volume;
import dev.volsim.model.volume.VsphereVirtualDiskVolumeSource;
import java.util.List;
import java.util.Optional;

/**
 * Which Pod volumes the attach/detach controller handles ({@code FindAttachablePluginBySpec}) and
 * their unique names ({@code GetUniqueVolumeNameFromSpec}: {@code <pluginName>/<GetVolumeName>}).
 * Attachable: CSI unless its CSIDriver says {@code attachRequired: false} (inline CSI never), GCE
 * PD, AWS EBS, RBD (while the release has it), iSCSI, FC, Cinder, Azure Disk, vSphere, Photon and
 * Portworx. Everything else is skipped.
 */
final class AttachableVolumes {
  static final String CSI_PLUGIN = "kubernetes.io/csi";

  private final ClusterContext ctx;
  private final Informer<PersistentVolumeClaim> claims;
  private final Informer<PersistentVolume> volumes;
  private final Informer<CSIDriver> drivers;

  AttachableVolumes(ClusterContext ctx, Informer<PersistentVolumeClaim> claims, Informer<PersistentVolume> volumes,
      Informer<CSIDriver> drivers) {
    this.ctx = ctx;
    this.claims = claims;
    this.volumes = volumes;
    this.drivers = drivers;
  }

  /** The claim a Pod volume uses, as {@code namespace/name}, or null. */
  static String claimKey(Pod pod, Volume v) {
    if (v.source() instanceof PersistentVolumeClaimVolumeSource c) {
      return pod.metadata().namespace() + "/" + c.claimName();
    } else if (v.source() instanceof EphemeralVolumeSource) {
      // Generic ephemeral volume: the claim is "<pod>-<volume>".
      return pod.metadata().namespace() + "/" + pod.metadata().name() + "-" + v.name();
    } else {
      return null;
    }
  }

  /** The attachable volume behind a Pod volume, if it is attachable and (for a claim) bound. */
  Optional<AttachableVolume> forPodVolume(Pod pod, Volume v) {
    String claimKey = claimKey(pod, v);
    if (claimKey != null) {
      String[] nn = claimKey.split("/", 2);
      Optional<PersistentVolumeClaim> claim = claims.get(nn[0], nn[1]);
      if (claim.isEmpty() || claim.get().status() == null
          || claim.get().status().phase() != PersistentVolumeClaimPhase.BOUND
          || claim.get().spec().volumeName() == null || claim.get().spec().volumeName().isEmpty()) {
        return Optional.empty(); // "PVC %s/%s has non-bound phase (%q) or empty pvc.Spec.VolumeName (%q)"
      }
      Optional<PersistentVolume> pv = volumes.get("", claim.get().spec().volumeName());
      if (pv.isEmpty() || pv.get().spec().claimRef() == null
          || !String.valueOf(pv.get().spec().claimRef().uid()).equals(claim.get().metadata().uid())) {
        return Optional.empty(); // "found PV object %q but it has a nil pv.Spec.ClaimRef ..."
      }
      return forPersistentVolume(pv.get());
    }
    return forInline(v);
  }

  Optional<AttachableVolume> forPersistentVolume(PersistentVolume pv) {
    Object s = pv.spec().source();
    String name = pv.metadata().name();
    List<PersistentVolumeAccessMode> modes = pv.spec().accessModes();
    // util.IsMultiAttachAllowed: no access modes, or RWX/ROX among them.
    boolean multi = modes.isEmpty() || modes.contains(PersistentVolumeAccessMode.READ_WRITE_MANY)
        || modes.contains(PersistentVolumeAccessMode.READ_ONLY_MANY);
    if (s instanceof CSIPersistentVolumeSource c) {
      if (!csiAttachRequired(c.driver())) {
        return Optional.empty();
      }
      return Optional.of(new AttachableVolume(CSI_PLUGIN + "/" + c.driver() + "^" + c.volumeHandle(), name, name,
          CSI_PLUGIN, c.driver(), c.volumeHandle(), multi, ""));
    }
    Optional<dev.volsim.core.volume.CsiMigration.Translated> migrated =
        dev.volsim.core.volume.CsiMigration.translate(s, pv.metadata().labels());
    if (migrated.isPresent()) {
      return migratedVolume(migrated.get(), name, name, multi);
    }
    return inTree(s, name, name, multi);
  }

  /**
   * An in-tree cloud volume through CSI migration: attached as its CSI driver's volume, under the
   * translated handle, through a VolumeAttachment (unless the driver says attachRequired: false).
   */
  private Optional<AttachableVolume> migratedVolume(dev.volsim.core.volume.CsiMigration.Translated t, String specName,
      String pvName, boolean multi) {
    if (!csiAttachRequired(t.driver())) {
      return Optional.empty();
    }
    return Optional.of(new AttachableVolume(CSI_PLUGIN + "/" + t.driver() + "^" + t.volumeHandle(), specName, pvName,
        CSI_PLUGIN, t.driver(), t.volumeHandle(), multi, ""));
  }

  private Optional<AttachableVolume> forInline(Volume v) {
    Object s = v.source();
    // Inline Azure Disk and Cinder refuse multi-attach; any other inline volume lets the attacher fail.
    boolean multi = !(s instanceof AzureDiskVolumeSource || s instanceof CinderVolumeSource);
    Optional<dev.volsim.core.volume.CsiMigration.Translated> migrated =
        dev.volsim.core.volume.CsiMigration.translate(s, java.util.Map.of());
    if (migrated.isPresent()) {
      return migratedVolume(migrated.get(), v.name(), null, multi);
    }
    return inTree(s, v.name(), null, multi);
  }

  private Optional<AttachableVolume> inTree(Object s, String specName, String pvName, boolean multi) {
    String plugin;
    String volumeName;
    String devicePath = "";
    if (s instanceof GCEPersistentDiskVolumeSource g) {
      plugin = "kubernetes.io/gce-pd";
      volumeName = g.pdName();
      devicePath = "/dev/disk/by-id/google-" + g.pdName();
    } else if (s instanceof AWSElasticBlockStoreVolumeSource a) {
      plugin = "kubernetes.io/aws-ebs";
      volumeName = a.volumeID();
    } else if (s instanceof RBDPersistentVolumeSource r && ctx.version().hasInTreePlugin("rbd")) {
      plugin = "kubernetes.io/rbd";
      volumeName = r.pool() + ":" + r.image();
    } else if (s instanceof RBDVolumeSource r && ctx.version().hasInTreePlugin("rbd")) {
      plugin = "kubernetes.io/rbd";
      volumeName = r.pool() + ":" + r.image();
    } else if (s instanceof ISCSIPersistentVolumeSource i) {
      plugin = "kubernetes.io/iscsi";
      volumeName = i.targetPortal() + ":" + i.iqn() + ":" + i.lun();
    } else if (s instanceof ISCSIVolumeSource i) {
      plugin = "kubernetes.io/iscsi";
      volumeName = i.targetPortal() + ":" + i.iqn() + ":" + i.lun();
    } else if (s instanceof FCVolumeSource f) {
      plugin = "kubernetes.io/fc";
      // GetVolumeName: Go's %v of the lists; WWNs with a lun win over WWIDs.
      volumeName = !f.targetWWNs().isEmpty() && f.lun() != null
          ? "[" + String.join(" ", f.targetWWNs()) + "]:" + f.lun()
          : "[" + String.join(" ", f.wwids()) + "]";
    } else if (s instanceof CinderPersistentVolumeSource c) {
      plugin = "kubernetes.io/cinder";
      volumeName = c.volumeID();
    } else if (s instanceof CinderVolumeSource c) {
      plugin = "kubernetes.io/cinder";
      volumeName = c.volumeID();
    } else if (s instanceof AzureDiskVolumeSource a) {
      plugin = "kubernetes.io/azure-disk";
      volumeName = a.diskURI();
    } else if (s instanceof VsphereVirtualDiskVolumeSource vs) {
      plugin = "kubernetes.io/vsphere-volume";
      volumeName = vs.volumePath();
    } else if (s instanceof PhotonPersistentDiskVolumeSource p) {
      plugin = "kubernetes.io/photon-pd";
      volumeName = p.pdID();
    } else if (s instanceof PortworxVolumeSource p) {
      plugin = "kubernetes.io/portworx-volume";
      volumeName = p.volumeID();
    } else {
      // emptyDir, hostPath, NFS, CephFS, local, configMap, secret, projected, inline CSI, ...:
      // "Skipping volume for pod: it does not implement attacher interface".
      return Optional.empty();
    }
    return Optional.of(new AttachableVolume(plugin + "/" + volumeName, specName, pvName, plugin, null, volumeName,
        multi, devicePath));
  }

  /**
   * The volume behind a unique name found in a node's {@code status.volumesAttached} at startup,
   * where upstream has no spec at all ({@code MarkVolumeAsAttached(uniqueName, nil, ...)}): the PV
   * with that driver and handle if there is one, otherwise a spec only good for detaching, which
   * (like a nil spec) allows multi-attach.
   */
  AttachableVolume fromUniqueName(String uniqueName) {
    if (uniqueName.startsWith(CSI_PLUGIN + "/") && uniqueName.indexOf('^') > 0) {
      String rest = uniqueName.substring(CSI_PLUGIN.length() + 1);
      String driver = rest.substring(0, rest.indexOf('^'));
      String handle = rest.substring(rest.indexOf('^') + 1);
      for (PersistentVolume pv : volumes.list()) {
        if (pv.spec().source() instanceof CSIPersistentVolumeSource c && c.driver().equals(driver)
            && c.volumeHandle().equals(handle)) {
          return new AttachableVolume(uniqueName, pv.metadata().name(), pv.metadata().name(), CSI_PLUGIN, driver,
              handle, forPersistentVolume(pv).map(AttachableVolume::multiAttachAllowed).orElse(true), "");
        }
      }
      return new AttachableVolume(uniqueName, handle, null, CSI_PLUGIN, driver, handle, true, "");
    }
    for (PersistentVolume pv : volumes.list()) {
      Optional<AttachableVolume> a = forPersistentVolume(pv);
      if (a.isPresent() && a.get().uniqueName().equals(uniqueName)) {
        return a.get();
      }
    }
    int slash = uniqueName.indexOf('/', uniqueName.indexOf('/') + 1);
    String plugin = slash > 0 ? uniqueName.substring(0, slash) : uniqueName;
    String name = slash > 0 ? uniqueName.substring(slash + 1) : uniqueName;
    return new AttachableVolume(uniqueName, name, null, plugin, null, name, true, "");
  }

  /**
   * Whether a CSI driver needs attaching: the CSIDriver object decides; without one, the cluster's
   * driver profile; without either, attach is required (a missing CSIDriver means attach).
   */
  boolean csiAttachRequired(String driver) {
    Optional<CSIDriver> d = drivers.get("", driver);
    if (d.isPresent()) {
      return d.get().spec().attachRequired();
    }
    return ctx.csiDriver(driver).map(CsiDriverProfile::attachRequired).orElse(true);
  }
}
