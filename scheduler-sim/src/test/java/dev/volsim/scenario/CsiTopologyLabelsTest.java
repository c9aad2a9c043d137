package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A zonal CSI driver's node registration labels the Node with its topology key (the kubelet's
 * nodeinfomanager), so a driver whose key is not topology.kubernetes.io/zone still provisions.
 */
class CsiTopologyLabelsTest {
  @TempDir Path dir;

  @Test
  void driverTopologyKeyBecomesANodeLabelAndProvisioningUsesIt() {
    Run run = runSpec(dir, """
        cluster:
          nodes:
          - {name: node-1, zone: zone-a}
          - {name: node-2, zone: zone-b}
          - {name: node-3}
          csiDrivers:
          - {name: pd.csi.storage.gke.io, topologyKey: topology.gke.io/zone, zones: [zone-a, zone-b], nodes: [node-1, node-2, node-3]}
          - {name: other.csi.example.com, topologyKey: example.com/rack, nodes: [node-2]}
        objects:
        - manifest: {apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: pd}, provisioner: pd.csi.storage.gke.io, volumeBindingMode: WaitForFirstConsumer}
        - manifest: {apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], storageClassName: pd, resources: {requests: {storage: 1Gi}}}}
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              nodeSelector: {kubernetes.io/hostname: node-2}
              containers: [{name: app, image: busybox, volumeMounts: [{name: d, mountPath: /d}]}]
              volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]
        steps:
        - expect: {object: node/node-1, field: 'metadata.labels["topology.gke.io/zone"]', equals: zone-a}
        - expect: {object: node/node-2, field: 'metadata.labels["topology.gke.io/zone"]', equals: zone-b}
        - expect: {object: node/node-2, field: 'metadata.labels["example.com/rack"]', equals: zone-b}
        - expect: {object: node/node-1, field: 'metadata.labels["example.com/rack"]', exists: false}
        - expect: {object: node/node-3, field: 'metadata.labels["topology.gke.io/zone"]', exists: false}
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 2m}
        - expect: {object: "pv/${pvc/data.spec.volumeName}", field: "spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].key", equals: topology.gke.io/zone}
        - expect: {event: {reason: ProvisioningFailed}, count: 0}
        """);
    assertThat(run.code()).as(run.toString()).isZero();
  }
}
