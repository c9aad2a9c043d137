package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed claims of the chapter's gitRepo (2.2) and NFS (4.1) sections, each as a scenario replayed
 * through {@code volsim run} against a declared cluster world (see /docs/semantics.md for the
 * upstream sources).
 */
class SeedClaimsNetworkTest {
  @TempDir Path dir;

  private static void assertPassed(Run run) {
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.outLines()).filteredOn(l -> l.startsWith("FAIL")).isEmpty();
  }

  private static final String REPO = "https://github.com/iKubernetes/Kubernetes_Advanced_Practical_2rd.git";

  /** One node with git, a repository with two commits on main and one on a branch. */
  private static String gitCluster(String packages) {
    return """
        kubernetes: {featureGates: {GitRepoVolumeDriver: true}}
        cluster:
          nodes: [{name: node-1, packages: [%s]}]
          gitRepositories:
          - url: %s
            defaultBranch: main
            commits:
            - {id: 1a2b3c4, branch: main, files: [{path: index.html, content: "<h1>v1</h1>"}]}
            - {id: 5d6e7f8, branch: main, files: [{path: index.html, content: "<h1>v2</h1>"}, {path: css/site.css, content: "h1 {}"}]}
            - {id: 9f8e7d6, branch: beta, parent: 1a2b3c4, files: [{path: index.html, content: "<h1>beta</h1>"}]}
        """.formatted(packages, REPO);
  }

  private static String gitPod(String name, String directory, String revision) {
    return object(gitPodBody(name, directory, revision));
  }

  private static String gitPodBody(String name, String directory, String revision) {
    return """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s}
        spec:
          containers:
          - {name: nginx, image: nginx:alpine, volumeMounts: [{name: html, mountPath: /usr/share/nginx/html}]}
          volumes:
          - name: html
            gitRepo: {repository: "%s", directory: "%s"%s}
        """.formatted(name, REPO, directory, revision == null ? "" : ", revision: \"" + revision + "\"");
  }

  /** An entry of {@code objects}. */
  private static String object(String body) {
    return "- manifest:\n" + body.indent(4);
  }

  /** An {@code apply} step. */
  private static String apply(String body) {
    return "- apply:\n    manifest:\n" + body.indent(6);
  }

  @Test
  void C17_theRepositoryIsClonedIntoTheVolumeBeforeContainersStart() {
    assertPassed(runSpec(dir, gitCluster("git") + "objects:\n" + gitPod("root", ".", null)
        + gitPod("sub", "site", "beta") + gitPod("pinned", ".", "1a2b3c4") + """
        steps:
        - waitFor: {object: pod/root, field: status.phase, equals: Running, timeout: 2m}
        - waitFor: {object: pod/sub, field: status.phase, equals: Running, timeout: 2m}
        - waitFor: {object: pod/pinned, field: status.phase, equals: Running, timeout: 2m}
        # "." clones into the volume's root: the default branch's newest commit
        - expect: {file: {pod: root, path: /usr/share/nginx/html/index.html}, content: "<h1>v2</h1>"}
        - expect: {file: {pod: root, path: /usr/share/nginx/html/css/site.css}, content: "h1 {}"}
        - expect: {file: {pod: root, path: /usr/share/nginx/html/.git/HEAD}, content: "ref: refs/heads/main\\n"}
        # any other directory name is a sub-directory of the volume; a branch is checked out
        - expect: {file: {pod: sub, path: /usr/share/nginx/html}, entries: [site]}
        - expect: {file: {pod: sub, path: /usr/share/nginx/html/site/index.html}, content: "<h1>beta</h1>"}
        # a commit id is checked out as a detached HEAD
        - expect: {file: {pod: pinned, path: /usr/share/nginx/html/index.html}, content: "<h1>v1</h1>"}
        - expect: {file: {pod: pinned, path: /usr/share/nginx/html/.git/HEAD}, content: "1a2b3c4\\n"}
        - expectOrder:
          - {type: SetUp, pod: root}
          - {type: ContainerStarted, pod: root}
        """));
  }

  @Test
  void C17_aDirectoryWithDotDotIsRefusedByValidation() {
    assertPassed(runSpec(dir, gitCluster("git") + """
        steps:
        # the name is known only at run time, so the API server (not the scenario reader) validates it
        - capture: {name: pod, value: escape}
        - apply:
            manifest:
              apiVersion: v1
              kind: Pod
              metadata: {name: "${pod}"}
              spec:
                containers: [{name: c, image: busybox, volumeMounts: [{name: html, mountPath: /html}]}]
                volumes: [{name: html, gitRepo: {repository: "%s", directory: "../etc"}}]
          expectError: "spec.volumes[0].gitRepo.directory: Invalid value: \\"../etc\\": must not contain '..'"
        """.formatted(REPO)));
  }

  @Test
  void C18_withoutGitOnTheNodeTheCloneFailsAndThePodDoesNotStart() {
    assertPassed(runSpec(dir, gitCluster("nfs-common") + "objects:\n" + gitPod("root", ".", null) + """
        steps:
        - advance: 2m
        - expect: {object: pod/root, field: status.phase, equals: Pending}
        - expect:
            event:
              object: pod/root
              type: Warning
              reason: FailedMount
              messageContains: "MountVolume.SetUp failed for volume \\"html\\" : failed to exec 'git clone -- %s .': : exec: \\"git\\": executable file not found in $PATH"
        - expect: {trace: {type: ContainerStarted, pod: root}, never: true}
        """.formatted(REPO)));
  }

  @Test
  void C18_aRepositoryTheStrictWorldDoesNotHaveFailsTheClone() {
    assertPassed(runSpec(dir, """
        kubernetes: {featureGates: {GitRepoVolumeDriver: true}}
        cluster:
          nodes: [{name: node-1, packages: [git]}]
          storage: {strict: true}
        objects:
        """ + gitPod("root", ".", null) + """
        steps:
        - advance: 1m
        - expect: {object: pod/root, field: status.phase, equals: Pending}
        - expect: {event: {object: pod/root, reason: FailedMount, messageContains: "fatal: repository '%s' not found"}}
        """.formatted(REPO)));
  }

  @Test
  void C19_aCommitPushedAfterTheCloneNeverReachesTheVolumeWhichGoesWithThePod() {
    assertPassed(runSpec(dir, gitCluster("git") + "objects:\n" + gitPod("root", ".", null) + """
        steps:
        - waitFor: {object: pod/root, field: status.phase, equals: Running, timeout: 2m}
        - capture: {name: uid, value: "${pod/root.metadata.uid}"}
        - admin: {git: "%s", commit: {id: abcdef1, files: [{path: index.html, content: "<h1>v3</h1>"}]}}
        - advance: 10m
        # never synced again: the volume keeps what the clone brought
        - expect: {file: {pod: root, path: /usr/share/nginx/html/index.html}, content: "<h1>v2</h1>"}
        - delete: {object: pod/root}
        - waitFor: {absent: pod/root, timeout: 2m}
        - expect: {file: {node: node-1, path: "/var/lib/kubelet/pods/${uid}/volumes/kubernetes.io~git-repo/html"}, exists: false}
        # a new Pod clones again and so sees the pushed commit
        """.formatted(REPO) + apply(gitPodBody("again", ".", null)) + """
        - waitFor: {object: pod/again, field: status.phase, equals: Running, timeout: 2m}
        - expect: {file: {pod: again, path: /usr/share/nginx/html/index.html}, content: "<h1>v3</h1>"}
        """));
  }

  /** Two nodes with the NFS client and one NFS server exporting /data/shared to the cluster network. */
  private static final String NFS_CLUSTER = """
      cluster:
        nodes:
        - {name: node-1, address: 10.0.0.11, packages: [nfs-common]}
        - {name: node-2, address: 10.0.0.12, packages: [nfs-common]}
        - {name: node-3, address: 192.168.9.9, packages: [nfs-common]}
        - {name: node-4, address: 10.0.0.14, packages: []}
        nfsServers:
        - name: nfs.ilinux.io
          address: 10.0.0.50
          exports:
          - {path: /data/shared, clients: ["10.0.0.0/16"], options: [rw, no_root_squash]}
          - {path: /data/squashed, clients: ["10.0.0.0/16"], options: [rw]}
          - {path: /data/redis777, clients: ["10.0.0.0/16"], options: [rw], owner: 777}
      """;

  private static String nfsPod(String name, String node, String path, String extra) {
    return object(nfsPodBody(name, node, path, extra));
  }

  private static String nfsPodBody(String name, String node, String path, String extra) {
    return """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s}
        spec:
          nodeName: %s
          containers:
          - {name: app, image: busybox%s, volumeMounts: [{name: data, mountPath: /data}]}
          volumes: [{name: data, nfs: {server: nfs.ilinux.io, path: %s}}]
        """.formatted(name, node, extra, path);
  }

  @Test
  void C25_networkStorageOutlivesPodsAndNodes() {
    assertPassed(runSpec(dir, NFS_CLUSTER + "objects:\n" + nfsPod("writer", "node-1", "/data/shared", "") + """
        steps:
        - waitFor: {object: pod/writer, field: status.phase, equals: Running, timeout: 2m}
        - exec: {pod: writer, write: /data/note, content: "from node-1"}
        - delete: {object: pod/writer}
        - waitFor: {absent: pod/writer, timeout: 2m}
        """ + apply(nfsPodBody("reader", "node-2", "/data/shared", "")) + """
        - waitFor: {object: pod/reader, field: status.phase, equals: Running, timeout: 2m}
        - expect: {file: {pod: reader, path: /data/note}, content: "from node-1"}
        - delete: {object: pod/reader}
        - waitFor: {absent: pod/reader, timeout: 2m}
        # both Pods are gone, neither node holds the data: the server still does
        - expect: {file: {nfs: nfs.ilinux.io, path: /data/shared/note}, content: "from node-1"}
        """));
  }

  @Test
  void C26_serverAndPathAreRequiredReadOnlyDefaultsToFalseAndManyPodsShareTheExport() {
    assertPassed(runSpec(dir, NFS_CLUSTER + "objects:\n" + nfsPod("a", "node-1", "/data/shared", "")
        + nfsPod("b", "node-2", "/data/shared", "") + """
        steps:
        # the name is known only at run time, so the API server (not the scenario reader) validates it
        - capture: {name: bad, value: bad}
        - apply:
            manifest:
              apiVersion: v1
              kind: Pod
              metadata: {name: "${bad}"}
              spec:
                containers: [{name: c, image: busybox}]
                volumes: [{name: data, nfs: {path: /data/shared}}]
          expectError: "spec.volumes[0].nfs.server: Required value"
        - apply:
            manifest:
              apiVersion: v1
              kind: Pod
              metadata: {name: "${bad}"}
              spec:
                containers: [{name: c, image: busybox}]
                volumes: [{name: data, nfs: {server: nfs.ilinux.io}}]
          expectError: "spec.volumes[0].nfs.path: Required value"
        - waitFor: {object: pod/a, field: status.phase, equals: Running, timeout: 2m}
        - waitFor: {object: pod/b, field: status.phase, equals: Running, timeout: 2m}
        # readOnly omitted: both mount read-write, at once, from different nodes
        - exec: {pod: a, write: /data/a.txt, content: a}
        - exec: {pod: b, write: /data/b.txt, content: b}
        - expect: {file: {pod: a, path: /data}, entries: [a.txt, b.txt]}
        - expect: {file: {pod: b, path: /data/a.txt}, content: a}
        """));
  }

  @Test
  void C27_redisAsUid777WritesOnlyToAnExportItMayWrite() {
    assertPassed(runSpec(dir, NFS_CLUSTER + "objects:\n"
        + nfsPod("redis-ok", "node-1", "/data/redis777", ", securityContext: {runAsUser: 777}")
        + nfsPod("redis-denied", "node-1", "/data/squashed", ", securityContext: {runAsUser: 777}") + """
        steps:
        - waitFor: {object: pod/redis-ok, field: status.phase, equals: Running, timeout: 2m}
        - waitFor: {object: pod/redis-denied, field: status.phase, equals: Running, timeout: 2m}
        - exec: {pod: redis-ok, write: /data/dump.rdb, content: "mykey=1"}
        - expect: {file: {nfs: nfs.ilinux.io, path: /data/redis777/dump.rdb}, uid: 777, content: "mykey=1"}
        # the export's directory is root's, mode 0755: uid 777 may not write there
        - exec: {pod: redis-denied, write: /data/dump.rdb, content: "mykey=1"}
          expectError: "Permission denied"
        """));
  }

  @Test
  void C28_aNodeWithoutTheNfsClientCannotMount() {
    assertPassed(runSpec(dir, NFS_CLUSTER + "objects:\n" + nfsPod("web", "node-4", "/data/shared", "") + """
        steps:
        - advance: 1m
        - expect: {object: pod/web, field: status.phase, equals: Pending}
        - expect:
            event:
              object: pod/web
              reason: FailedMount
              messageContains: "MountVolume.SetUp failed for volume \\"data\\" : mount failed: exit status 32"
        - expect:
            event:
              object: pod/web
              reason: FailedMount
              messageMatches: "Mounting arguments: -t nfs nfs.ilinux.io:/data/shared /var/lib/kubelet/pods/[^ ]+/volumes/kubernetes.io~nfs/data"
        - expect:
            event:
              object: pod/web
              reason: FailedMount
              messageContains: "you might need a /sbin/mount.<type> helper program"
        """));
  }

  @Test
  void C28_theExportsClientListAndSquashOptionsAreEnforced() {
    assertPassed(runSpec(dir, NFS_CLUSTER + "objects:\n" + nfsPod("outside", "node-3", "/data/shared", "")
        + nfsPod("rooted", "node-1", "/data/shared", "") + nfsPod("squashed", "node-1", "/data/squashed", "") + """
        steps:
        - advance: 1m
        # 192.168.9.9 is not in 10.0.0.0/16
        - expect: {object: pod/outside, field: status.phase, equals: Pending}
        - expect: {event: {object: pod/outside, reason: FailedMount, messageContains: "mount.nfs: access denied by server while mounting nfs.ilinux.io:/data/shared"}}
        - waitFor: {object: pod/rooted, field: status.phase, equals: Running, timeout: 2m}
        - waitFor: {object: pod/squashed, field: status.phase, equals: Running, timeout: 2m}
        # no_root_squash: root in the container is root on the export
        - exec: {pod: rooted, write: /data/by-root, content: x}
        - expect: {file: {nfs: nfs.ilinux.io, path: /data/shared/by-root}, uid: 0}
        # root_squash (the default): root becomes nobody, who may not write into root's 0755 directory
        - exec: {pod: squashed, write: /data/by-root, content: x}
          expectError: "Permission denied"
        - admin: {nfs: nfs.ilinux.io, chmod: {path: /data/squashed, mode: "0777"}}
        - exec: {pod: squashed, write: /data/by-root, content: x}
        - expect: {file: {nfs: nfs.ilinux.io, path: /data/squashed/by-root}, uid: 65534, gid: 65534}
        """));
  }

  @Test
  void C29_aRedisKeySurvivesPodRecreationUntilAnAdminClearsIt() {
    String pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: volumes-nfs-demo, labels: {app: redis}}
        spec:
          containers:
          - name: redis
            image: redis:alpine
            securityContext: {runAsUser: 777}
            volumeMounts: [{mountPath: /data, name: redisdata}]
          volumes:
          - name: redisdata
            nfs: {server: localhost, path: /data/redis, readOnly: false}
        """;
    assertPassed(runSpec(dir, """
        cluster:
          nodes:
          - name: node-1
            address: 10.0.0.11
            packages: [nfs-common]
            nfsExports: [{path: /data/redis, clients: ["10.0.0.0/16", "127.0.0.1"], options: [rw, no_root_squash], owner: 777}]
        objects:
        - manifest:
        """ + pod.indent(4) + """
        steps:
        - waitFor: {object: pod/volumes-nfs-demo, field: status.phase, equals: Running, timeout: 2m}
        - exec: {pod: volumes-nfs-demo, write: /data/dump.rdb, content: "mykey=hello"}
        - delete: {object: pod/volumes-nfs-demo}
        - waitFor: {absent: pod/volumes-nfs-demo, timeout: 2m}
        # the Pod is gone; its volume was only unmounted
        - expect: {file: {nfs: node-1, path: /data/redis/dump.rdb}, content: "mykey=hello", uid: 777}
        - apply:
            manifest:
        """ + pod.indent(6) + """
        - waitFor: {object: pod/volumes-nfs-demo, field: status.phase, equals: Running, timeout: 2m}
        - expect: {file: {pod: volumes-nfs-demo, path: /data/dump.rdb}, content: "mykey=hello"}
        # only an administrator on the NFS side clears it
        - admin: {nfs: node-1, remove: /data/redis/dump.rdb}
        - expect: {file: {pod: volumes-nfs-demo, path: /data/dump.rdb}, exists: false}
        """));
  }
}
