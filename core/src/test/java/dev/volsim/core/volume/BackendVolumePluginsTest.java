package dev.volsim.core.volume;

import static dev.volsim.core.volume.VolumeFixtures.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.cluster.KubernetesVersion;
import dev.volsim.core.volume.BackendVolumePlugin.BackendVolume;
import dev.volsim.core.world.ClusterWorld;
import dev.volsim.core.world.MountSource;
import dev.volsim.model.volume.CephFSVolumeSource;
import dev.volsim.model.volume.FCVolumeSource;
import dev.volsim.model.volume.GlusterfsVolumeSource;
import dev.volsim.model.volume.ISCSIVolumeSource;
import dev.volsim.model.volume.LocalVolumeSource;
import dev.volsim.model.volume.RBDVolumeSource;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class BackendVolumePluginsTest {
  private static final ImmutableList<String> MONITORS = ImmutableList.of("10.0.0.70:6789");
  private final ClusterWorld lax = new ClusterWorld(false);

  private static RBDVolumeSource rbd(String image, String fsType, boolean readOnly) {
    return new RBDVolumeSource(MONITORS, image, fsType, null, null, null, null, readOnly);
  }

  private static ISCSIVolumeSource iscsi(String fsType, boolean readOnly) {
    return new ISCSIVolumeSource("10.0.0.60:3260", "iqn.2001-04.com.example:storage", 0, null, fsType, readOnly,
        null, false, false, null, null);
  }

  private static BackendVolumePlugin plugin(ClusterWorld world, String version, String name) {
    return BackendVolumePlugins.of(world, KubernetesVersion.parse(version)).all().stream()
        .filter(p -> p.pluginName().equals(name)).findFirst().orElseThrow();
  }

  record Release(String version, List<String> plugins) {}

  static Stream<Release> releases() {
    return Stream.of(
        new Release("1.25", List.of("kubernetes.io/glusterfs", "kubernetes.io/rbd", "kubernetes.io/cephfs",
            "kubernetes.io/iscsi", "kubernetes.io/fc", "kubernetes.io/local-volume")),
        new Release("1.26", List.of("kubernetes.io/rbd", "kubernetes.io/cephfs", "kubernetes.io/iscsi",
            "kubernetes.io/fc", "kubernetes.io/local-volume")),
        new Release("1.30", List.of("kubernetes.io/rbd", "kubernetes.io/cephfs", "kubernetes.io/iscsi",
            "kubernetes.io/fc", "kubernetes.io/local-volume")),
        new Release("1.31", List.of("kubernetes.io/iscsi", "kubernetes.io/fc", "kubernetes.io/local-volume")),
        new Release("1.34", List.of("kubernetes.io/iscsi", "kubernetes.io/fc", "kubernetes.io/local-volume")));
  }

  @ParameterizedTest
  @MethodSource("releases")
  void eachReleaseHasTheInTreePluginsUpstreamShippedInIt(Release r) {
    BackendVolumePlugins plugins = BackendVolumePlugins.of(lax, KubernetesVersion.parse(r.version()));
    assertThat(plugins.all()).extracting(BackendVolumePlugin::pluginName).containsExactlyElementsOf(r.plugins());
    assertThat(plugins.find(rbd("foo", null, false)).isPresent()).isEqualTo(r.plugins().contains("kubernetes.io/rbd"));
  }

  @Test
  void attachableAndDeviceMountableAsUpstreamDeclaresThem() {
    BackendVolumePlugins p = BackendVolumePlugins.of(lax, KubernetesVersion.parse("1.25"));
    assertThat(p.all()).filteredOn(BackendVolumePlugin::isAttachable).extracting(BackendVolumePlugin::pluginName)
        .containsExactly("kubernetes.io/rbd", "kubernetes.io/iscsi", "kubernetes.io/fc");
    assertThat(p.all()).filteredOn(BackendVolumePlugin::isDeviceMountable).extracting(BackendVolumePlugin::pluginName)
        .containsExactly("kubernetes.io/rbd", "kubernetes.io/iscsi", "kubernetes.io/fc", "kubernetes.io/local-volume");
  }

  @Test
  void volumeNamesAreUpstreamsGetVolumeName() {
    assertThat(plugin(lax, "1.30", "kubernetes.io/rbd").volumeName(rbd("foo", null, false), "v")).isEqualTo("rbd:foo");
    assertThat(plugin(lax, "1.30", "kubernetes.io/iscsi").volumeName(iscsi(null, false), "v"))
        .isEqualTo("10.0.0.60:3260:iqn.2001-04.com.example:storage:0");
    BackendVolumePlugin fc = plugin(lax, "1.34", "kubernetes.io/fc");
    assertThat(fc.volumeName(new FCVolumeSource(ImmutableList.of("500a0981891b8dc5", "500a0981991b8dc5"), 2, null,
        false, null), "v")).isEqualTo("[500a0981891b8dc5 500a0981991b8dc5]:2");
    assertThat(fc.volumeName(new FCVolumeSource(null, null, null, false, ImmutableList.of("3600508b400105e21")), "v"))
        .isEqualTo("[3600508b400105e21]");
    assertThat(plugin(lax, "1.34", "kubernetes.io/local-volume").volumeName(new LocalVolumeSource("/mnt/a", null),
        "local-pv")).isEqualTo("local-pv");
  }

  @Test
  void C30_anRbdImageIsFormattedOnceSoItsDataSurvivesARemountOnAnotherNode() {
    BackendVolumePlugin plugin = plugin(lax, "1.30", "kubernetes.io/rbd");
    StaticNodeContext node1 = VolumeFixtures.node("ceph-common");
    BackendVolume first = plugin.newVolume("uid-a", "a", "data", rbd("foo", null, false));
    first.mountDevice(node1);
    MountSource source = first.setUp(node1);
    assertThat(source.fsType()).isEqualTo("ext4");
    assertThat(source.device()).isEqualTo("/dev/rbd0");
    assertThat(node1.volumeMounts().sourceAt("/var/lib/kubelet/plugins/kubernetes.io/rbd/mounts/rbd-image-foo"))
        .isPresent();
    VolumeFixtures.container(source, "/data", false).write("/data/key", "v1", ROOT);
    first.tearDown(node1);
    first.unmountDevice(node1);
    assertThat(node1.volumeMounts().sources()).isEmpty();

    // Another node asks for xfs: the image keeps the ext4 it was formatted with, and its data.
    StaticNodeContext node2 = VolumeFixtures.node("ceph-common");
    BackendVolume second = plugin.newVolume("uid-b", "b", "data", rbd("foo", "xfs", false));
    second.mountDevice(node2);
    MountSource again = second.setUp(node2);
    assertThat(again.fsType()).isEqualTo("ext4");
    assertThat(VolumeFixtures.container(again, "/data", false).list("/data", ROOT)).containsExactly("key", "lost+found");
    assertThat(lax.backendFileSystem("rbd:rbd/foo").orElseThrow().readString("/key", ROOT)).isEqualTo("v1");
  }

  @Test
  void C30_withoutCephCommonWaitForAttachFailsAsUpstreamSays() {
    BackendVolume v = plugin(lax, "1.30", "kubernetes.io/rbd").newVolume("uid-a", "a", "data", rbd("foo", null, false));
    assertThatThrownBy(() -> v.mountDevice(VolumeFixtures.node("nfs-common")))
        .isInstanceOfSatisfying(VolumeSetUpException.class, e -> assertThat(e.eventMessage("MountVolume.MountDevice",
            "data")).isEqualTo("MountVolume.WaitForAttach failed for volume \"data\" : fail to check rbd image status"
                + " with: (executable file not found in $PATH), rbd output: ()"));
  }

  @Test
  void inAStrictWorldOnlyDeclaredMonitorsUsersAndImagesExist() {
    ClusterWorld strict = new ClusterWorld(true);
    strict.addCeph(List.of("10.0.0.70:6789"), List.of("admin"));
    BackendVolumePlugin plugin = plugin(strict, "1.30", "kubernetes.io/rbd");
    StaticNodeContext node = VolumeFixtures.node("ceph-common");
    assertThatThrownBy(() -> plugin.newVolume("u", "a", "data", rbd("missing", null, false)).mountDevice(node))
        .hasMessage("fail to check rbd image status with: (exit status 2), rbd output: (rbd: error opening image"
            + " missing: (2) No such file or directory\n)");
    RBDVolumeSource elsewhere = new RBDVolumeSource(ImmutableList.of("10.9.9.9:6789"), "foo", null, null, null, null,
        null, false);
    assertThatThrownBy(() -> plugin.newVolume("u", "a", "data", elsewhere).mountDevice(node))
        .hasMessage("fail to check rbd image status with: (exit status 1), rbd output: (rbd: couldn't connect to the"
            + " cluster!\n)");
  }

  @Test
  void C30_cephFsIsOneLiveTreeForPodsOnEveryNode() {
    BackendVolumePlugin plugin = plugin(lax, "1.30", "kubernetes.io/cephfs");
    CephFSVolumeSource source = new CephFSVolumeSource(MONITORS, "/shared", null, null, null, false);
    StaticNodeContext node1 = VolumeFixtures.node("ceph-common");
    StaticNodeContext node2 = VolumeFixtures.node("ceph-fuse");
    MountSource a = plugin.newVolume("uid-a", "a", "data", source).setUp(node1);
    MountSource b = plugin.newVolume("uid-b", "b", "data", source).setUp(node2);
    assertThat(a.fsType()).isEqualTo("ceph");
    assertThat(a.device()).isEqualTo("10.0.0.70:6789:/shared");
    assertThat(b.fsType()).isEqualTo("fuse.ceph-fuse");
    VolumeFixtures.container(a, "/data", false).write("/data/x", "from a", ROOT);
    assertThat(VolumeFixtures.container(b, "/data", false).readString("/data/x", ROOT)).isEqualTo("from a");
    plugin.newVolume("uid-a", "a", "data", source).tearDown(node1);
    assertThat(lax.backendFileSystem("cephfs:cephfs:/shared").orElseThrow().readString("/shared/x", ROOT))
        .isEqualTo("from a");
  }

  @Test
  void cephFsWithoutAClientFailsTheMount() {
    BackendVolume v = plugin(lax, "1.30", "kubernetes.io/cephfs").newVolume("uid-a", "a", "data",
        new CephFSVolumeSource(MONITORS, null, null, null, null, true));
    assertThatThrownBy(() -> v.setUp(VolumeFixtures.node()))
        .hasMessage("mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t ceph -o ro,name=admin,"
            + "secretfile=/etc/ceph/user.secret 10.0.0.70:6789:/ /var/lib/kubelet/pods/uid-a/volumes/kubernetes.io~cephfs/data"
            + "\nOutput: mount: /var/lib/kubelet/pods/uid-a/volumes/kubernetes.io~cephfs/data: wrong fs type, bad option,"
            + " bad superblock on 10.0.0.70:6789:/, missing codepage or helper program, or other error.\n");
  }

  @Test
  void glusterFsNeedsItsEndpointsAndTheFuseClient() {
    ClusterWorld strict = new ClusterWorld(true);
    strict.addGlusterEndpoints("glusterfs-cluster");
    strict.addSharedFileSystem("glusterfs:kube_vol", dev.volsim.core.world.FileTree.create("fuse.glusterfs",
        dev.volsim.core.world.FileTree.UNLIMITED, 0755, 0, 0));
    BackendVolumePlugin plugin = plugin(strict, "1.25", "kubernetes.io/glusterfs");
    assertThatThrownBy(() -> plugin.newVolume("u", "a", "data", new GlusterfsVolumeSource("other", "kube_vol", false))
        .setUp(VolumeFixtures.node("glusterfs-client")))
        .isInstanceOfSatisfying(VolumeSetUpException.class, e -> assertThat(e.eventMessage("data")).isEqualTo(
            "MountVolume.NewMounter initialization failed for volume \"data\" : endpoints \"other\" not found"));
    GlusterfsVolumeSource source = new GlusterfsVolumeSource("glusterfs-cluster", "kube_vol", false);
    assertThatThrownBy(() -> plugin.newVolume("u", "web-0", "data", source).setUp(VolumeFixtures.node()))
        .hasMessageStartingWith("mount failed: mount failed: exit status 32\n")
        .hasMessageContaining("Output: mount: /var/lib/kubelet/pods/u/volumes/kubernetes.io~glusterfs/data: unknown"
            + " filesystem type 'glusterfs'.\n the following error information was pulled from the glusterfs log to help"
            + " diagnose this issue: could not open log file for pod web-0");
    MountSource ok = plugin.newVolume("u", "web-0", "data", source).setUp(VolumeFixtures.node("glusterfs-client"));
    assertThat(ok.fsType()).isEqualTo("fuse.glusterfs");
    assertThat(ok.device()).isEqualTo("glusterfs-cluster:kube_vol");
  }

  @Test
  void iscsiNeedsIscsiadmAndAReadOnlyBlankLunCannotBeMounted() {
    BackendVolumePlugin plugin = plugin(lax, "1.34", "kubernetes.io/iscsi");
    assertThatThrownBy(() -> plugin.newVolume("u", "a", "data", iscsi(null, false)).mountDevice(VolumeFixtures.node()))
        .isInstanceOfSatisfying(VolumeSetUpException.class, e -> assertThat(e.eventMessage("MountVolume.MountDevice",
            "data")).isEqualTo("MountVolume.WaitForAttach failed for volume \"data\" : executable file not found in $PATH"));
    assertThatThrownBy(() -> plugin.newVolume("u", "a", "data", iscsi(null, true)).mountDevice(
        VolumeFixtures.node("open-iscsi")))
        .hasMessageContaining("wrong fs type, bad option, bad superblock on /dev/disk/by-path/ip-10.0.0.60:3260-iscsi-"
            + "iqn.2001-04.com.example:storage-lun-0");
    StaticNodeContext node = VolumeFixtures.node("open-iscsi");
    BackendVolume v = plugin.newVolume("u", "a", "data", iscsi("xfs", false));
    v.mountDevice(node);
    assertThat(v.setUp(node).fsType()).isEqualTo("xfs");
    assertThat(node.volumeMounts().sources()).containsKeys(
        "/var/lib/kubelet/plugins/kubernetes.io/iscsi/iface-default/10.0.0.60:3260-iqn.2001-04.com.example:storage-lun-0",
        "/var/lib/kubelet/pods/u/volumes/kubernetes.io~iscsi/data");
  }

  @Test
  void aLocalVolumesPathMustExistOnTheNode() {
    BackendVolume v = plugin(lax, "1.34", "kubernetes.io/local-volume").newVolume("u", "a", "local-pv",
        new LocalVolumeSource("/mnt/disks/ssd1", null));
    StaticNodeContext node = VolumeFixtures.node();
    assertThatThrownBy(() -> v.mountDevice(node))
        .isInstanceOfSatisfying(VolumeSetUpException.class, e -> assertThat(e.eventMessage("MountVolume.MountDevice",
            "local-pv")).isEqualTo("MountVolume.NewMounter initialization failed for volume \"local-pv\" : path"
                + " \"/mnt/disks/ssd1\" does not exist"));
    node.disk().root().mkdirs("/mnt/disks/ssd1", ROOT);
    v.mountDevice(node);
    MountSource s = v.setUp(node);
    VolumeFixtures.container(s, "/data", false).write("/data/f", "kept", ROOT);
    v.tearDown(node);
    assertThat(node.disk().root().readString("/mnt/disks/ssd1/f", ROOT)).isEqualTo("kept");
  }
}
