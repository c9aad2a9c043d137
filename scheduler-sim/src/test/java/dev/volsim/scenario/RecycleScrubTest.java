package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Recycle reclaim policy scrubs an NFS volume (the recycler Pod's {@code rm -rf /scrub/*}, dot
 * files included) before the PV is Available again, as persistent_volumes.go's "should test that a
 * PV becomes Available and is clean after the PVC is deleted." checks.
 */
class RecycleScrubTest {
  @TempDir Path dir;

  private static final String CLUSTER = """
      cluster:
        nodes: [{name: node-1, packages: [nfs-common]}]
        nfsServers:
        - name: nfs.example
          exports:
          - {path: /exports, options: [%s], files: [{path: data.txt, content: x}, {path: .hidden, content: y}, {path: sub/deep.txt, content: z}]}
      """;

  private static final String OBJECTS = """
      objects:
      - manifest: {apiVersion: v1, kind: PersistentVolume, metadata: {name: pv-nfs}, spec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteMany], persistentVolumeReclaimPolicy: Recycle, storageClassName: "", nfs: {server: nfs.example, path: /exports}}}
      - manifest: {apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data}, spec: {accessModes: [ReadWriteMany], storageClassName: "", resources: {requests: {storage: 1Gi}}}}
      """;

  @Test
  void recycledNfsVolumeIsEmptiedBeforeItIsAvailableAgain() {
    Run run = runSpec(dir, CLUSTER.formatted("rw, no_root_squash") + OBJECTS + """
        steps:
        - waitFor: {object: pvc/data, field: status.phase, equals: Bound, timeout: 30s}
        - delete: {object: pvc/data}
        - waitFor: {object: pv/pv-nfs, field: status.phase, equals: Available, timeout: 1m}
        - expect: {file: {nfs: nfs.example, path: /exports}, entries: []}
        - expect: {event: {object: pv/pv-nfs, reason: VolumeRecycled, messageContains: "Volume recycled"}, count: 1}
        """);
    assertThat(run.code()).as(run.toString()).isZero();
  }

  @Test
  void scrubRefusedByRootSquashFailsTheRecycleAndKeepsTheData() {
    // The export's root directory is root-owned 0755 and the recycler's root is squashed to nobody.
    Run run = runSpec(dir, CLUSTER.formatted("rw, root_squash") + OBJECTS + """
        steps:
        - waitFor: {object: pvc/data, field: status.phase, equals: Bound, timeout: 30s}
        - delete: {object: pvc/data}
        - waitFor: {object: pv/pv-nfs, field: status.phase, equals: Failed, timeout: 1m}
        - expect: {event: {object: pv/pv-nfs, type: Warning, reason: VolumeFailedRecycle, messageMatches: "^Recycle failed: rm: .*"}, atLeast: 1}
        - expect: {trace: {type: Recycled, volume: pv-nfs, outcome: failed}, atLeast: 1}
        - expect: {file: {nfs: nfs.example, path: /exports/data.txt}, content: x}
        """);
    assertThat(run.code()).as(run.toString()).isZero();
  }
}
