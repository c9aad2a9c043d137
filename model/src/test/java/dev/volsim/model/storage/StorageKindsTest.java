package dev.volsim.model.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.KindInfo;
import dev.volsim.model.Kinds;
import dev.volsim.model.Quantity;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.model.io.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSIDriver, CSINode, CSIStorageCapacity and VolumeAttachment: decoding, defaults, validation. */
class StorageKindsTest {
  private static final String SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case "
      + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character "
      + "(e.g. 'example.com', regex used for validation is "
      + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  private static final String NAME_PART_MSG = "name part must consist of alphanumeric characters, '-', "
      + "'_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or "
      + "'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

  private static LoadResult load(String yaml) {
    return ManifestLoader.strict().parse("x.yaml", yaml);
  }

  private static List<String> problems(LoadResult r) {
    return r.problems().stream().map(Problem::message).toList();
  }

  private static <T> T only(LoadResult r, Class<T> type) {
    assertThat(r.objects()).hasSize(1);
    return type.cast(r.objects().get(0));
  }

  // ------------------------------------------------------------------ registration

  @Test
  void kindsAreRegisteredWithUpstreamNames() {
    KindInfo<?> driver = Kinds.lookup("storage.k8s.io/v1", "CSIDriver").orElseThrow();
    assertThat(driver.plural()).isEqualTo("csidrivers");
    assertThat(driver.namespaced()).isFalse();
    assertThat(Kinds.resolve("csinodes").orElseThrow().type()).isEqualTo(CSINode.class);
    assertThat(Kinds.resolve("csistoragecapacities").orElseThrow().namespaced()).isTrue();
    assertThat(Kinds.resolve("volumeattachment").orElseThrow().type()).isEqualTo(VolumeAttachment.class);
    assertThat(Kinds.of(VolumeAttachment.class).namespaced()).isFalse();
  }

  // ------------------------------------------------------------------ CSIDriver

  @Test
  void csiDriverGetsTheApiServerDefaults() {
    LoadResult r = load("""
        apiVersion: storage.k8s.io/v1
        kind: CSIDriver
        metadata: {name: csi.example.com}
        """);
    assertThat(problems(r)).isEmpty();
    CSIDriver.Spec spec = only(r, CSIDriver.class).spec();
    assertThat(spec.attachRequired()).isTrue();
    assertThat(spec.podInfoOnMount()).isFalse();
    assertThat(spec.volumeLifecycleModes()).containsExactly(CSIDriver.VolumeLifecycleMode.PERSISTENT);
    assertThat(spec.storageCapacity()).isFalse();
    assertThat(spec.fsGroupPolicy()).isEqualTo(CSIDriver.FSGroupPolicy.READ_WRITE_ONCE_WITH_FS_TYPE);
    assertThat(spec.tokenRequests()).isEmpty();
    assertThat(spec.requiresRepublish()).isFalse();
    assertThat(spec.seLinuxMount()).isFalse();
    assertThat(spec.nodeAllocatableUpdatePeriodSeconds()).isNull();
  }

  @Test
  void csiDriverKeepsWhatIsGiven() {
    LoadResult r = load("""
        apiVersion: storage.k8s.io/v1
        kind: CSIDriver
        metadata: {name: hostpath.csi.k8s.io}
        spec:
          attachRequired: false
          podInfoOnMount: true
          volumeLifecycleModes: [Persistent, Ephemeral]
          storageCapacity: true
          fsGroupPolicy: File
          tokenRequests:
          - audience: vault
            expirationSeconds: 3600
          - audience: ""
          requiresRepublish: true
          seLinuxMount: true
          nodeAllocatableUpdatePeriodSeconds: 60
        """);
    assertThat(problems(r)).isEmpty();
    CSIDriver.Spec spec = only(r, CSIDriver.class).spec();
    assertThat(spec.attachRequired()).isFalse();
    assertThat(spec.volumeLifecycleModes()).containsExactly(
        CSIDriver.VolumeLifecycleMode.PERSISTENT, CSIDriver.VolumeLifecycleMode.EPHEMERAL);
    assertThat(spec.fsGroupPolicy()).isEqualTo(CSIDriver.FSGroupPolicy.FILE);
    assertThat(spec.tokenRequests()).containsExactly(
        new CSIDriver.TokenRequest("vault", 3600L), new CSIDriver.TokenRequest("", null));
    assertThat(spec.nodeAllocatableUpdatePeriodSeconds()).isEqualTo(60L);
  }

  @Test
  void csiDriverRejectsBadNameTokensAndPeriod() {
    LoadResult r = load("""
        apiVersion: storage.k8s.io/v1
        kind: CSIDriver
        metadata: {name: Bad_Driver}
        spec:
          tokenRequests:
          - {audience: a, expirationSeconds: 599}
          - {audience: b, expirationSeconds: 4294967297}
          - {audience: a, expirationSeconds: 1}
          nodeAllocatableUpdatePeriodSeconds: 9
        """);
    assertThat(problems(r)).containsExactly(
        "metadata.name: Invalid value: \"Bad_Driver\": " + SUBDOMAIN_MSG,
        "spec.tokenRequests[0].expirationSeconds: Invalid value: 599: may not specify a duration less than 10 minutes",
        "spec.tokenRequests[1].expirationSeconds: Invalid value: 4294967297: may not specify a duration larger than 2^32 seconds",
        "spec.tokenRequests[2].audience: Duplicate value: \"a\"",
        "spec.nodeAllocatableUpdatePeriodSeconds: Invalid value: 9: must be greater than or equal to 10 seconds");
    assertThat(r.objects()).isEmpty();
  }

  @Test
  void csiDriverRejectsUnknownPolicyAndNamespace() {
    LoadResult r = load("""
        apiVersion: storage.k8s.io/v1
        kind: CSIDriver
        metadata: {name: csi.example.com}
        spec: {fsGroupPolicy: Sometimes}
        """);
    assertThat(problems(r)).containsExactly(
        "spec.fsGroupPolicy: Unsupported value: \"Sometimes\": supported values: \"File\", \"None\", "
            + "\"ReadWriteOnceWithFSType\"");
    LoadResult ns = load("""
        apiVersion: storage.k8s.io/v1
        kind: CSIDriver
        metadata: {name: csi.example.com, namespace: default}
        """);
    assertThat(problems(ns)).containsExactly("metadata.namespace: Forbidden: not allowed on this type");
  }

  // ------------------------------------------------------------------ CSINode

  @Test
  void csiNodeWithDriversIsValid() {
    LoadResult r = load("""
        apiVersion: storage.k8s.io/v1
        kind: CSINode
        metadata: {name: node-1}
        spec:
          drivers:
          - name: ebs.csi.aws.com
            nodeID: i-0123456789
            topologyKeys: [topology.ebs.csi.aws.com/zone]
            allocatable: {count: 25}
          - name: hostpath.csi.k8s.io
            nodeID: node-1
            topologyKeys: null
        """);
    assertThat(problems(r)).isEmpty();
    CSINode node = only(r, CSINode.class);
    assertThat(node.spec().drivers()).hasSize(2);
    assertThat(node.driver("ebs.csi.aws.com").orElseThrow().allocatable().count()).isEqualTo(25);
    assertThat(node.driver("hostpath.csi.k8s.io").orElseThrow().topologyKeys()).isEmpty();
    assertThat(node.driver("other")).isEmpty();
  }

  @Test
  void csiNodeRejectsBadDrivers() {
    String longId = "n".repeat(257);
    LoadResult r = load("""
        apiVersion: storage.k8s.io/v1
        kind: CSINode
        metadata: {name: node-1}
        spec:
          drivers:
          - name: ""
            nodeID: ""
            topologyKeys: [""]
          - name: csi.example.com
            nodeID: %s
            topologyKeys: [zone, zone]
            allocatable: {count: -1}
          - name: csi.example.com
            nodeID: n
            topologyKeys: []
          - name: a-driver-name-that-is-much-longer-than-sixty-three-characters-in-all
            nodeID: n
            topologyKeys: []
        """.formatted(longId));
    assertThat(problems(r)).containsExactly(
        "spec.drivers[0].name: Required value",
        "spec.drivers[0].name: Invalid value: \"\": " + SUBDOMAIN_MSG,
        "spec.drivers[0].nodeID: Required value",
        "spec.drivers[0]: Required value",
        "spec.drivers[0]: Invalid value: \"\": name part must be non-empty",
        "spec.drivers[0]: Invalid value: \"\": " + NAME_PART_MSG,
        "spec.drivers[1].nodeID: Invalid value: \"" + longId + "\": must be 256 characters or less",
        "spec.drivers[1].allocatable.count: Invalid value: -1: must be greater than or equal to 0",
        "spec.drivers[1]: Duplicate value: \"zone\"",
        "spec.drivers[2].name: Duplicate value: \"csi.example.com\"",
        "spec.drivers[3].name: Too long: may not be more than 63 bytes");
  }

  // ------------------------------------------------------------------ CSIStorageCapacity

  @Test
  void csiStorageCapacityIsValid() {
    LoadResult r = load("""
        apiVersion: storage.k8s.io/v1
        kind: CSIStorageCapacity
        metadata: {name: csisc-abc12, namespace: kube-system}
        nodeTopology:
          matchLabels: {topology.kubernetes.io/zone: zone-a}
        storageClassName: fast
        capacity: 100Gi
        maximumVolumeSize: 10Gi
        """);
    assertThat(problems(r)).isEmpty();
    CSIStorageCapacity c = only(r, CSIStorageCapacity.class);
    assertThat(c.capacity()).isEqualTo(Quantity.parse("100Gi"));
    assertThat(c.maximumVolumeSize()).isEqualTo(Quantity.parse("10Gi"));
    assertThat(c.nodeTopology().matchLabels()).containsEntry("topology.kubernetes.io/zone", "zone-a");
    assertThat(c.namespaced()).isTrue();
  }

  @Test
  void csiStorageCapacityRejectsMissingClassNegativeCapacityAndBadTopology() {
    LoadResult r = load("""
        apiVersion: storage.k8s.io/v1
        kind: CSIStorageCapacity
        metadata: {name: csisc-abc12, namespace: kube-system}
        nodeTopology:
          matchExpressions:
          - {key: topology.kubernetes.io/zone, operator: In}
          - {key: rack, operator: Exists, values: [r1]}
        capacity: -1Gi
        """);
    assertThat(problems(r)).containsExactly(
        "nodeTopology.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
        "nodeTopology.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
        "storageClassName: Invalid value: \"\": " + SUBDOMAIN_MSG,
        "capacity: Invalid value: \"-1Gi\": must be greater than or equal to 0");
  }

  // ------------------------------------------------------------------ VolumeAttachment

  @Test
  void volumeAttachmentIsValid() {
    LoadResult r = load("""
        apiVersion: storage.k8s.io/v1
        kind: VolumeAttachment
        metadata: {name: csi-0123abcd}
        spec:
          attacher: ebs.csi.aws.com
          source: {persistentVolumeName: pvc-1234}
          nodeName: node-1
        """);
    assertThat(problems(r)).isEmpty();
    VolumeAttachment va = only(r, VolumeAttachment.class);
    assertThat(va.spec().source().persistentVolumeName()).isEqualTo("pvc-1234");
    assertThat(va.status().attached()).isFalse();
    assertThat(va.status().attachmentMetadata()).isEmpty();
    assertThat(va.namespaced()).isFalse();
  }

  @Test
  void volumeAttachmentWithStatus() {
    LoadResult r = load("""
        apiVersion: storage.k8s.io/v1
        kind: VolumeAttachment
        metadata: {name: csi-0123abcd}
        spec:
          attacher: ebs.csi.aws.com
          source: {persistentVolumeName: pvc-1234}
          nodeName: node-1
        status:
          attached: true
          attachmentMetadata: {devicePath: /dev/xvdba}
          detachError: {time: "2024-05-01T10:00:00Z", message: timeout, errorCode: 4}
        """);
    assertThat(problems(r)).isEmpty();
    VolumeAttachment.Status s = only(r, VolumeAttachment.class).status();
    assertThat(s.attached()).isTrue();
    assertThat(s.attachmentMetadata()).containsEntry("devicePath", "/dev/xvdba");
    assertThat(s.detachError().errorCode()).isEqualTo(4);
    assertThat(s.detachError().time()).isEqualTo(java.time.Instant.parse("2024-05-01T10:00:00Z"));
  }

  @Test
  void volumeAttachmentRequiresAttacherSourceAndNode() {
    LoadResult r = load("""
        apiVersion: storage.k8s.io/v1
        kind: VolumeAttachment
        metadata: {name: va}
        spec: {}
        """);
    // The v1 strategy checks the attacher twice; the API server prints the repeated message once.
    assertThat(problems(r)).containsExactly(
        "spec.attacher: Required value",
        "spec.source: Required value: must specify exactly one of inlineVolumeSpec and persistentVolumeName",
        "spec.nodeName: Invalid value: \"\": " + SUBDOMAIN_MSG,
        "spec.attacher: Invalid value: \"\": " + SUBDOMAIN_MSG);
  }

  @Test
  void volumeAttachmentRejectsBadNamesAndErrorCode() {
    LoadResult r = load("""
        apiVersion: storage.k8s.io/v1
        kind: VolumeAttachment
        metadata: {name: va}
        spec:
          attacher: Bad_Driver
          source: {persistentVolumeName: ""}
          nodeName: node-1
        status:
          attachError: {message: failed, errorCode: -1}
        """);
    assertThat(problems(r)).containsExactly(
        "spec.source.persistentVolumeName: Required value: must specify non empty persistentVolumeName",
        "status.attachError.errorCode: Invalid value: -1: must be between 0 and 2147483647, inclusive",
        "spec.attacher: Invalid value: \"Bad_Driver\": " + SUBDOMAIN_MSG,
        "spec.source.persistentVolumeName: Invalid value: \"\": " + SUBDOMAIN_MSG);
  }

  @Test
  void volumeAttachmentStatusMetadataIsLimited() {
    String big = "x".repeat(256 * 1024);
    LoadResult r = load("""
        apiVersion: storage.k8s.io/v1
        kind: VolumeAttachment
        metadata: {name: va}
        spec: {attacher: csi.example.com, source: {persistentVolumeName: pv}, nodeName: n}
        status:
          attachmentMetadata: {k: %s}
        """.formatted(big));
    assertThat(problems(r)).containsExactly(
        "status.attachmentMetadata: Too long: may not be more than 262144 bytes");
    assertThat(ImmutableList.copyOf(r.objects())).isEmpty();
  }

  @Test
  void volumeAttachmentWithInlineCsiSpec() {
    LoadResult r = load("""
        apiVersion: storage.k8s.io/v1
        kind: VolumeAttachment
        metadata: {name: va}
        spec:
          attacher: pd.csi.storage.gke.io
          source:
            inlineVolumeSpec:
              accessModes: [ReadWriteOnce]
              csi: {driver: pd.csi.storage.gke.io, volumeHandle: projects/p/disks/d}
          nodeName: node-1
        """);
    assertThat(problems(r)).isEmpty();
    VolumeAttachment va = only(r, VolumeAttachment.class);
    assertThat(va.spec().source().persistentVolumeName()).isNull();
    assertThat(va.spec().source().inlineVolumeSpec().accessModes()).hasSize(1);
  }

  @Test
  void volumeAttachmentRejectsBothSourcesAndNonCsiInlineSpec() {
    LoadResult both = load("""
        apiVersion: storage.k8s.io/v1
        kind: VolumeAttachment
        metadata: {name: va}
        spec:
          attacher: csi.example.com
          source:
            persistentVolumeName: pv-1
            inlineVolumeSpec:
              accessModes: [ReadWriteOnce]
              csi: {driver: csi.example.com, volumeHandle: h}
          nodeName: node-1
        """);
    assertThat(problems(both)).containsExactly(
        "spec.source: Forbidden: must specify exactly one of inlineVolumeSpec and persistentVolumeName");
    LoadResult nfs = load("""
        apiVersion: storage.k8s.io/v1
        kind: VolumeAttachment
        metadata: {name: va}
        spec:
          attacher: csi.example.com
          source:
            inlineVolumeSpec:
              capacity: {storage: 1Gi}
              nfs: {server: nfs.example.com, path: /exports}
          nodeName: node-1
        """);
    assertThat(problems(nfs)).containsExactly(
        "spec.source.inlineVolumeSpec.capacity: Forbidden: may not be specified in the context of inline volumes",
        "spec.source.inlineVolumeSpec.csi: Required value: has to be specified in the context of inline volumes",
        "spec.source.inlineVolumeSpec.accessModes: Required value");
  }
}
