package dev.volsim.core.volume;

import static dev.volsim.core.volume.VolumeFixtures.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.world.ClusterWorld;
import dev.volsim.core.world.FileSpec;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.NfsExport;
import dev.volsim.core.world.NfsServer;
import dev.volsim.core.world.NodeDisk;
import dev.volsim.model.core.Pod;
import dev.volsim.model.volume.NFSVolumeSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The nfs plugin resolving servers through the cluster's world, strict and lax. */
class NfsPluginWorldTest {
  private final VolumePlugin plugin = VolumePlugins.named("kubernetes.io/nfs").orElseThrow();

  private static StaticNodeContext node(ClusterWorld world, String name, String address) {
    NodeDisk disk = NodeDisk.create(name, FileTree.UNLIMITED, List.<FileSpec>of());
    return new StaticNodeContext(world, disk, address, List.of("nfs-common"));
  }

  private Mounter mounter(String uid, String server, String path) {
    Pod pod = VolumeFixtures.pod(uid, new NFSVolumeSource(server, path, false));
    return plugin.newMounter(pod, VolumeFixtures.volume(pod));
  }

  @Test
  void aLaxWorldMakesAnUndeclaredServerAndExportOnFirstMount() {
    ClusterWorld world = new ClusterWorld(false);
    StaticNodeContext node = node(world, "node-1", "10.0.0.11");
    mounter("uid-1", "nfs.example.com", "/exports/a").setUp(node);
    NfsServer made = world.resolveNfsServer("nfs.example.com", "node-1").orElseThrow();
    NfsExport export = made.exportFor("/exports/a").orElseThrow();
    assertThat(export.squash()).isEqualTo(NfsExport.Squash.ROOT_SQUASH);
    assertThat(export.readOnly()).isFalse();
    assertThat(made.disk().stat("/exports/a", ROOT).modeString()).isEqualTo("0755");
  }

  @Test
  void aStrictWorldDoesNotResolveAnUndeclaredServer() {
    StaticNodeContext node = node(new ClusterWorld(true), "node-1", "10.0.0.11");
    assertThatThrownBy(() -> mounter("uid-2", "nfs.example.com", "/exports/a").setUp(node))
        .isInstanceOf(VolumeSetUpException.class)
        .hasMessageContaining("mount failed: exit status 32")
        .hasMessageContaining("Output: mount.nfs: Failed to resolve server nfs.example.com: Name or service not known");
  }

  @Test
  void localhostIsTheNodeServingNfsReachedFromLoopback() {
    ClusterWorld world = new ClusterWorld(true);
    StaticNodeContext node1 = node(world, "node-1", "10.0.0.11");
    StaticNodeContext node2 = node(world, "node-2", "10.0.0.12");
    world.setNodeNfsServer("node-1", NfsServer.create("node-1", "10.0.0.11", List.of(new NfsExport("/data/redis",
        ImmutableList.of("127.0.0.1"), ImmutableList.of("rw"), 0, 0, 0755, ImmutableList.of()))));
    mounter("uid-3", "localhost", "/data/redis").setUp(node1);
    // node-2 is not a loopback client of node-1, and node-2 itself runs no NFS server
    assertThatThrownBy(() -> mounter("uid-4", "node-1", "/data/redis").setUp(node2))
        .hasMessageContaining("mount.nfs: access denied by server while mounting node-1:/data/redis");
    assertThatThrownBy(() -> mounter("uid-5", "localhost", "/data/redis").setUp(node2))
        .hasMessageContaining("Output: mount.nfs: Connection refused");
  }
}
