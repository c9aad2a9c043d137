package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PersistentVolumeClaimResize admission plugin: who may grow a claim's storage request. */
class ClaimResizeAdmissionTest {
  @TempDir Path dir;

  private static String spec(String allow) {
    return """
        objects:
        - manifest: {apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: sc}, provisioner: disk.csi.volsim.dev, volumeBindingMode: Immediate%s}
        - manifest: {apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: bound}, spec: {accessModes: [ReadWriteOnce], storageClassName: sc, resources: {requests: {storage: 1Gi}}}}
        steps:
        - waitFor: {object: pvc/bound, field: status.phase, equals: Bound, timeout: 1m}
        """.formatted(allow);
  }

  @Test
  void growingABoundClaimOfAClassWithoutExpansionIsForbidden() {
    Run run = runSpec(dir, spec("") + """
        - patch: {object: pvc/bound, merge: {spec: {resources: {requests: {storage: 2Gi}}}}}
          expectError: 'persistentvolumeclaims "bound" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize'
        - expect: {object: pvc/bound, field: spec.resources.requests.storage, equals: 1Gi}
        """);
    assertThat(run.code()).as(run.toString()).isZero();
  }

  @Test
  void growingABoundClaimOfAnExpandableClassIsAdmitted() {
    Run run = runSpec(dir, spec(", allowVolumeExpansion: true") + """
        - patch: {object: pvc/bound, merge: {spec: {resources: {requests: {storage: 2Gi}}}}}
        - expect: {object: pvc/bound, field: spec.resources.requests.storage, equals: 2Gi}
        """);
    assertThat(run.code()).as(run.toString()).isZero();
  }

  @Test
  void growingAStaticClaimWithoutClassIsForbidden() {
    Run run = runSpec(dir, """
        objects:
        - manifest: {apiVersion: v1, kind: PersistentVolume, metadata: {name: pv-1}, spec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], storageClassName: "", nfs: {server: nfs.example, path: /x}}}
        - manifest: {apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: static}, spec: {accessModes: [ReadWriteOnce], storageClassName: "", resources: {requests: {storage: 1Gi}}}}
        steps:
        - waitFor: {object: pvc/static, field: status.phase, equals: Bound, timeout: 1m}
        - patch: {object: pvc/static, merge: {spec: {resources: {requests: {storage: 2Gi}}}}}
          expectError: "only dynamically provisioned pvc can be resized"
        - patch: {object: pvc/static, merge: {metadata: {labels: {a: b}}}}
        """);
    assertThat(run.code()).as(run.toString()).isZero();
  }
}
