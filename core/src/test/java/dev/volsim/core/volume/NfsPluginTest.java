package dev.volsim.core.volume;

import static dev.volsim.core.volume.VolumeFixtures.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FsException;
import dev.volsim.core.world.MountSource;
import dev.volsim.core.world.NfsExport;
import dev.volsim.core.world.NfsServer;
import dev.volsim.model.core.Pod;
import dev.volsim.model.volume.NFSVolumeSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class NfsPluginTest {
  private static final Credentials REDIS = Credentials.of(777, 777);
  private final VolumePlugin plugin = VolumePlugins.named("kubernetes.io/nfs").orElseThrow();
  private final NfsServer server = NfsServer.create("nfs1", "10.0.0.50", List.of(new NfsExport("/data/redis",
      ImmutableList.of("10.0.1.0/24"), ImmutableList.of("rw", "no_root_squash"), 777, 777, 0755,
      ImmutableList.of())));

  private Mounter mounter(String uid, String serverName, boolean readOnly) {
    Pod pod = VolumeFixtures.pod(uid, new NFSVolumeSource(serverName, "/data/redis", readOnly));
    return plugin.newMounter(pod, VolumeFixtures.volume(pod));
  }

  @Test
  void C29_dataSurvivesTearDownAndTheNextPodSeesIt() {
    StaticNodeContext node = VolumeFixtures.node("10.0.1.5", List.of(server), "nfs-common");
    Mounter first = mounter("uid-a", "nfs1", false);
    MountSource source = first.setUp(node);
    assertThat(source.fsType()).isEqualTo("nfs4");
    assertThat(source.device()).isEqualTo("nfs1:/data/redis");
    VolumeFixtures.container(source, "/data", false).write("/data/dump.rdb", "mykey=hello", REDIS);
    assertThat(node.volumeMounts().hostNamespace().readString(first.path() + "/dump.rdb", ROOT))
        .isEqualTo("mykey=hello");

    plugin.newUnmounter("uid-a", "vol").tearDown(node);
    assertThat(node.volumeMounts().sourceAt(first.path())).isEmpty();
    assertThat(node.disk().root().exists(first.path(), ROOT)).isFalse();
    assertThat(server.disk().readString("/data/redis/dump.rdb", ROOT)).isEqualTo("mykey=hello");

    MountSource second = mounter("uid-b", "10.0.0.50", false).setUp(node);
    assertThat(VolumeFixtures.container(second, "/data", false).readString("/data/dump.rdb", REDIS))
        .isEqualTo("mykey=hello");
  }

  @Test
  void C28_anExportNotListingTheNodesNetworkRefusesTheMount() {
    StaticNodeContext node = VolumeFixtures.node("192.168.9.9", List.of(server), "nfs-common");
    assertThatThrownBy(() -> mounter("uid-c", "nfs1", false).setUp(node))
        .isInstanceOf(VolumeSetUpException.class)
        .hasMessageStartingWith("mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t nfs"
            + " nfs1:/data/redis /var/lib/kubelet/pods/uid-c/volumes/kubernetes.io~nfs/vol\nOutput: ")
        .hasMessageContaining("access denied by server while mounting nfs1:/data/redis");
  }

  @Test
  void C28_aNodeWithoutTheNfsClientCannotMount() {
    StaticNodeContext node = VolumeFixtures.node("10.0.1.5", List.of(server));
    assertThatThrownBy(() -> mounter("uid-d", "nfs1", false).setUp(node))
        .isInstanceOf(VolumeSetUpException.class)
        .hasMessageContaining("Output: mount: /var/lib/kubelet/pods/uid-d/volumes/kubernetes.io~nfs/vol: bad option;"
            + " for several filesystems (e.g. nfs, cifs) you might need a /sbin/mount.<type> helper program.");
  }

  @Test
  void C26_readOnlyRefusesWritesAndManyPodsMountAtOnce() {
    StaticNodeContext node = VolumeFixtures.node("10.0.1.5", List.of(server), "nfs-common");
    MountSource ro = mounter("uid-e", "nfs1", true).setUp(node);
    assertThat(ro.readOnly()).isTrue();
    assertThatThrownBy(() -> VolumeFixtures.container(ro, "/data", false).write("/data/x", "x", REDIS))
        .isInstanceOf(FsException.class).hasMessageContaining("Read-only file system");
    MountSource rw = mounter("uid-f", "nfs1", false).setUp(node);
    VolumeFixtures.container(rw, "/data", false).write("/data/x", "x", REDIS);
    assertThat(VolumeFixtures.container(ro, "/data", false).readString("/data/x", REDIS)).isEqualTo("x");
  }

  @Test
  void localhostIsTheNodesOwnServerAndUnknownServersDoNotResolve() {
    NfsServer own = NfsServer.create("node-1", "10.0.1.5", List.of(NfsExport.of("/data/redis",
        ImmutableList.of("*"), ImmutableList.of("rw", "no_root_squash"))));
    StaticNodeContext node = VolumeFixtures.node("10.0.1.5", List.of(server), "nfs-common").setLocalNfsServer(own);
    VolumeFixtures.container(mounter("uid-g", "localhost", false).setUp(node), "/data", false)
        .write("/data/local", "1", ROOT);
    assertThat(own.disk().exists("/data/redis/local", ROOT)).isTrue();
    assertThatThrownBy(() -> mounter("uid-h", "nfs9", false).setUp(node))
        .hasMessageContaining("mount.nfs: Failed to resolve server nfs9: Name or service not known");
  }
}
