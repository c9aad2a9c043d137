package dev.volsim.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeMode;
import dev.volsim.model.core.PersistentVolumePhase;
import dev.volsim.model.core.PersistentVolumeReclaimPolicy;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.model.io.Problem;
import dev.volsim.model.volume.CSIPersistentVolumeSource;
import dev.volsim.model.volume.LocalVolumeSource;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PersistentVolumes: every source type valid and invalid, node affinity, defaults. */
class PersistentVolumeValidationTest {

  static String pv(String rest) {
    return "apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv1\nspec:\n"
        + "  capacity: {storage: 10Gi}\n  accessModes: [ReadWriteOnce]\n" + rest;
  }

  static LoadResult load(String yaml) {
    return ManifestLoader.strict().parse("t.yaml", yaml);
  }

  static List<String> problems(String yaml) {
    return load(yaml).problems().stream().filter(Problem::isError).map(Problem::message).toList();
  }

  static final String AFFINITY = "  nodeAffinity:\n    required:\n      nodeSelectorTerms:\n"
      + "      - matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [node-1]}]\n";

  static Stream<Arguments> validSources() {
    return Stream.of(
        Arguments.of("hostPath", "  hostPath: {path: /mnt/data, type: Directory}\n"),
        Arguments.of("gcePersistentDisk", "  gcePersistentDisk: {pdName: disk-1}\n"),
        Arguments.of("awsElasticBlockStore", "  awsElasticBlockStore: {volumeID: vol-1}\n"),
        Arguments.of("glusterfs", "  glusterfs: {endpoints: gl, path: vol, endpointsNamespace: storage}\n"),
        Arguments.of("flocker", "  flocker: {datasetUUID: '1234'}\n"),
        Arguments.of("nfs", "  nfs: {server: nfs.example.com, path: /exports}\n"),
        Arguments.of("rbd", "  rbd: {monitors: ['m:6789'], image: img, secretRef: {name: s, namespace: ceph}}\n"),
        Arguments.of("quobyte", "  quobyte: {registry: 'reg:7861', volume: v}\n"),
        Arguments.of("cephfs", "  cephfs: {monitors: ['m:6789'], secretRef: {name: s, namespace: ceph}}\n"),
        Arguments.of("iscsi", "  iscsi: {targetPortal: 'p:3260', iqn: 'iqn.2001-04.com.example:d', lun: 1}\n"),
        Arguments.of("cinder", "  cinder: {volumeID: v, secretRef: {name: s, namespace: os}}\n"),
        Arguments.of("fc", "  fc: {wwids: [3600508b400105e210000900000490000]}\n"),
        Arguments.of("flexVolume", "  flexVolume: {driver: example.com/lvm, secretRef: {name: s, namespace: n}}\n"),
        Arguments.of("azureFile", "  azureFile: {secretName: s, shareName: share, secretNamespace: az}\n"),
        Arguments.of("vsphereVolume", "  vsphereVolume: {volumePath: '[ds] v.vmdk'}\n"),
        Arguments.of("photonPersistentDisk", "  photonPersistentDisk: {pdID: p}\n"),
        Arguments.of("portworxVolume", "  portworxVolume: {volumeID: px}\n"),
        Arguments.of("azureDisk", "  azureDisk: {diskName: d, diskURI: /subscriptions/s/disks/d, kind: Managed}\n"),
        Arguments.of("scaleIO", "  scaleIO: {gateway: gw, system: sys, volumeName: v, secretRef: {name: s, namespace: n}}\n"),
        Arguments.of("local", "  local: {path: /mnt/disks/ssd1}\n" + AFFINITY),
        Arguments.of("storageos", "  storageos: {volumeName: v, secretRef: {name: s, namespace: n}}\n"),
        Arguments.of("csi", "  csi: {driver: ebs.csi.aws.com, volumeHandle: vol-1, fsType: ext4, "
            + "nodePublishSecretRef: {name: s, namespace: n}}\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validSources")
  void validPersistentVolumeOfEverySourceTypeLoads(String type, String source) {
    assertThat(problems(pv(source))).isEmpty();
  }

  static Stream<Arguments> invalidSources() {
    return Stream.of(
        Arguments.of("hostPath", "  hostPath: {path: ''}\n", "spec.hostPath.path: Required value"),
        Arguments.of("gcePersistentDisk", "  gcePersistentDisk: {partition: 3}\n", "spec.persistentDisk.pdName: Required value"),
        Arguments.of("awsElasticBlockStore", "  awsElasticBlockStore: {volumeID: v, partition: -1}\n",
            "spec.awsElasticBlockStore.partition: Invalid value: -1: must be between 1 and 255, inclusive"),
        Arguments.of("glusterfs", "  glusterfs: {endpoints: gl, path: vol, endpointsNamespace: ''}\n",
            "spec.glusterfs.endpointsNamespace: Invalid value: \"\": if the endpointnamespace is set, it must be a valid namespace name"),
        Arguments.of("flocker", "  flocker: {datasetName: a/b}\n",
            "spec.flocker.datasetName: Invalid value: \"a/b\": must not contain '/'"),
        Arguments.of("nfs", "  nfs: {server: s}\n", "spec.nfs.path: Required value"),
        Arguments.of("rbd", "  rbd: {monitors: [m]}\n", "spec.rbd.image: Required value"),
        Arguments.of("quobyte", "  quobyte: {registry: 'r:1'}\n", "spec.quobyte.volume: Required value"),
        Arguments.of("cephfs", "  cephfs: {user: u}\n", "spec.cephfs.monitors: Required value"),
        Arguments.of("iscsi", "  iscsi: {targetPortal: 'p:3260', iqn: foo}\n",
            "spec.iscsi.iqn: Invalid value: \"foo\": must be valid format"),
        Arguments.of("cinder", "  cinder: {volumeID: v, secretRef: {name: s}}\n", "spec.cinder.secretRef.namespace: Required value"),
        Arguments.of("fc", "  fc: {targetWWNs: [w], lun: 256}\n",
            "spec.fc.lun: Invalid value: 256: must be between 0 and 255, inclusive"),
        Arguments.of("flexVolume", "  flexVolume: {driver: d, options: {'foo.k8s.io/x': y}}\n",
            "spec.flexVolume.options[foo.k8s.io/x]: Invalid value: \"foo.k8s.io/x\": kubernetes.io and k8s.io namespaces are reserved"),
        Arguments.of("azureFile", "  azureFile: {secretName: s, shareName: sh, secretNamespace: ''}\n",
            "spec.azureFile.secretNamespace: Required value"),
        Arguments.of("vsphereVolume", "  vsphereVolume: {}\n", "spec.vsphereVolume.volumePath: Required value"),
        Arguments.of("photonPersistentDisk", "  photonPersistentDisk: {}\n", "spec.photonPersistentDisk.pdID: Required value"),
        Arguments.of("portworxVolume", "  portworxVolume: {}\n", "spec.portworxVolume.volumeID: Required value"),
        Arguments.of("azureDisk", "  azureDisk: {diskURI: 'https://a/b.vhd'}\n", "spec.azureDisk.diskName: Required value"),
        Arguments.of("scaleIO", "  scaleIO: {gateway: gw, system: sys}\n", "spec.scaleIO.volumeName: Required value"),
        Arguments.of("local", "  local: {path: /mnt/disks/ssd1}\n",
            "spec.nodeAffinity: Required value: Local volume requires node affinity"),
        Arguments.of("local", "  local: {path: /mnt/../etc}\n" + AFFINITY,
            "spec.local.path: Invalid value: \"/mnt/../etc\": must not contain '..'"),
        Arguments.of("storageos", "  storageos: {volumeName: v, secretRef: {name: s}}\n",
            "spec.storageos.secretRef.namespace: Required value"),
        Arguments.of("csi", "  csi: {driver: ebs.csi.aws.com}\n", "spec.csi.volumeHandle: Required value"),
        Arguments.of("csi", "  csi: {driver: d, volumeHandle: h, controllerPublishSecretRef: {name: s}}\n",
            "spec.csi.controllerPublishSecretRef.namespace: Required value"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("invalidSources")
  void invalidPersistentVolumeSourceIsRejected(String type, String source, String message) {
    assertThat(problems(pv(source))).contains(message);
  }

  @Test
  void localVolumeWithNodeAffinityLoadsAndKeepsIt() {
    PersistentVolume v = (PersistentVolume) load(pv("  local: {path: /mnt/disks/ssd1}\n" + AFFINITY)).objects().get(0);
    assertThat(v.spec().source()).isEqualTo(new LocalVolumeSource("/mnt/disks/ssd1", null));
    assertThat(v.spec().nodeAffinity().required().nodeSelectorTerms().get(0).matchExpressions().get(0).values())
        .containsExactly("node-1");
    assertThat(v.namespaced()).isFalse();
  }

  @Test
  void defaultsAreApplied() {
    PersistentVolume v = (PersistentVolume) load(pv("  csi: {driver: d.example.com, volumeHandle: h}\n")).objects().get(0);
    assertThat(v.spec().persistentVolumeReclaimPolicy()).isEqualTo(PersistentVolumeReclaimPolicy.RETAIN);
    assertThat(v.spec().volumeMode()).isEqualTo(PersistentVolumeMode.FILESYSTEM);
    assertThat(v.status().phase()).isEqualTo(PersistentVolumePhase.PENDING);
    assertThat(v.spec().source()).isInstanceOf(CSIPersistentVolumeSource.class);
  }

  @Test
  void specRules() {
    String base = "apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv1\nspec:\n";
    assertThat(problems(base + "  capacity: {storage: 1Gi}\n  nfs: {server: s, path: /e}\n"))
        .containsExactly("spec.accessModes: Required value");
    assertThat(problems(base + "  accessModes: [ReadWriteOnce]\n  nfs: {server: s, path: /e}\n"))
        .containsExactly("spec.capacity: Required value",
            "spec.capacity: Unsupported value: core.ResourceList(nil): supported values: \"storage\"");
    assertThat(problems(pv("")))
        .containsExactly("spec: Required value: must specify a volume type");
    assertThat(problems(base + "  capacity: {storage: '0'}\n  accessModes: [ReadWriteOncePod, ReadOnlyMany]\n"
        + "  nfs: {server: s, path: /e}\n"))
        .containsExactly("spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes",
            "spec.capacity[storage]: Invalid value: \"0\": must be greater than zero");
    assertThat(problems(pv("  hostPath: {path: //}\n  persistentVolumeReclaimPolicy: Recycle\n")))
        .containsExactly("spec.persistentVolumeReclaimPolicy: Forbidden: may not be 'recycle' for a hostPath mount of '/'");
    assertThat(problems(pv("  nfs: {server: s, path: /e}\n  storageClassName: Fast\n")))
        .containsExactly("spec.storageClassName: Invalid value: \"Fast\": " + Names.dns1123Subdomain("Fast").get(0));
    assertThat(problems(pv("  nfs: {server: s, path: /e}\n  volumeAttributesClassName: gold\n")))
        .containsExactly("spec.csi: Required value: has to be specified when using volumeAttributesClassName");
  }

  @Test
  void nodeAffinityRules() {
    assertThat(problems(pv("  local: {path: /d}\n  nodeAffinity: {}\n")))
        .containsExactly("spec.nodeAffinity.required: Required value: must specify required node constraints");
    assertThat(problems(pv("  local: {path: /d}\n  nodeAffinity: {required: {nodeSelectorTerms: []}}\n")))
        .containsExactly("spec.nodeAffinity.required.nodeSelectorTerms: Required value: must have at least one node selector term");
    assertThat(problems(pv("  local: {path: /d}\n  nodeAffinity:\n    required:\n      nodeSelectorTerms:\n"
        + "      - matchExpressions: [{key: zone, operator: In}, {key: rack, operator: Gt, values: ['1', '2']}]\n"
        + "        matchFields: [{key: metadata.uid, operator: In, values: [x]}]\n")))
        .containsExactly(
            "spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values: Required value: "
                + "must be specified when `operator` is 'In' or 'NotIn'",
            "spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[1].values: Required value: "
                + "must be specified single value when `operator` is 'Lt' or 'Gt'",
            "spec.nodeAffinity.required.nodeSelectorTerms[0].matchFields[0].key: Invalid value: \"metadata.uid\": "
                + "not a valid field selector key");
  }

  @Test
  void persistentVolumeIsClusterScoped() {
    assertThat(problems(pv("  nfs: {server: s, path: /e}\n").replace("name: pv1", "name: pv1\n  namespace: default")))
        .containsExactly("metadata.namespace: Forbidden: not allowed on this type");
  }
}
