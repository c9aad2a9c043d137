package dev.volsim.model.volume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.model.core.PersistentVolumeMode;
import dev.volsim.model.core.PullPolicy;
import org.junit.jupiter.api.Test;

/** The API server's defaults of volume sources, applied when a Pod's volumes are read. */
class VolumeDefaultsTest {

  private static VolumeSource source(String yaml) {
    return VolumeTestSupport.volumes(yaml).get(0).source();
  }

  @Test
  void fileModesDefaultTo0644() {
    assertThat(((SecretVolumeSource) source("- name: v\n  secret: {secretName: s}")).defaultMode()).isEqualTo(420);
    assertThat(((ConfigMapVolumeSource) source("- name: v\n  configMap: {name: c}")).defaultMode()).isEqualTo(420);
    assertThat(((DownwardAPIVolumeSource) source("- name: v\n  downwardAPI: {}")).defaultMode()).isEqualTo(420);
    ProjectedVolumeSource p = (ProjectedVolumeSource) source(
        "- name: v\n  projected:\n    sources: [{serviceAccountToken: {path: token}}]");
    assertThat(p.defaultMode()).isEqualTo(420);
    assertThat(p.sources().get(0).serviceAccountToken().expirationSeconds()).isEqualTo(3600L);
  }

  @Test
  void hostPathTypeDefaultsToUnset() {
    assertThat(((HostPathVolumeSource) source("- name: v\n  hostPath: {path: /x}")).type()).isEqualTo(HostPathType.UNSET);
  }

  @Test
  void blockSourceDefaults() {
    ISCSIVolumeSource iscsi = (ISCSIVolumeSource) source(
        "- name: v\n  iscsi: {targetPortal: 'p:3260', iqn: 'iqn.2001-04.com.example:d'}");
    assertThat(iscsi.iscsiInterface()).isEqualTo("default");
    RBDVolumeSource rbd = (RBDVolumeSource) source("- name: v\n  rbd: {monitors: [m], image: i}");
    assertThat(rbd.pool()).isEqualTo("rbd");
    assertThat(rbd.user()).isEqualTo("admin");
    assertThat(rbd.keyring()).isEqualTo("/etc/ceph/keyring");
    AzureDiskVolumeSource disk = (AzureDiskVolumeSource) source(
        "- name: v\n  azureDisk: {diskName: d, diskURI: 'https://a/d.vhd'}");
    assertThat(disk.cachingMode()).isEqualTo(AzureDataDiskCachingMode.READ_WRITE);
    assertThat(disk.kind()).isEqualTo(AzureDataDiskKind.SHARED);
    assertThat(disk.fsType()).isEqualTo("ext4");
    assertThat(disk.readOnly()).isFalse();
    ScaleIOVolumeSource sio = (ScaleIOVolumeSource) source("- name: v\n  scaleIO: {gateway: g, system: s, volumeName: v}");
    assertThat(sio.storageMode()).isEqualTo("ThinProvisioned");
    assertThat(sio.fsType()).isEqualTo("xfs");
  }

  @Test
  void imagePullPolicyDependsOnTheTag() {
    assertThat(((ImageVolumeSource) source("- name: v\n  image: {reference: 'repo/img:latest'}")).pullPolicy())
        .isEqualTo(PullPolicy.ALWAYS);
    assertThat(((ImageVolumeSource) source("- name: v\n  image: {reference: 'repo/img'}")).pullPolicy())
        .isEqualTo(PullPolicy.ALWAYS);
    assertThat(((ImageVolumeSource) source("- name: v\n  image: {reference: 'registry:5000/img:v1'}")).pullPolicy())
        .isEqualTo(PullPolicy.IF_NOT_PRESENT);
  }

  @Test
  void ephemeralTemplateSpecDefaultsToFilesystem() {
    EphemeralVolumeSource e = (EphemeralVolumeSource) source("- name: v\n  ephemeral:\n    volumeClaimTemplate:\n"
        + "      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}");
    assertThat(e.volumeClaimTemplate().spec().volumeMode()).isEqualTo(PersistentVolumeMode.FILESYSTEM);
    assertThat(e.volumeClaimTemplate().spec().storageClassName()).isNull();
  }
}
