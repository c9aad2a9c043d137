package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubelet's housekeeping ({@code cleanupOrphanedPodDirs}, every 2 s): the directory
 * {@code /var/lib/kubelet/pods/<uid>} of a Pod that is gone is removed once its volumes are
 * unmounted, and not before.
 */
class PodDirectoryHousekeepingTest {
  @TempDir Path dir;

  private static void assertPassed(Run run) {
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.outLines()).filteredOn(l -> l.startsWith("FAIL")).isEmpty();
  }

  @Test
  void theDirectoryOfADeletedPodIsRemovedByHousekeeping() {
    assertPassed(runSpec(dir, """
        objects:
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              nodeName: node-1
              volumes: [{name: cache, emptyDir: {}}]
              containers: [{name: app, image: busybox, volumeMounts: [{name: cache, mountPath: /cache}]}]
        steps:
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 1m}
        - capture: {name: uid, value: "${pod/web.metadata.uid}"}
        - expect: {file: {node: node-1, path: "/var/lib/kubelet/pods/${uid}"}, type: directory}
        - delete: {object: pod/web}
        - waitFor: {absent: pod/web, timeout: 1m}
        # housekeepingPeriod is 2 s: the next pass finds the directory of a Pod nobody knows.
        - waitFor: {file: {node: node-1, path: "/var/lib/kubelet/pods/${uid}"}, exists: false, timeout: 3s}
        """));
  }

  @Test
  void theDirectoryOfAFinishedPodStillInTheApiStays() {
    assertPassed(runSpec(dir, """
        objects:
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: job}
            spec:
              nodeName: node-1
              restartPolicy: Never
              volumes: [{name: cache, emptyDir: {}}]
              containers: [{name: app, image: busybox, volumeMounts: [{name: cache, mountPath: /cache}]}]
        steps:
        - waitFor: {object: pod/job, field: status.phase, equals: Running, timeout: 1m}
        - exit: {pod: job, container: app, code: 0}
        - waitFor: {object: pod/job, field: status.phase, equals: Succeeded, timeout: 1m}
        - advance: 30s
        # The Pod is still known (the API has it): its directory stays until the Pod is deleted.
        - expect: {file: {node: node-1, path: "/var/lib/kubelet/pods/${pod/job.metadata.uid}"}, type: directory}
        """));
  }

  @Test
  void theDirectoryStaysWhileAVolumeIsStillMountedThere() {
    assertPassed(runSpec(dir, """
        objects:
        - manifest: {apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: db}
            spec:
              volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
              containers: [{name: app, image: busybox, volumeMounts: [{name: data, mountPath: /data}]}]
        steps:
        - waitFor: {object: pod/db, field: status.phase, equals: Running, timeout: 2m}
        - capture: {name: uid, value: "${pod/db.metadata.uid}"}
        - capture: {name: node, value: "${pod/db.spec.nodeName}"}
        - capture: {name: pv, value: "${pvc/data.spec.volumeName}"}
        - exec: {pod: db, container: app, write: /data/kept, content: precious}
        # The node plugin cannot unpublish the volume, and the Pod is force-deleted from the API:
        # the kubelet no longer knows it, but its volume is still mounted in its directory.
        - fail: {csiDriver: disk.csi.volsim.dev, part: node, node: "${node}"}
        - delete: {object: pod/db, gracePeriodSeconds: 0, force: true}
        - waitFor: {absent: pod/db, timeout: 1m}
        - advance: 1m
        - expect: {file: {node: "${node}", path: "/var/lib/kubelet/pods/${uid}/volumes/kubernetes.io~csi/${pv}/mount/kept"}, content: precious}
        - expect: {file: {node: "${node}", path: "/var/lib/kubelet/pods/${uid}/volumes/kubernetes.io~csi/${pv}/vol_data.json"}, type: file}
        - recover: {csiDriver: disk.csi.volsim.dev, part: node, node: "${node}"}
        - waitFor: {file: {node: "${node}", path: "/var/lib/kubelet/pods/${uid}"}, exists: false, timeout: 5m}
        """));
  }
}
