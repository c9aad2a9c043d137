package dev.volsim.core.volume;

import dev.volsim.model.volume.AWSElasticBlockStoreVolumeSource;
import dev.volsim.model.volume.AzureDiskVolumeSource;
import dev.volsim.model.volume.AzureFilePersistentVolumeSource;
import dev.volsim.model.volume.AzureFileVolumeSource;
import dev.volsim.model.volume.CinderPersistentVolumeSource;
import dev.volsim.model.volume.CinderVolumeSource;
import dev.volsim.model.volume.GCEPersistentDiskVolumeSource;
import dev.volsim.model.volume.VsphereVirtualDiskVolumeSource;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CSI migration of in-tree cloud volumes (staging/src/k8s.io/csi-translation-lib/plugins): every
 * modelled release has migration on and locked for these plugins, so their PV and inline sources are
 * served by the CSI driver of the same storage, under the handle the translation library makes.
 * The storage itself stays the same: a cloud disk is the world's {@code cloudDisk:<id>} device, an
 * Azure file share the shared file system {@code azureFile:<account>/<share>}.
 */
public final class CsiMigration {
  /** {@code UnspecifiedValue} of the GCE PD translator, for an unknown project or zone. */
  static final String UNSPECIFIED = "UNSPECIFIED";
  private static final Pattern AZURE_SECRET = Pattern.compile("azure-storage-account-(.+)-secret");

  private CsiMigration() {}

  /**
   * An in-tree source as its CSI driver sees it.
   *
   * @param inTreePlugin {@code kubernetes.io/gce-pd}, ...
   * @param driver the CSI driver ({@code pd.csi.storage.gke.io})
   * @param volumeHandle the translated handle ({@code projects/UNSPECIFIED/zones/zone-a/disks/disk-1})
   * @param fsType the file system asked for, or null for the default
   * @param readOnly whether the source is read-only
   * @param backend the world's name of the storage ({@code cloudDisk:disk-1})
   * @param blockDevice whether the storage is a block device (else a shared file system)
   */
  public record Translated(String inTreePlugin, String driver, String volumeHandle, String fsType, boolean readOnly,
      String backend, boolean blockDevice) {}

  /**
   * The translation of a PV source or inline volume source, if it is a migrated in-tree one.
   *
   * @param pvLabels the PV's labels (the GCE PD translator takes the zone from them); empty for inline
   */
  public static Optional<Translated> translate(Object source, Map<String, String> pvLabels) {
    if (source instanceof GCEPersistentDiskVolumeSource g) {
      String zone = pvLabels.getOrDefault("failure-domain.beta.kubernetes.io/zone",
          pvLabels.getOrDefault("topology.kubernetes.io/zone", ""));
      // volIDZonalFmt "projects/%s/zones/%s/disks/%s"; a multi-zone (regional) label is not modelled.
      String z = zone.isEmpty() || zone.contains("__") ? UNSPECIFIED : zone;
      return Optional.of(new Translated("kubernetes.io/gce-pd", "pd.csi.storage.gke.io",
          "projects/" + UNSPECIFIED + "/zones/" + z + "/disks/" + g.pdName(), g.fsType(), g.readOnly(),
          "cloudDisk:" + g.pdName(), true));
    } else if (source instanceof AWSElasticBlockStoreVolumeSource a) {
      String id = ebsVolumeId(a.volumeID());
      return Optional.of(new Translated("kubernetes.io/aws-ebs", "ebs.csi.aws.com", id, a.fsType(), a.readOnly(),
          "cloudDisk:" + id, true));
    } else if (source instanceof AzureDiskVolumeSource d) {
      // The handle is the disk URI; the disk's id in the world is its name.
      return Optional.of(new Translated("kubernetes.io/azure-disk", "disk.csi.azure.com", d.diskURI(), d.fsType(),
          Boolean.TRUE.equals(d.readOnly()), "cloudDisk:" + d.diskName(), true));
    } else if (source instanceof CinderPersistentVolumeSource c) {
      return Optional.of(new Translated("kubernetes.io/cinder", "cinder.csi.openstack.org", c.volumeID(), c.fsType(),
          c.readOnly(), "cloudDisk:" + c.volumeID(), true));
    } else if (source instanceof CinderVolumeSource c) {
      return Optional.of(new Translated("kubernetes.io/cinder", "cinder.csi.openstack.org", c.volumeID(), c.fsType(),
          c.readOnly(), "cloudDisk:" + c.volumeID(), true));
    } else if (source instanceof VsphereVirtualDiskVolumeSource v) {
      return Optional.of(new Translated("kubernetes.io/vsphere-volume", "csi.vsphere.vmware.com", v.volumePath(),
          v.fsType(), false, "cloudDisk:" + v.volumePath(), true));
    } else if (source instanceof AzureFilePersistentVolumeSource f) {
      return Optional.of(azureFile(f.secretName(), f.shareName(), f.readOnly()));
    } else if (source instanceof AzureFileVolumeSource f) {
      return Optional.of(azureFile(f.secretName(), f.shareName(), f.readOnly()));
    }
    return Optional.empty();
  }

  /** {@code volumeIDTemplate} "%s#%s#%s#%s": resource group (none), account, share, disk name (none). */
  private static Translated azureFile(String secretName, String shareName, boolean readOnly) {
    Matcher m = AZURE_SECRET.matcher(secretName == null ? "" : secretName);
    String account = m.find() ? m.group(1) : secretName; // getStorageAccountName falls back to the secret name
    return new Translated("kubernetes.io/azure-file", "file.csi.azure.com", "#" + account + "#" + shareName + "#",
        null, readOnly, "azureFile:" + account + "/" + shareName, false);
  }

  /** {@code KubernetesVolumeIDToEBSVolumeID}: {@code aws://<zone>/vol-x} and {@code aws:///vol-x} become {@code vol-x}. */
  static String ebsVolumeId(String id) {
    if (id.startsWith("aws://")) {
      return id.substring(id.lastIndexOf('/') + 1);
    }
    return id;
  }
}
