package dev.volsim.core.volume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.model.volume.AWSElasticBlockStoreVolumeSource;
import dev.volsim.model.volume.AzureDiskVolumeSource;
import dev.volsim.model.volume.AzureFileVolumeSource;
import dev.volsim.model.volume.CinderVolumeSource;
import dev.volsim.model.volume.GCEPersistentDiskVolumeSource;
import dev.volsim.model.volume.NFSVolumeSource;
import dev.volsim.model.volume.VsphereVirtualDiskVolumeSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** csi-translation-lib's handles for the in-tree cloud sources, and the storage each stays on. */
class CsiMigrationTest {
  @Test
  void gcePdHandleTakesTheZoneFromThePvLabelElseUnspecified() {
    var pd = new GCEPersistentDiskVolumeSource("disk-1", "xfs", 0, false);
    var zonal = CsiMigration.translate(pd, Map.of("topology.kubernetes.io/zone", "europe-west1-b")).orElseThrow();
    assertThat(zonal.driver()).isEqualTo("pd.csi.storage.gke.io");
    assertThat(zonal.volumeHandle()).isEqualTo("projects/UNSPECIFIED/zones/europe-west1-b/disks/disk-1");
    assertThat(zonal.fsType()).isEqualTo("xfs");
    assertThat(zonal.backend()).isEqualTo("cloudDisk:disk-1");
    assertThat(CsiMigration.translate(pd, Map.of()).orElseThrow().volumeHandle())
        .isEqualTo("projects/UNSPECIFIED/zones/UNSPECIFIED/disks/disk-1");
  }

  @Test
  void ebsHandleDropsTheAwsUrlPrefix() {
    var t = CsiMigration.translate(new AWSElasticBlockStoreVolumeSource("aws://us-east-1a/vol-0abc", null, 0, false),
        Map.of()).orElseThrow();
    assertThat(t.driver()).isEqualTo("ebs.csi.aws.com");
    assertThat(t.volumeHandle()).isEqualTo("vol-0abc");
    assertThat(t.backend()).isEqualTo("cloudDisk:vol-0abc");
  }

  @Test
  void otherCloudSourcesMapToTheirDrivers() {
    assertThat(CsiMigration.translate(new AzureDiskVolumeSource("d1", "/subscriptions/s/resourceGroups/r/providers/"
        + "Microsoft.Compute/disks/d1", null, null, null, null), Map.of()).orElseThrow())
        .satisfies(t -> {
          assertThat(t.driver()).isEqualTo("disk.csi.azure.com");
          assertThat(t.volumeHandle()).endsWith("/disks/d1");
          assertThat(t.backend()).isEqualTo("cloudDisk:d1");
        });
    assertThat(CsiMigration.translate(new CinderVolumeSource("c-1", null, false, null), Map.of()).orElseThrow()
        .driver()).isEqualTo("cinder.csi.openstack.org");
    assertThat(CsiMigration.translate(new VsphereVirtualDiskVolumeSource("[ds] kubevols/v.vmdk", null, null, null),
        Map.of()).orElseThrow().driver()).isEqualTo("csi.vsphere.vmware.com");
    var file = CsiMigration.translate(new AzureFileVolumeSource("azure-storage-account-acct-secret", "share", false),
        Map.of()).orElseThrow();
    assertThat(file.driver()).isEqualTo("file.csi.azure.com");
    assertThat(file.volumeHandle()).isEqualTo("#acct#share#");
    assertThat(file.blockDevice()).isFalse();
    assertThat(CsiMigration.translate(new NFSVolumeSource("s", "/p", false), Map.of())).isEmpty();
  }
}
