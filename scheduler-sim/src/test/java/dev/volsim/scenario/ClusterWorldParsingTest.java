package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.scenario;
import static dev.volsim.scenario.ScenarioHarness.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.volsim.core.world.BlockDevice;
import dev.volsim.core.world.ClusterWorld;
import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileType;
import dev.volsim.core.world.NfsExport;
import dev.volsim.core.world.NfsServer;
import dev.volsim.sim.Simulation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code cluster} section's world keys, read from a scenario into the simulation's {@link ClusterWorld}. */
class ClusterWorldParsingTest {
  @TempDir Path dir;

  private Simulation simulation(String spec) throws InvalidScenarioException {
    Scenario s = ScenarioParser.parse(write(dir, "s.yaml", scenario(spec)));
    Simulation.Builder b = Simulation.builder().world(s.world());
    s.nodes().ifPresent(b::nodes);
    return b.build();
  }

  private String errors(String spec) {
    try {
      ScenarioParser.parse(write(dir, "s.yaml", scenario(spec)));
      throw new AssertionError("the scenario was accepted");
    } catch (InvalidScenarioException e) {
      return e.getMessage();
    }
  }

  @Test
  void nodeFilesOfEveryTypeAreOnTheNodesDisk() throws Exception {
    Simulation sim = simulation("""
        cluster:
          nodes:
          - name: node-1
            files:
            - {path: /var/log/syslog, content: "boot ok", mode: "0640", uid: 0, gid: 4}
            - {path: /var/lib/big.img, size: 2Ki}
            - {path: /var/lib/containerd, type: directory}
            - {path: /run/containerd/containerd.sock, type: socket}
            - {path: /dev/ttyS0, type: charDevice, mode: "0660"}
            - {path: /dev/sdb, type: blockDevice}
            - {path: /etc/localtime, type: symlink, target: /usr/share/zoneinfo/UTC}
        """);
    var disk = sim.world().nodeDisk("node-1").orElseThrow().root();
    assertThat(disk.readString("/var/log/syslog", Credentials.ROOT)).isEqualTo("boot ok");
    assertThat(disk.stat("/var/log/syslog", Credentials.ROOT).modeString()).isEqualTo("0640");
    assertThat(disk.stat("/var/log/syslog", Credentials.ROOT).gid()).isEqualTo(4);
    assertThat(disk.stat("/var/lib/big.img", Credentials.ROOT).size()).isEqualTo(2048);
    assertThat(disk.stat("/var/lib/containerd", Credentials.ROOT).type()).isEqualTo(FileType.DIRECTORY);
    assertThat(disk.stat("/run/containerd/containerd.sock", Credentials.ROOT).type()).isEqualTo(FileType.SOCKET);
    assertThat(disk.stat("/dev/ttyS0", Credentials.ROOT).type()).isEqualTo(FileType.CHAR_DEVICE);
    assertThat(disk.stat("/dev/sdb", Credentials.ROOT).type()).isEqualTo(FileType.BLOCK_DEVICE);
    assertThat(disk.lstat("/etc/localtime", Credentials.ROOT).type()).isEqualTo(FileType.SYMLINK);
  }

  @Test
  void nfsServersAndNodesServingNfsHoldTheirExports() throws Exception {
    Simulation sim = simulation("""
        cluster:
          nodes:
          - name: node-1
            address: 10.0.0.11
            nfsExports: [{path: /data/redis, clients: ["127.0.0.1"], options: [rw], owner: 777}]
          nfsServers:
          - name: nfs.ilinux.io
            address: 10.0.0.50
            exports:
            - path: /data/web
              clients: ["10.0.0.0/16"]
              options: [rw, no_root_squash, anonuid=100]
              gid: 33
              mode: "0775"
              files: [{path: index.html, content: "<h1>hi</h1>"}]
        """);
    ClusterWorld world = sim.world();
    NfsServer own = world.resolveNfsServer("localhost", "node-1").orElseThrow();
    assertThat(own.address()).isEqualTo("10.0.0.11");
    assertThat(own.disk().stat("/data/redis", Credentials.ROOT).uid()).isEqualTo(777);
    NfsServer server = world.resolveNfsServer("10.0.0.50", "node-1").orElseThrow();
    assertThat(server.name()).isEqualTo("nfs.ilinux.io");
    NfsExport export = server.exportFor("/data/web").orElseThrow();
    assertThat(export.squash()).isEqualTo(NfsExport.Squash.NO_ROOT_SQUASH);
    assertThat(export.anonUid()).isEqualTo(100);
    assertThat(export.clientAllowed("10.0.3.4")).isTrue();
    assertThat(server.disk().stat("/data/web", Credentials.ROOT).modeString()).isEqualTo("0775");
    assertThat(server.disk().stat("/data/web", Credentials.ROOT).gid()).isEqualTo(33);
    assertThat(server.disk().readString("/data/web/index.html", Credentials.ROOT)).isEqualTo("<h1>hi</h1>");
    assertThat(world.strict()).isFalse();
  }

  @Test
  void gitRepositoriesKeepTheirCommitsOldestFirst() throws Exception {
    Simulation sim = simulation("""
        cluster:
          nodes: [{name: node-1}]
          gitRepositories:
          - url: https://example.com/site.git
            defaultBranch: main
            commits:
            - {id: 1a2b3c4, files: [{path: index.html, content: v1}]}
            - {id: 5d6e7f8, branch: main, files: [{path: index.html, content: v2}]}
            - {id: 9abcdef, branch: dev, parent: 1a2b3c4, files: [{path: index.html, content: dev}]}
          urls:
            "https://example.com/envoy.yaml": {content: "static_resources: {}"}
            "https://example.com/missing": {status: 404}
        """);
    var repo = sim.world().gitRepository("https://example.com/site.git").orElseThrow();
    assertThat(repo.commits()).extracting(c -> c.id()).containsExactly("1a2b3c4", "5d6e7f8", "9abcdef");
    assertThat(repo.head("main").orElseThrow().id()).isEqualTo("5d6e7f8");
    assertThat(repo.head("dev").orElseThrow().parent()).isEqualTo("1a2b3c4");
    assertThat(sim.world().url("https://example.com/envoy.yaml").orElseThrow())
        .isEqualTo(new ClusterWorld.UrlResponse(200, "static_resources: {}"));
    assertThat(sim.world().url("https://example.com/missing").orElseThrow().status()).isEqualTo(404);
  }

  @Test
  void storageDeclaresBackendsByTheirNames() throws Exception {
    Simulation sim = simulation("""
        cluster:
          nodes: [{name: node-1}]
          storage:
            strict: true
            cloudDisks:
            - {id: vol-0abc, zone: zone-a, size: 10Gi, files: [{path: data/seed.txt, content: seeded}]}
            - {id: vol-blank, zone: zone-b, size: 2Gi}
            ceph: {monitors: ["10.0.0.70:6789"], users: [admin], images: [{pool: rbd, name: foo, size: 1Gi}], filesystems: [{name: cephfs}]}
            glusterfs: [{endpoints: glusterfs-cluster, volumes: [kube_vol]}]
            iscsi: [{portal: "10.0.0.60:3260", iqn: "iqn.2001-04.com.example:storage.kube.sys1.xyz", luns: [0, 1]}]
        """);
    ClusterWorld world = sim.world();
    assertThat(world.strict()).isTrue();
    assertThat(world.backends()).containsExactly("cephfs:cephfs", "cloudDisk:vol-0abc", "cloudDisk:vol-blank",
        "glusterfs:kube_vol", "iscsi:10.0.0.60:3260/iqn.2001-04.com.example:storage.kube.sys1.xyz:0",
        "iscsi:10.0.0.60:3260/iqn.2001-04.com.example:storage.kube.sys1.xyz:1", "rbd:rbd/foo");
    BlockDevice disk = world.existingBlockDevice("cloudDisk:vol-0abc").orElseThrow();
    assertThat(disk.kind()).isEqualTo(BlockDevice.Kind.CLOUD_DISK);
    assertThat(disk.zone()).contains("zone-a");
    assertThat(disk.sizeBytes()).isEqualTo(10L << 30);
    assertThat(disk.fsType()).contains("ext4");
    assertThat(disk.fileSystem().readString("/data/seed.txt", Credentials.ROOT)).isEqualTo("seeded");
    assertThat(world.existingBlockDevice("cloudDisk:vol-blank").orElseThrow().isFormatted()).isFalse();
    assertThat(world.existingBlockDevice("rbd:rbd/foo").orElseThrow().kind()).isEqualTo(BlockDevice.Kind.RBD_IMAGE);
    assertThat(world.existingBlockDevice("iscsi:10.0.0.60:3260/iqn.2001-04.com.example:storage.kube.sys1.xyz:1")
        .orElseThrow().kind()).isEqualTo(BlockDevice.Kind.ISCSI_LUN);
    assertThat(world.backendFileSystem("cephfs:cephfs").orElseThrow().fsType()).isEqualTo("ceph");
    assertThat(world.backendFileSystem("glusterfs:kube_vol").orElseThrow().fsType()).isEqualTo("fuse.glusterfs");
    assertThat(world.cephMonitor("10.0.0.70:6789")).isTrue();
    assertThat(world.cephMonitor("10.0.0.71:6789")).isFalse();
    assertThat(world.cephUser("admin")).isTrue();
    assertThat(world.glusterEndpoints("glusterfs-cluster")).isTrue();
    assertThat(world.glusterEndpoints("other")).isFalse();
    assertThat(world.resolveNfsServer("nfs.example.com", "node-1")).isEmpty();
  }

  @Test
  void theEmbeddedDefaultClusterIsNotStrict() throws Exception {
    Simulation sim = simulation("steps: []\n");
    assertThat(sim.world().strict()).isFalse();
    assertThat(sim.world().resolveNfsServer("nfs.example.com", sim.world().nodes().get(0))).isPresent();
  }

  @Test
  void badWorldKeysAreReportedWithTheirPlaceAndField() {
    String message = errors("""
        cluster:
          nodes:
          - name: node-1
            files:
            - {path: var/log/x, content: a}
            - {path: /etc/a, mode: "0999"}
            - {path: /etc/b, type: fifo}
            - {path: /etc/c, type: symlink}
            - {path: /etc/ok}
            - {path: /etc/ok, content: again}
          nfsServers:
          - name: nfs
            exports: [{path: /data, options: [rw, nosuchoption]}, {path: data2}]
          - name: nfs
          gitRepositories:
          - url: https://example.com/r.git
            commits: [{id: a1}, {id: a1}, {id: b2, parent: zz}]
          urls:
            "https://example.com/x": {}
          storage:
            cloudDisks: [{id: vol-1}, {id: vol-1}]
            strict: maybe
        """);
    assertThat(message).contains(
        "s.yaml:9:16: spec.cluster.nodes[0].files[0].path: must be an absolute path, got \"var/log/x\"",
        "s.yaml:10:30: spec.cluster.nodes[0].files[1].mode must be octal, as \"0644\"",
        "s.yaml:11:30: spec.cluster.nodes[0].files[2].type: Unsupported value: \"fifo\"",
        "spec.cluster.nodes[0].files[3].target is required for a symlink",
        "spec.cluster.nodes[0].files[5].path: Duplicate value: \"/etc/ok\"",
        "spec.cluster.nfsServers[0].exports[0].options: unknown export option \"nosuchoption\" of /data",
        "spec.cluster.nfsServers[0].exports[1].path: must be an absolute path, got \"data2\"",
        "spec.cluster.nfsServers[1].name: Duplicate value: \"nfs\"",
        "spec.cluster.gitRepositories[0].commits[2].parent: no earlier commit has id \"zz\"",
        "spec.cluster.gitRepositories[0].commits[1].id: Duplicate value: \"a1\"",
        "spec.cluster.urls[\"https://example.com/x\"] needs content or status",
        "spec.cluster.storage.cloudDisks[1].id: Duplicate value: backend \"cloudDisk:vol-1\" is declared twice",
        "spec.cluster.storage.strict must be true or false");
  }

  @Test
  void aWorldSpecStartsEveryRunAfresh() throws Exception {
    Scenario s = ScenarioParser.parse(write(dir, "s.yaml", scenario("""
        cluster:
          nodes: [{name: node-1}]
          nfsServers: [{name: nfs, exports: [{path: /data, options: [rw]}]}]
        """)));
    Simulation first = Simulation.builder().nodes(s.nodes().orElseThrow()).world(s.world()).build();
    first.world().resolveNfsServer("nfs", "node-1").orElseThrow().disk().write("/data/x", "1", Credentials.ROOT);
    Simulation second = Simulation.builder().nodes(s.nodes().orElseThrow()).world(s.world()).build();
    assertThatThrownBy(() -> second.world().resolveNfsServer("nfs", "node-1").orElseThrow().disk()
        .readString("/data/x", Credentials.ROOT)).hasMessageContaining("No such file or directory");
  }
}
