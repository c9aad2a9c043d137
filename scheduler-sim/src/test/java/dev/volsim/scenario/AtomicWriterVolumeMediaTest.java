package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the kubelet puts the atomic-writer volumes (each plugin's {@code wrappedVolumeSpec}):
 * secret, downwardAPI and projected on a tmpfs (an emptyDir of medium Memory), configMap on the
 * node's disk.
 */
class AtomicWriterVolumeMediaTest {
  @TempDir Path dir;

  @Test
  void downwardApiSecretAndProjectedVolumesAreTmpfsWhileConfigMapIsOnDisk() {
    Run run = runSpec(dir, """
        objects:
        - manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: cm}, data: {k: v}}
        - manifest: {apiVersion: v1, kind: Secret, metadata: {name: s}, stringData: {k: v}}
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: app}
            spec:
              nodeName: node-1
              volumes:
              - {name: dapi, downwardAPI: {items: [{path: name, fieldRef: {fieldPath: metadata.name}}]}}
              - {name: sec, secret: {secretName: s}}
              - {name: proj, projected: {sources: [{configMap: {name: cm}}]}}
              - {name: cm, configMap: {name: cm}}
              containers:
              - name: app
                image: busybox
                volumeMounts: [{name: dapi, mountPath: /dapi}, {name: sec, mountPath: /sec}, {name: proj, mountPath: /proj}, {name: cm, mountPath: /cm}]
        steps:
        - waitFor: {object: pod/app, field: status.phase, equals: Running, timeout: 1m}
        - expect: {mounts: {pod: app}, includes: [{path: /dapi, fsType: tmpfs}, {path: /sec, fsType: tmpfs}, {path: /proj, fsType: tmpfs}]}
        - expect: {mounts: {pod: app}, includes: [{path: /cm, fsType: tmpfs}]}
          expectError: "/cm"
        - expect: {file: {pod: app, path: /dapi/name}, content: app}
        - delete: {object: pod/app}
        - waitFor: {absent: pod/app, timeout: 1m}
        - expect: {trace: {type: TearDown, pod: app}, count: 4}
        """);
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.outLines()).filteredOn(l -> l.startsWith("FAIL")).isEmpty();
  }
}
