package dev.volsim.model.volume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.model.validation.Names;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Pod volume source type: a valid volume loads with no problem, and an invalid variant is
 * rejected with the API server's exact message.
 */
class VolumeSourceValidationTest {

  static Stream<Arguments> validVolumes() {
    return Stream.of(
        Arguments.of("emptyDir", "- name: v\n  emptyDir: {medium: Memory, sizeLimit: 16Mi}"),
        Arguments.of("hostPath", "- name: v\n  hostPath: {path: /var/log, type: DirectoryOrCreate}"),
        Arguments.of("gitRepo", "- name: v\n  gitRepo: {repository: 'https://example.com/r.git', revision: abc, directory: .}"),
        Arguments.of("gcePersistentDisk", "- name: v\n  gcePersistentDisk: {pdName: disk-1, fsType: ext4, partition: 1}"),
        Arguments.of("awsElasticBlockStore", "- name: v\n  awsElasticBlockStore: {volumeID: vol-0123, fsType: ext4}"),
        Arguments.of("secret", "- name: v\n  secret:\n    secretName: s\n    items: [{key: a, path: a.txt, mode: 256}]"),
        Arguments.of("nfs", "- name: v\n  nfs: {server: nfs.example.com, path: /exports, readOnly: true}"),
        Arguments.of("iscsi", "- name: v\n  iscsi: {targetPortal: '10.0.0.1:3260', iqn: 'iqn.2001-04.com.example:storage.disk1', lun: 0}"),
        Arguments.of("glusterfs", "- name: v\n  glusterfs: {endpoints: glusterfs-cluster, path: kube_vol}"),
        Arguments.of("flocker", "- name: v\n  flocker: {datasetName: ds}"),
        Arguments.of("persistentVolumeClaim", "- name: v\n  persistentVolumeClaim: {claimName: data, readOnly: true}"),
        Arguments.of("rbd", "- name: v\n  rbd: {monitors: ['10.0.0.1:6789'], image: foo}"),
        Arguments.of("cinder", "- name: v\n  cinder: {volumeID: abc, secretRef: {name: os}}"),
        Arguments.of("cephfs", "- name: v\n  cephfs: {monitors: ['10.0.0.1:6789'], path: /}"),
        Arguments.of("quobyte", "- name: v\n  quobyte: {registry: 'reg:7861,reg2:7861', volume: vol}"),
        Arguments.of("downwardAPI", "- name: v\n  downwardAPI:\n    items:\n    - {path: labels, fieldRef: {fieldPath: metadata.labels}}\n"
            + "    - {path: app, fieldRef: {fieldPath: \"metadata.annotations['example.com/app']\"}}\n"
            + "    - {path: mem, resourceFieldRef: {containerName: c, resource: limits.memory, divisor: 1Mi}}"),
        Arguments.of("fc", "- name: v\n  fc: {targetWWNs: [500a0982991b8dc5], lun: 2}"),
        Arguments.of("flexVolume", "- name: v\n  flexVolume: {driver: example.com/lvm, options: {size: 1Gi}}"),
        Arguments.of("configMap", "- name: v\n  configMap:\n    name: cfg\n    items: [{key: k, path: dir/k.conf}]"),
        Arguments.of("azureFile", "- name: v\n  azureFile: {secretName: azure-secret, shareName: share}"),
        Arguments.of("vsphereVolume", "- name: v\n  vsphereVolume: {volumePath: '[ds] vols/v.vmdk'}"),
        Arguments.of("photonPersistentDisk", "- name: v\n  photonPersistentDisk: {pdID: p1}"),
        Arguments.of("portworxVolume", "- name: v\n  portworxVolume: {volumeID: pxvol}"),
        Arguments.of("azureDisk", "- name: v\n  azureDisk: {diskName: d, diskURI: 'https://acct.blob.core.windows.net/vhds/d.vhd'}"),
        Arguments.of("storageos", "- name: v\n  storageos: {volumeName: vol, volumeNamespace: team}"),
        Arguments.of("projected", "- name: v\n  projected:\n    sources:\n"
            + "    - secret: {name: s, items: [{key: a, path: a}]}\n"
            + "    - configMap: {name: cfg, items: [{key: b, path: b}]}\n"
            + "    - downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]}\n"
            + "    - serviceAccountToken: {audience: api, path: token}\n"
            + "    - clusterTrustBundle: {signerName: example.com/signer, path: ca.pem}"),
        Arguments.of("scaleIO", "- name: v\n  scaleIO: {gateway: 'https://gw:443/api', system: sys, volumeName: vol, secretRef: {name: sio}}"),
        Arguments.of("csi", "- name: v\n  csi: {driver: inline.csi.example.com, volumeAttributes: {size: 1Gi}, nodePublishSecretRef: {name: creds}}"),
        Arguments.of("ephemeral", "- name: scratch\n  ephemeral:\n    volumeClaimTemplate:\n"
            + "      metadata: {labels: {app: web}}\n"
            + "      spec: {accessModes: [ReadWriteOnce], storageClassName: fast, resources: {requests: {storage: 1Gi}}}"),
        Arguments.of("image", "- name: v\n  image: {reference: 'quay.io/crio/artifact:v2', pullPolicy: IfNotPresent}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validVolumes")
  void validVolumeOfEveryTypeLoadsWithoutProblems(String type, String yaml) {
    assertThat(VolumeTestSupport.problems(yaml)).isEmpty();
  }

  static Stream<Arguments> invalidVolumes() {
    return Stream.of(
        Arguments.of("emptyDir", "- name: v\n  emptyDir: {sizeLimit: '-1'}",
            "spec.volumes[0].emptyDir.sizeLimit: Forbidden: SizeLimit field must be a valid resource quantity"),
        Arguments.of("hostPath", "- name: v\n  hostPath: {path: /a/../b}",
            "spec.volumes[0].hostPath.path: Invalid value: \"/a/../b\": must not contain '..'"),
        Arguments.of("hostPath", "- name: v\n  hostPath: {type: Directory}",
            "spec.volumes[0].hostPath.path: Required value"),
        Arguments.of("hostPath", "- name: v\n  hostPath: {path: /x, type: Dir}",
            "spec.volumes[0].hostPath.type: Unsupported value: \"Dir\": supported values: \"\", \"BlockDevice\", "
                + "\"CharDevice\", \"Directory\", \"DirectoryOrCreate\", \"File\", \"FileOrCreate\", \"Socket\""),
        Arguments.of("gitRepo", "- name: v\n  gitRepo: {repository: x, directory: /abs}",
            "spec.volumes[0].gitRepo.directory: Invalid value: \"/abs\": must be a relative path"),
        Arguments.of("gitRepo", "- name: v\n  gitRepo: {directory: d}",
            "spec.volumes[0].gitRepo.repository: Required value"),
        Arguments.of("gcePersistentDisk", "- name: v\n  gcePersistentDisk: {pdName: d, partition: 256}",
            "spec.volumes[0].persistentDisk.partition: Invalid value: 256: must be between 1 and 255, inclusive"),
        Arguments.of("awsElasticBlockStore", "- name: v\n  awsElasticBlockStore: {fsType: ext4}",
            "spec.volumes[0].awsElasticBlockStore.volumeID: Required value"),
        Arguments.of("secret", "- name: v\n  secret: {secretName: s, defaultMode: 512}",
            "spec.volumes[0].secret.defaultMode: Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive"),
        Arguments.of("secret", "- name: v\n  secret: {items: [{key: a, path: a}]}",
            "spec.volumes[0].secret.secretName: Required value"),
        Arguments.of("nfs", "- name: v\n  nfs: {server: s, path: exports}",
            "spec.volumes[0].nfs.path: Invalid value: \"exports\": must be an absolute path"),
        Arguments.of("nfs", "- name: v\n  nfs: {path: /exports}",
            "spec.volumes[0].nfs.server: Required value"),
        Arguments.of("iscsi", "- name: v\n  iscsi: {targetPortal: 'p:3260', iqn: foo}",
            "spec.volumes[0].iscsi.iqn: Invalid value: \"foo\": must be valid format starting with iqn, eui, or naa"),
        Arguments.of("iscsi", "- name: v\n  iscsi: {targetPortal: 'p:3260', iqn: 'iqn.2001-04.com.example:d', lun: 300}",
            "spec.volumes[0].iscsi.lun: Invalid value: 300: must be between 0 and 255, inclusive"),
        Arguments.of("iscsi", "- name: v\n  iscsi: {targetPortal: 'p:3260', iqn: 'iqn.2001-04.com.example:d', chapAuthSession: true}",
            "spec.volumes[0].iscsi.secretRef: Required value"),
        Arguments.of("glusterfs", "- name: v\n  glusterfs: {path: p}",
            "spec.volumes[0].glusterfs.endpoints: Required value"),
        Arguments.of("flocker", "- name: v\n  flocker: {}",
            "spec.volumes[0].flocker: Required value: one of datasetName and datasetUUID is required"),
        Arguments.of("flocker", "- name: v\n  flocker: {datasetName: a, datasetUUID: b}",
            "spec.volumes[0].flocker: Invalid value: \"resource\": datasetName and datasetUUID can not be specified simultaneously"),
        Arguments.of("persistentVolumeClaim", "- name: v\n  persistentVolumeClaim: {readOnly: true}",
            "spec.volumes[0].persistentVolumeClaim.claimName: Required value"),
        Arguments.of("rbd", "- name: v\n  rbd: {image: foo}",
            "spec.volumes[0].rbd.monitors: Required value"),
        Arguments.of("cinder", "- name: v\n  cinder: {volumeID: abc, secretRef: {}}",
            "spec.volumes[0].cinder.secretRef.name: Required value"),
        Arguments.of("cephfs", "- name: v\n  cephfs: {path: /}",
            "spec.volumes[0].cephfs.monitors: Required value"),
        Arguments.of("quobyte", "- name: v\n  quobyte: {registry: noport, volume: v}",
            "spec.volumes[0].quobyte.registry: Invalid value: \"noport\": must be a host:port pair or multiple pairs separated by commas"),
        Arguments.of("quobyte", "- name: v\n  quobyte: {volume: v}",
            "spec.volumes[0].quobyte.registry: Required value: must be a host:port pair or multiple pairs separated by commas"),
        Arguments.of("downwardAPI", "- name: v\n  downwardAPI: {items: [{path: n, fieldRef: {fieldPath: spec.nodeName}}]}",
            "spec.volumes[0].downwardAPI.fieldRef.fieldPath: Unsupported value: \"spec.nodeName\": supported values: "
                + "\"metadata.annotations\", \"metadata.labels\", \"metadata.name\", \"metadata.namespace\", \"metadata.uid\""),
        Arguments.of("downwardAPI", "- name: v\n  downwardAPI: {items: [{path: n}]}",
            "spec.volumes[0].downwardAPI: Required value: one of fieldRef and resourceFieldRef is required"),
        Arguments.of("downwardAPI", "- name: v\n  downwardAPI: {items: [{path: m, resourceFieldRef: {resource: limits.memory}}]}",
            "spec.volumes[0].downwardAPI.resourceFieldRef.containerName: Required value"),
        Arguments.of("fc", "- name: v\n  fc: {targetWWNs: [a]}",
            "spec.volumes[0].fc.lun: Required value: lun is required if targetWWNs is specified"),
        Arguments.of("fc", "- name: v\n  fc: {fsType: ext4}",
            "spec.volumes[0].fc.targetWWNs: Required value: must specify either targetWWNs or wwids, but not both"),
        Arguments.of("fc", "- name: v\n  fc: {targetWWNs: [a, b], wwids: [c], lun: 1}",
            "spec.volumes[0].fc.targetWWNs: Invalid value: []string{\"a\", \"b\"}: targetWWNs and wwids can not be specified simultaneously"),
        Arguments.of("flexVolume", "- name: v\n  flexVolume: {driver: d, options: {'kubernetes.io/x': y}}",
            "spec.volumes[0].flexVolume.options[kubernetes.io/x]: Invalid value: \"kubernetes.io/x\": kubernetes.io and k8s.io namespaces are reserved"),
        Arguments.of("flexVolume", "- name: v\n  flexVolume: {fsType: ext4}",
            "spec.volumes[0].flexVolume.driver: Required value"),
        Arguments.of("configMap", "- name: v\n  configMap: {name: cfg, items: [{key: k, path: ..x}]}",
            "spec.volumes[0].configMap.items[0].path: Invalid value: \"..x\": must not start with '..'"),
        Arguments.of("configMap", "- name: v\n  configMap: {name: cfg, items: [{key: k, path: /etc/k}]}",
            "spec.volumes[0].configMap.items[0].path: Invalid value: \"/etc/k\": must be a relative path"),
        Arguments.of("configMap", "- name: v\n  configMap: {items: [{path: k}]}",
            "spec.volumes[0].configMap.items[0].key: Required value"),
        Arguments.of("azureFile", "- name: v\n  azureFile: {secretName: s}",
            "spec.volumes[0].azureFile.shareName: Required value"),
        Arguments.of("vsphereVolume", "- name: v\n  vsphereVolume: {fsType: ext4}",
            "spec.volumes[0].vsphereVolume.volumePath: Required value"),
        Arguments.of("photonPersistentDisk", "- name: v\n  photonPersistentDisk: {fsType: ext4}",
            "spec.volumes[0].photonPersistentDisk.pdID: Required value"),
        Arguments.of("portworxVolume", "- name: v\n  portworxVolume: {fsType: ext4}",
            "spec.volumes[0].portworxVolume.volumeID: Required value"),
        Arguments.of("azureDisk", "- name: v\n  azureDisk: {diskName: d, diskURI: 'https://x', kind: Managed}",
            "spec.volumes[0].azureDisk.diskURI: Unsupported value: \"https://x\": supported values: "
                + "\"/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}\""),
        Arguments.of("azureDisk", "- name: v\n  azureDisk: {diskName: d, diskURI: 'https://x', cachingMode: Fast}",
            "spec.volumes[0].azureDisk.cachingMode: Unsupported value: \"Fast\": supported values: \"None\", \"ReadOnly\", \"ReadWrite\""),
        Arguments.of("storageos", "- name: v\n  storageos: {volumeName: Vol_1}",
            "spec.volumes[0].storageos.volumeName: Invalid value: \"Vol_1\": " + Names.dns1123Label("Vol_1").get(0)),
        Arguments.of("projected", "- name: v\n  projected:\n    sources:\n"
                + "    - secret: {name: s, items: [{key: a, path: same}]}\n"
                + "    - configMap: {name: cfg, items: [{key: b, path: same}]}",
            "spec.volumes[0].projected: Invalid value: \"cfg\": conflicting duplicate paths"),
        Arguments.of("projected", "- name: v\n  projected:\n    sources:\n    - serviceAccountToken: {path: token, expirationSeconds: 60}",
            "spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds: Invalid value: 60: "
                + "may not specify a duration less than 10 minutes"),
        Arguments.of("projected", "- name: v\n  projected:\n    sources:\n    - secret: {name: s}\n      configMap: {name: c}",
            "spec.volumes[0].projected.sources[0]: Forbidden: may not specify more than 1 volume type per source"),
        Arguments.of("projected", "- name: v\n  projected:\n    sources:\n    - clusterTrustBundle: {path: ca.pem}",
            "spec.volumes[0].projected.sources[0].clusterTrustBundle: Required value: either name or signerName must be specified"),
        Arguments.of("scaleIO", "- name: v\n  scaleIO: {system: s, volumeName: v}",
            "spec.volumes[0].scaleIO.gateway: Required value"),
        Arguments.of("csi", "- name: v\n  csi: {driver: ''}",
            "spec.volumes[0].csi.driver: Required value"),
        Arguments.of("csi", "- name: v\n  csi: {driver: " + "d".repeat(64) + "}",
            "spec.volumes[0].csi.driver: Too long: may not be more than 63 bytes"),
        Arguments.of("ephemeral", "- name: v\n  ephemeral: {}",
            "spec.volumes[0].ephemeral.volumeClaimTemplate: Required value"),
        Arguments.of("ephemeral", "- name: v\n  ephemeral:\n    volumeClaimTemplate:\n      spec: {accessModes: [ReadWriteOnce]}",
            "spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources[storage]: Required value"),
        Arguments.of("ephemeral", "- name: v\n  ephemeral:\n    volumeClaimTemplate:\n      metadata: {name: mine}\n"
                + "      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}",
            "spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.name: Forbidden: cannot be set"),
        Arguments.of("ephemeral", "- name: v\n  ephemeral:\n    volumeClaimTemplate:\n"
                + "      spec: {resources: {requests: {storage: 1Gi}}}",
            "spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes: Required value: at least 1 access mode is required"),
        Arguments.of("image", "- name: v\n  image: {pullPolicy: Always}",
            "spec.volumes[0].image.reference: Required value"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("invalidVolumes")
  void invalidVolumeIsRejectedWithTheApiServersMessage(String type, String yaml, String message) {
    assertThat(VolumeTestSupport.problems(yaml)).contains(message);
  }

  @Test
  void secondSourceInOneVolumeIsForbidden() {
    assertThat(VolumeTestSupport.problems("- name: v\n  emptyDir: {}\n  nfs: {server: s, path: /e}"))
        .contains("spec.volumes[0].nfs: Forbidden: may not specify more than 1 volume type");
  }

  @Test
  void volumeWithoutSourceDefaultsToEmptyDir() {
    assertThat(VolumeTestSupport.problems("- name: v")).isEmpty();
    assertThat(VolumeTestSupport.volumes("- name: v").get(0).source())
        .isEqualTo(new EmptyDirVolumeSource(null, null));
  }

  @Test
  void volumeNamesAreRequiredDnsLabelsAndUnique() {
    assertThat(VolumeTestSupport.problems("- name: ''\n  emptyDir: {}"))
        .contains("spec.volumes[0].name: Required value");
    assertThat(VolumeTestSupport.problems("- name: a\n  emptyDir: {}\n- name: a\n  emptyDir: {}"))
        .contains("spec.volumes[1].name: Duplicate value: \"a\"");
    assertThat(VolumeTestSupport.problems("- name: Data\n  emptyDir: {}"))
        .contains("spec.volumes[0].name: Invalid value: \"Data\": " + Names.dns1123Label("Data").get(0));
  }

  @Test
  void claimVolumeMayNotNameTheClaimOfAnEphemeralVolume() {
    String yaml = "- name: scratch\n  ephemeral:\n    volumeClaimTemplate:\n"
        + "      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n"
        + "- name: again\n  persistentVolumeClaim: {claimName: web-scratch}";
    assertThat(VolumeTestSupport.problems(yaml)).contains(
        "spec.volumes[1].persistentVolumeClaim.claimName: Invalid value: \"web-scratch\": "
            + "must not reference a PVC that gets created for an ephemeral volume");
  }

  @Test
  void ephemeralClaimNameMustBeAValidName() {
    String yaml = "- name: " + "v".repeat(60) + "\n  ephemeral:\n    volumeClaimTemplate:\n"
        + "      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}";
    // The name is too long for a DNS label first of all; the derived claim name is fine.
    assertThat(VolumeTestSupport.problems(yaml)).noneMatch(m -> m.contains("PVC name"));
    String bad = "- name: x\n  ephemeral:\n    volumeClaimTemplate:\n"
        + "      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}";
    assertThat(VolumeTestSupport.problems(bad)).isEmpty();
  }

  @Test
  void iscsiInitiatorNameLimitsTheVolumeNameAndPortal() {
    String yaml = "- name: " + "n".repeat(40) + "\n  iscsi: {targetPortal: '" + "p".repeat(30)
        + ":3260', iqn: 'iqn.2001-04.com.example:d', initiatorName: 'iqn.2001-04.com.example:init'}";
    assertThat(VolumeTestSupport.problems(yaml)).contains("spec.volumes[0].name: Invalid value: \"" + "n".repeat(40)
        + "\": Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified.");
  }
}
