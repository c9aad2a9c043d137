package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Steps and expectations on the world outside the API ({@code admin: {nfs | backend | git}},
 * {@code file: {nfs | backend}}), and how {@code storage.strict} decides what exists.
 */
class ClusterWorldStepsTest {
  @TempDir Path dir;

  private static void assertPassed(Run run) {
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.outLines()).filteredOn(l -> l.startsWith("FAIL")).isEmpty();
  }

  private static final String NFS_POD = """
      objects:
      - manifest:
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            containers: [{name: app, image: busybox, volumeMounts: [{name: data, mountPath: /data}]}]
            volumes: [{name: data, nfs: {server: nfs.example.com, path: /exports/web}}]
      """;

  @Test
  void withStrictOffAnUndeclaredServerAndExportExistOnFirstUseOwnedByRootAndSquashed() {
    assertPassed(runSpec(dir, """
        cluster:
          nodes: [{name: node-1, packages: [nfs-common]}]
        """ + NFS_POD + """
        steps:
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 2m}
        - expect: {file: {nfs: nfs.example.com, path: /exports/web}, type: directory, mode: "0755", uid: 0, entries: []}
        # root_squash: root in the container is nobody on the server, who may not write into root's directory
        - exec: {pod: web, write: /data/x, content: x}
          expectError: "Permission denied"
        - admin: {nfs: nfs.example.com, write: /exports/web/seeded, content: "from the server"}
        - expect: {file: {pod: web, path: /data/seeded}, content: "from the server"}
        """));
  }

  @Test
  void withStrictOnAnUndeclaredServerFailsToResolveAsMountNfsSays() {
    assertPassed(runSpec(dir, """
        cluster:
          nodes: [{name: node-1, packages: [nfs-common]}]
          storage: {strict: true}
        """ + NFS_POD + """
        steps:
        - advance: 1m
        - expect: {object: pod/web, field: status.phase, equals: Pending}
        - expect:
            event:
              object: pod/web
              reason: FailedMount
              messageContains: "MountVolume.SetUp failed for volume \\"data\\" : mount failed: exit status 32"
        - expect: {event: {object: pod/web, reason: FailedMount, messageContains: "Output: mount.nfs: Failed to resolve server nfs.example.com: Name or service not known"}}
        - admin: {nfs: nfs.example.com, read: /exports/web/x}
          expectError: "no NFS server nfs.example.com in the cluster"
        """));
  }

  @Test
  void withStrictOnAnUndeclaredExportOfADeclaredServerIsDenied() {
    assertPassed(runSpec(dir, """
        cluster:
          nodes: [{name: node-1, packages: [nfs-common]}]
          nfsServers: [{name: nfs.example.com, exports: [{path: /exports/other, options: [rw]}]}]
          storage: {strict: true}
        """ + NFS_POD + """
        steps:
        - advance: 1m
        - expect: {event: {object: pod/web, reason: FailedMount, messageContains: "mount.nfs: access denied by server while mounting nfs.example.com:/exports/web"}}
        """));
  }

  @Test
  void adminsActOnBackendsAndSeeTheirFiles() {
    assertPassed(runSpec(dir, """
        cluster:
          nodes: [{name: node-1}]
          storage:
            cloudDisks: [{id: vol-0abc, zone: zone-a, size: 10Gi, files: [{path: data/seed.txt, content: seeded}]}, {id: vol-blank}]
            ceph: {filesystems: [{name: cephfs, files: [{path: volumes/kube, type: directory}]}]}
        steps:
        - expect: {file: {backend: "cloudDisk:vol-0abc", path: /data/seed.txt}, content: seeded}
        - expect: {file: {backend: "cloudDisk:vol-0abc", path: /}, entries: [data, lost+found]}
        - admin: {backend: "cloudDisk:vol-0abc", write: /data/more.txt, content: more}
        - expect: {file: {backend: "cloudDisk:vol-0abc", path: /data/more.txt}, content: more}
        - admin: {backend: "cloudDisk:vol-blank", list: /}
          expectError: "holds no file system"
        # cephfs:<fs>:<path> names a directory inside the file system
        - admin: {backend: "cephfs:cephfs:/volumes/kube", write: /a.txt, content: a}
        - expect: {file: {backend: "cephfs:cephfs", path: /volumes/kube/a.txt}, content: a}
        - expect: {file: {backend: "cephfs:cephfs:/volumes/kube", path: /a.txt}, content: a}
        # strict off: a GlusterFS volume nobody declared exists, empty, once an admin uses it
        - admin: {backend: "glusterfs:kube_vol", mkdir: /dir}
        - expect: {file: {backend: "glusterfs:kube_vol", path: /}, entries: [dir]}
        """));
  }

  @Test
  void gitPushesNeedTheRepositoryUnderStrictAndUniqueIds() {
    assertPassed(runSpec(dir, """
        cluster:
          nodes: [{name: node-1}]
          gitRepositories: [{url: "https://example.com/r.git", commits: [{id: a1}]}]
          storage: {strict: true}
        steps:
        - admin: {git: "https://example.com/r.git", commit: {id: b2, parent: a1, branch: dev}}
        - admin: {git: "https://example.com/r.git", commit: {id: b2}}
          expectError: "commit b2 already exists"
        - admin: {git: "https://example.com/r.git", commit: {id: c3, parent: zz}}
          expectError: "no commit zz (parent)"
        - admin: {git: "https://example.com/other.git", commit: {id: a1}}
          expectError: "fatal: repository 'https://example.com/other.git' not found"
        """));
  }

  @Test
  void adminStepsAndFileExpectationsNameOneHost() {
    Run run = runSpec(dir, """
        steps:
        - admin: {nfs: a, node: b, read: /x}
        - admin: {read: /x}
        - admin: {git: "https://example.com/r.git"}
        - expect: {file: {nfs: a, backend: b, path: /x}, exists: true}
        - expect: {file: {nfs: a, container: c, path: /x}, exists: true}
        """);
    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains(
        "spec.steps[0].admin acts on one of node, nfs, backend or git: it has both \"node\" and \"nfs\"",
        "spec.steps[1].admin needs one of node, nfs, backend or git",
        "spec.steps[2].admin.commit is required",
        "\"file\" needs exactly one of pod, node, nfs or backend",
        "\"container\" belongs with pod, not nfs");
  }
}
