package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed claims about the chapter's network volume families (Ceph RBD and CephFS, GlusterFS) and the
 * Kubernetes releases that still have their in-tree plugins, each replayed through {@code volsim run}
 * on a declared lax cluster (undeclared storage exists, empty, on first use).
 */
class SeedClaimsStorageFamiliesTest {
  @TempDir Path dir;

  private static void assertPassed(Run run) {
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.outLines()).filteredOn(l -> l.startsWith("FAIL")).isEmpty();
  }

  private static String cluster(String version, String packages) {
    return """
        kubernetes: {version: "%s"}
        cluster:
          nodes:
          - {name: node-1, packages: [%s]}
          - {name: node-2, packages: [%s]}
        """.formatted(version, packages, packages);
  }

  private static String pod(String name, String node, String volume) {
    return """
        - apply:
            manifest:
              apiVersion: v1
              kind: Pod
              metadata: {name: %s}
              spec:
                nodeName: %s
                containers: [{name: app, image: busybox, volumeMounts: [{name: data, mountPath: /data}]}]
                volumes: [{name: data, %s}]
        """.formatted(name, node, volume);
  }

  private static final String RBD = "rbd: {monitors: [\"10.0.0.70:6789\"], pool: kube, image: foo, fsType: xfs}";
  private static final String CEPHFS = "cephfs: {monitors: [\"10.0.0.70:6789\"], path: /shared}";
  private static final String GLUSTERFS = "glusterfs: {endpoints: glusterfs-cluster, path: kube_vol}";

  @Test
  void C30_anRbdImageIsFormattedOnceAndKeepsItsDataAcrossPodsAndNodes() {
    assertPassed(runSpec(dir, cluster("1.30", "ceph-common") + "steps:\n" + pod("writer", "node-1", RBD) + """
        - waitFor: {object: pod/writer, field: status.phase, equals: Running, timeout: 3m}
        # the attach/detach controller attached the image in-tree: no VolumeAttachment, the node lists it
        - expect: {object: node/node-1, field: "status.volumesAttached[name=kubernetes.io/rbd/kube:foo].name", equals: "kubernetes.io/rbd/kube:foo"}
        - expect: {count: {kind: volumeattachment}, equals: 0}
        - expect: {event: {object: pod/writer, reason: SuccessfulAttachVolume, messageContains: 'AttachVolume.Attach succeeded for volume "data"'}}
        - expect: {file: {pod: writer, container: app, path: /data}, entries: []}
        - exec: {pod: writer, container: app, write: /data/key, content: "v1"}
        - delete: {object: pod/writer, gracePeriodSeconds: 0}
        - waitFor: {absent: pod/writer, timeout: 2m}
        - waitFor: {object: node/node-1, field: status.volumesAttached, exists: false, timeout: 3m}
        """ + pod("reader", "node-2", RBD) + """
        - waitFor: {object: pod/reader, field: status.phase, equals: Running, timeout: 3m}
        - expect: {file: {pod: reader, container: app, path: /data/key}, content: "v1"}
        # MountDevice ran once per node; the second did not format again
        - expect: {trace: {type: MountDevice, node: node-2}, count: 1}
        """));
  }

  @Test
  void C30_cephFsIsSharedLiveByPodsOnTwoNodes() {
    assertPassed(runSpec(dir, cluster("1.30", "ceph-common") + "steps:\n" + pod("a", "node-1", CEPHFS)
        + pod("b", "node-2", CEPHFS) + """
        - waitFor: {object: pod/a, field: status.phase, equals: Running, timeout: 2m}
        - waitFor: {object: pod/b, field: status.phase, equals: Running, timeout: 2m}
        - exec: {pod: a, container: app, write: /data/from-a, content: "hello"}
        - expect: {file: {pod: b, container: app, path: /data/from-a}, content: "hello"}
        - exec: {pod: b, container: app, append: /data/from-a, content: " back"}
        - expect: {file: {pod: a, container: app, path: /data/from-a}, content: "hello back"}
        # not attachable: nothing for the attach/detach controller
        - expect: {object: node/node-1, field: status.volumesAttached, exists: false}
        - delete: {object: pod/a, gracePeriodSeconds: 0}
        - waitFor: {absent: pod/a, timeout: 2m}
        - expect: {file: {pod: b, container: app, path: /data/from-a}, content: "hello back"}
        """));
  }

  @Test
  void C30_withoutCephCommonTheRbdMapFailsAsUpstreamSays() {
    assertPassed(runSpec(dir, cluster("1.30", "nfs-common") + "steps:\n" + pod("writer", "node-1", RBD) + """
        - waitFor: {event: {object: pod/writer, type: Warning, reason: FailedMount, messageContains: 'MountVolume.WaitForAttach failed for volume "data" : fail to check rbd image status with: (executable file not found in $PATH), rbd output: ()'}, timeout: 2m}
        - expect: {object: pod/writer, field: status.phase, equals: Pending}
        """));
  }

  @Test
  void C31_glusterFsWorksUnderKubernetes125() {
    assertPassed(runSpec(dir, cluster("1.25", "glusterfs-client") + "steps:\n" + pod("a", "node-1", GLUSTERFS)
        + pod("b", "node-2", GLUSTERFS) + """
        - waitFor: {object: pod/a, field: status.phase, equals: Running, timeout: 2m}
        - waitFor: {object: pod/b, field: status.phase, equals: Running, timeout: 2m}
        - exec: {pod: a, container: app, write: /data/index.html, content: "gluster"}
        - expect: {file: {pod: b, container: app, path: /data/index.html}, content: "gluster"}
        """));
  }

  @Test
  void C31_rbdAndCephFsWorkUnderKubernetes130() {
    assertPassed(runSpec(dir, cluster("1.30", "ceph-common") + "steps:\n" + pod("rbd", "node-1", RBD)
        + pod("fs", "node-2", CEPHFS) + """
        - waitFor: {object: pod/rbd, field: status.phase, equals: Running, timeout: 3m}
        - waitFor: {object: pod/fs, field: status.phase, equals: Running, timeout: 2m}
        """));
  }

  @Test
  void C31_glusterFsIsGoneFromKubernetes126() {
    assertPassed(runSpec(dir, cluster("1.26", "glusterfs-client") + "steps:\n" + pod("a", "node-1", GLUSTERFS) + """
        - waitFor: {event: {object: pod/a, type: Warning, reason: FailedMount, messageContains: 'failed to get Plugin from volumeSpec for volume "data" err=no volume plugin matched'}, timeout: 1m}
        - expect: {object: pod/a, field: status.phase, equals: Pending}
        """));
  }

  @Test
  void C31_rbdCephFsAndGlusterFsFailWithNoVolumePluginMatchedInTheDefaultRelease() {
    String packages = "ceph-common, glusterfs-client";
    assertPassed(runSpec(dir, """
        cluster:
          nodes:
          - {name: node-1, packages: [%s]}
        steps:
        """.formatted(packages) + pod("rbd", "node-1", RBD) + pod("fs", "node-1", CEPHFS)
        + pod("gluster", "node-1", GLUSTERFS) + """
        - waitFor: {event: {object: pod/rbd, type: Warning, reason: FailedMount, messageContains: "Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[data]: failed to get Plugin from volumeSpec for volume \\"data\\" err=no volume plugin matched"}, timeout: 1m}
        - waitFor: {event: {object: pod/fs, type: Warning, reason: FailedMount, messageContains: "no volume plugin matched"}, timeout: 1m}
        - waitFor: {event: {object: pod/gluster, type: Warning, reason: FailedMount, messageContains: "no volume plugin matched"}, timeout: 1m}
        - advance: 2m
        - expect: {object: pod/rbd, field: status.phase, equals: Pending}
        # the attach/detach controller finds no attachable plugin for the image and skips it
        - expect: {object: node/node-1, field: status.volumesAttached, exists: false}
        - expect: {trace: {type: MountDevice}, never: true}
        """));
  }

  @Test
  void C13_removedStoragePlatformsAndUninstalledFlexVolumeDriversMatchNoVolumePlugin() {
    // quobyte, storageos and flocker left in-tree in 1.25, scaleIO in 1.22; a flexVolume driver is only
    // found when its executable is installed on the node (none is here).
    assertPassed(runSpec(dir, "kubernetes: {version: \"1.25\"}\nsteps:\n"
        + pod("quobyte", "node-1", "quobyte: {registry: \"registry:7861\", volume: testVolume}")
        + pod("storageos", "node-1", "storageos: {volumeName: redis-vol01}")
        + pod("scaleio", "node-1", "scaleIO: {gateway: \"https://localhost:443/api\", system: scaleio, volumeName: vol-0, secretRef: {name: sio-secret}}")
        + pod("flex", "node-1", "flexVolume: {driver: example.com/lvm}") + """
        - waitFor: {event: {object: pod/quobyte, type: Warning, reason: FailedMount, messageContains: 'failed to get Plugin from volumeSpec for volume "data" err=no volume plugin matched'}, timeout: 1m}
        - waitFor: {event: {object: pod/storageos, type: Warning, reason: FailedMount, messageContains: "no volume plugin matched"}, timeout: 1m}
        - waitFor: {event: {object: pod/scaleio, type: Warning, reason: FailedMount, messageContains: "no volume plugin matched"}, timeout: 1m}
        - waitFor: {event: {object: pod/flex, type: Warning, reason: FailedMount, messageContains: "no volume plugin matched"}, timeout: 1m}
        """));
  }

  private static String localPv(String affinityNode) {
    return """
        objects:
        - manifest:
            apiVersion: v1
            kind: PersistentVolume
            metadata: {name: local-pv}
            spec:
              capacity: {storage: 1Gi}
              accessModes: [ReadWriteOnce]
              storageClassName: local
              local: {path: /mnt/disks/ssd1}
              claimRef: {namespace: default, name: local-claim}
              nodeAffinity:
                required:
                  nodeSelectorTerms:
                  - matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [%s]}]
        - manifest:
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: local-claim}
            spec: {accessModes: [ReadWriteOnce], storageClassName: local, volumeName: local-pv, resources: {requests: {storage: 1Gi}}}
        """.formatted(affinityNode);
  }

  @Test
  void C20_aLocalPvMountsOnlyOnItsNodeAndOnlyWhenItsDirectoryExists() {
    assertPassed(runSpec(dir, cluster("1.34", "nfs-common") + localPv("node-2") + "steps:\n"
        + pod("elsewhere", "node-1", "persistentVolumeClaim: {claimName: local-claim}")
        + pod("home", "node-2", "persistentVolumeClaim: {claimName: local-claim}") + """
        - waitFor: {event: {object: pod/elsewhere, type: Warning, reason: FailedMount, messageContains: 'MountVolume.NodeAffinity check failed for volume "local-pv" : no matching NodeSelectorTerms'}, timeout: 1m}
        - waitFor: {event: {object: pod/home, type: Warning, reason: FailedMount, messageContains: 'MountVolume.NewMounter initialization failed for volume "local-pv" : path "/mnt/disks/ssd1" does not exist'}, timeout: 1m}
        - expect: {object: pod/home, field: status.phase, equals: Pending}
        """));
  }

  private static final String RBD_PV = """
      objects:
      - manifest:
          apiVersion: v1
          kind: PersistentVolume
          metadata: {name: rbd-pv}
          spec:
            capacity: {storage: 1Gi}
            accessModes: [ReadWriteOnce]
            storageClassName: ""
            rbd: {monitors: ["10.0.0.70:6789"], pool: kube, image: pvimg, fsType: ext4, user: kube}
            claimRef: {namespace: default, name: data}
      - manifest:
          apiVersion: v1
          kind: PersistentVolumeClaim
          metadata: {name: data}
          spec: {accessModes: [ReadWriteOnce], storageClassName: "", volumeName: rbd-pv, resources: {requests: {storage: 1Gi}}}
      """;

  @Test
  void C31_anRbdPersistentVolumeMountsUnder130AndMatchesNoPluginUnder134() {
    assertPassed(runSpec(dir, cluster("1.30", "ceph-common") + RBD_PV + "steps:\n"
        + pod("db", "node-1", "persistentVolumeClaim: {claimName: data}") + """
        - waitFor: {object: pod/db, field: status.phase, equals: Running, timeout: 2m}
        - expect: {object: node/node-1, field: "status.volumesAttached[name=kubernetes.io/rbd/kube:pvimg].name", equals: "kubernetes.io/rbd/kube:pvimg"}
        - expect: {file: {pod: db, container: app, path: /data}, entries: [lost+found]}
        """));
    assertPassed(runSpec(dir, cluster("1.34", "ceph-common") + RBD_PV + "steps:\n"
        + pod("db", "node-1", "persistentVolumeClaim: {claimName: data}") + """
        - waitFor: {object: pvc/data, field: status.phase, equals: Bound, timeout: 1m}
        - waitFor: {event: {object: pod/db, type: Warning, reason: FailedMount, messageContains: 'failed to process volumes=[data]: failed to get Plugin from volumeSpec for volume "rbd-pv" err=no volume plugin matched'}, timeout: 1m}
        - expect: {object: node/node-1, field: status.volumesAttached, exists: false}
        """));
  }
}
