package dev.volsim.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.model.KubeObject;
import dev.volsim.model.io.ManifestLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What may not change once an object exists, in the API server's words. */
class UpdateValidationTest {
  private static KubeObject read(String yaml) {
    var r = ManifestLoader.strict().parse("u.yaml", yaml);
    assertThat(r.problems()).isEmpty();
    return r.objects().get(0);
  }

  private static List<String> errors(String before, String after) {
    return UpdateValidation.validateUpdate(read(before), read(after)).stream().map(FieldError::toString).toList();
  }

  private static final String PVC = """
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: data}
      spec:
        accessModes: [%s]
        resources: {requests: {storage: %s}}
        storageClassName: standard
        volumeName: %s
      status: {phase: %s, capacity: {storage: 10Gi}}
      """;

  @Test
  void aClaimsSpecIsImmutableExceptItsRequestWhenBound() {
    assertThat(errors(PVC.formatted("ReadWriteOnce", "10Gi", "pv-1", "Bound"), PVC.formatted("ReadWriteMany", "10Gi", "pv-1", "Bound")))
        .containsExactly("spec: Forbidden: spec is immutable after creation except resources.requests and "
            + "volumeAttributesClassName for bound claims");
    assertThat(errors(PVC.formatted("ReadWriteOnce", "10Gi", "pv-1", "Bound"), PVC.formatted("ReadWriteOnce", "20Gi", "pv-1", "Bound")))
        .isEmpty();
    assertThat(errors(PVC.formatted("ReadWriteOnce", "10Gi", "\"\"", "Pending"), PVC.formatted("ReadWriteOnce", "20Gi", "\"\"", "Pending")))
        .containsExactly("spec: Forbidden: spec is immutable after creation except resources.requests and "
            + "volumeAttributesClassName for bound claims");
  }

  @Test
  void theVolumeNameMayBeSetOnceAndTheRequestNeverShrinksToCapacity() {
    assertThat(errors(PVC.formatted("ReadWriteOnce", "10Gi", "\"\"", "Pending"), PVC.formatted("ReadWriteOnce", "10Gi", "pv-1", "Pending")))
        .isEmpty();
    assertThat(errors(PVC.formatted("ReadWriteOnce", "10Gi", "pv-1", "Pending"), PVC.formatted("ReadWriteOnce", "10Gi", "pv-2", "Pending")))
        .hasSize(1);
    assertThat(errors(PVC.formatted("ReadWriteOnce", "20Gi", "pv-1", "Bound"), PVC.formatted("ReadWriteOnce", "5Gi", "pv-1", "Bound")))
        .containsExactly("spec.resources.requests.storage: Forbidden: field can not be less than status.capacity");
  }

  @Test
  void aStorageClassKeepsItsProvisionerParametersPolicyAndBindingMode() {
    String sc = """
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: fast}
        provisioner: %s
        parameters: {type: %s}
        reclaimPolicy: %s
        volumeBindingMode: %s
        """;
    assertThat(errors(sc.formatted("a.csi", "gp2", "Delete", "Immediate"), sc.formatted("b.csi", "gp3", "Retain", "WaitForFirstConsumer")))
        .containsExactly(
            "parameters: Forbidden: updates to parameters are forbidden.",
            "provisioner: Forbidden: updates to provisioner are forbidden.",
            "reclaimPolicy: Forbidden: updates to reclaimPolicy are forbidden.",
            "volumeBindingMode: Invalid value: \"WaitForFirstConsumer\": field is immutable");
  }

  @Test
  void aPersistentVolumesSourceIsImmutable() {
    String pv = """
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: pv-1}
        spec:
          capacity: {storage: 1Gi}
          accessModes: [ReadWriteOnce]
          nfs: {server: %s, path: /data}
        """;
    assertThat(errors(pv.formatted("a.example.com"), pv.formatted("b.example.com")))
        .containsExactly("spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation");
  }

  @Test
  void aStatefulSetsClaimTemplatesCannotChange() {
    String sts = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: web}
        spec:
          replicas: %d
          selector: {matchLabels: {app: web}}
          serviceName: web
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: app, image: nginx:1.27}]}
          volumeClaimTemplates:
          - metadata: {name: data}
            spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: %s}}}
        """;
    assertThat(errors(sts.formatted(1, "1Gi"), sts.formatted(3, "1Gi"))).isEmpty();
    assertThat(errors(sts.formatted(1, "1Gi"), sts.formatted(1, "2Gi"))).containsExactly(
        "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', "
            + "'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and "
            + "'minReadySeconds' are forbidden");
  }

  @Test
  void aPodMayGetItsNodeOnceAndNewImagesButNoOtherSpecChange() {
    String pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          %s
          containers: [{name: app, image: %s}]
          volumes: [{name: %s, emptyDir: {}}]
        """;
    assertThat(errors(pod.formatted("", "nginx:1.27", "data"), pod.formatted("nodeName: node-1", "nginx:1.28", "data"))).isEmpty();
    assertThat(errors(pod.formatted("", "nginx:1.27", "data"), pod.formatted("", "nginx:1.27", "cache")))
        .singleElement().asString().startsWith("spec: Forbidden: pod updates may not change fields other than");
  }

  @Test
  void anImmutableConfigMapKeepsItsData() {
    String cm = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cfg}
        immutable: true
        data: {k: %s}
        """;
    assertThat(errors(cm.formatted("a"), cm.formatted("b")))
        .containsExactly("data: Forbidden: field is immutable when `immutable` is set");
  }
}
