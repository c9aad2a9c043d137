package dev.volsim.core.volume;

import static dev.volsim.core.volume.VolumeFixtures.ROOT;
import static dev.volsim.core.volume.VolumeFixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.core.world.FileType;
import dev.volsim.core.world.FsException;
import dev.volsim.core.world.MountNamespace;
import dev.volsim.core.world.MountSource;
import dev.volsim.model.Bytes;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.Quantity;
import dev.volsim.model.core.ConfigMap;
import dev.volsim.model.core.ObjectFieldSelector;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.ResourceFieldSelector;
import dev.volsim.model.core.Secret;
import dev.volsim.model.volume.ConfigMapProjection;
import dev.volsim.model.volume.ConfigMapVolumeSource;
import dev.volsim.model.volume.DownwardAPIProjection;
import dev.volsim.model.volume.DownwardAPIVolumeFile;
import dev.volsim.model.volume.DownwardAPIVolumeSource;
import dev.volsim.model.volume.KeyToPath;
import dev.volsim.model.volume.ProjectedVolumeSource;
import dev.volsim.model.volume.SecretProjection;
import dev.volsim.model.volume.SecretVolumeSource;
import dev.volsim.model.volume.VolumeProjection;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationVolumesTest {
  /** 2026-01-01T00:00:00Z in microseconds. */
  private static final long T0 = 1_767_225_600_000_000L;

  private static ConfigMap configMap(String name, Map<String, String> data) {
    return new ConfigMap(ObjectMeta.named("default", name), null, ImmutableSortedMap.copyOf(data), null);
  }

  private static Mounter mounter(Pod pod) {
    return VolumePlugins.find(pod.spec().volumes().get(0).source()).orElseThrow()
        .newMounter(pod, VolumeFixtures.volume(pod));
  }

  @Test
  void C34_configMapIsWrittenThroughDataSymlinksAndUpdatedAtomically() {
    StaticNodeContext node = VolumeFixtures.node().setNowMicros(T0)
        .put(configMap("envoy", Map.of("envoy.yaml", "v: 1", "extra", "x")));
    Pod pod = VolumeFixtures.pod("uid-c", new ConfigMapVolumeSource("envoy", null, null, null));
    Mounter mounter = mounter(pod);
    assertThat(mounter.path()).isEqualTo("/var/lib/kubelet/pods/uid-c/volumes/kubernetes.io~configmap/vol");
    assertThat(mounter.attributes().readOnly()).isTrue();

    MountSource source = mounter.setUp(node);
    var disk = node.disk().root();
    String dir = mounter.path();
    String ts = disk.readlink(dir + "/..data", ROOT);
    assertThat(ts).startsWith("..2026_01_01_00_00_00.");
    assertThat(disk.list(dir, ROOT)).containsExactly(ts, "..data", "envoy.yaml", "extra");
    assertThat(disk.readlink(dir + "/envoy.yaml", ROOT)).isEqualTo("..data/envoy.yaml");
    assertThat(disk.stat(dir + "/envoy.yaml", ROOT).mode()).isEqualTo(0644);
    MountNamespace app = VolumeFixtures.container(source, "/etc/envoy", mounter.attributes().readOnly());
    assertThat(app.readString("/etc/envoy/envoy.yaml", USER)).isEqualTo("v: 1");
    assertThatThrownBy(() -> app.write("/etc/envoy/new", "x", ROOT)).isInstanceOf(FsException.class)
        .hasMessageContaining("Read-only file system");

    // The same content again writes nothing.
    node.setNowMicros(T0 + 60_000_000L);
    mounter.setUp(node);
    assertThat(disk.readlink(dir + "/..data", ROOT)).isEqualTo(ts);

    node.put(configMap("envoy", Map.of("envoy.yaml", "v: 2")));
    mounter.setUp(node);
    String ts2 = disk.readlink(dir + "/..data", ROOT);
    assertThat(ts2).startsWith("..2026_01_01_00_01_00.");
    assertThat(disk.list(dir, ROOT)).containsExactly(ts2, "..data", "envoy.yaml");
    assertThat(app.readString("/etc/envoy/envoy.yaml", USER)).isEqualTo("v: 2");

    VolumePlugins.named("kubernetes.io/configmap").orElseThrow().newUnmounter("uid-c", "vol").tearDown(node);
    assertThat(disk.exists(dir, ROOT)).isFalse();
  }

  @Test
  void itemsSelectKeysToPathsWithModesAndDefaultModeAppliesToTheRest() {
    StaticNodeContext node = VolumeFixtures.node().setNowMicros(T0)
        .put(configMap("app", Map.of("a", "A", "b", "B", "c", "C")));
    Pod pod = VolumeFixtures.pod("uid-i", new ConfigMapVolumeSource("app",
        ImmutableList.of(new KeyToPath("a", "conf/a.yaml", 0400), new KeyToPath("b", "b.txt", null)), 0440, null));
    Mounter mounter = mounter(pod);
    mounter.setUp(node);
    var disk = node.disk().root();
    String dir = mounter.path();
    assertThat(disk.list(dir, ROOT)).contains("conf", "b.txt").doesNotContain("a", "c");
    assertThat(disk.readlink(dir + "/conf", ROOT)).isEqualTo("..data/conf");
    assertThat(disk.readString(dir + "/conf/a.yaml", ROOT)).isEqualTo("A");
    assertThat(disk.stat(dir + "/conf/a.yaml", ROOT).mode()).isEqualTo(0400);
    assertThat(disk.stat(dir + "/b.txt", ROOT).mode()).isEqualTo(0440);
  }

  @Test
  void missingObjectsAndKeysFailUnlessOptional() {
    StaticNodeContext node = VolumeFixtures.node().setNowMicros(T0).put(configMap("app", Map.of("a", "A")));
    Pod missing = VolumeFixtures.pod("uid-m", new ConfigMapVolumeSource("x", null, null, null));
    assertThatThrownBy(() -> mounter(missing).setUp(node)).isInstanceOf(VolumeSetUpException.class)
        .hasMessage("configmap \"x\" not found");
    assertThat(node.disk().root().exists(mounter(missing).path(), ROOT)).isFalse();

    Pod optional = VolumeFixtures.pod("uid-o", new ConfigMapVolumeSource("x", null, null, true));
    Mounter m = mounter(optional);
    m.setUp(node);
    assertThat(node.disk().root().list(m.path(), ROOT)).hasSize(2).contains("..data");

    Pod missingKey = VolumeFixtures.pod("uid-k", new ConfigMapVolumeSource("app",
        ImmutableList.of(new KeyToPath("zz", "zz", null)), null, null));
    assertThatThrownBy(() -> mounter(missingKey).setUp(node))
        .hasMessage("configmap references non-existent config key: zz");

    Pod secret = VolumeFixtures.pod("uid-s", new SecretVolumeSource("db", null, null, null));
    assertThatThrownBy(() -> mounter(secret).setUp(node)).hasMessage("secret \"db\" not found");
  }

  @Test
  void secretsLiveOnATmpfsNotOnTheNodesDisk() {
    StaticNodeContext node = VolumeFixtures.node().setNowMicros(T0)
        .put(Secret.of(ObjectMeta.named("default", "db"), Map.of("password", Bytes.utf8("s3cret"))));
    Pod pod = VolumeFixtures.pod("uid-s", new SecretVolumeSource("db", null, 0400, null));
    Mounter mounter = mounter(pod);
    MountSource source = mounter.setUp(node);
    assertThat(source.fsType()).isEqualTo("tmpfs");
    assertThat(mounter.attributes().readOnly()).isTrue();
    assertThat(node.disk().root().list(mounter.path(), ROOT)).isEmpty();
    MountNamespace app = VolumeFixtures.container(source, "/etc/db", true);
    assertThat(app.readString("/etc/db/password", ROOT)).isEqualTo("s3cret");
    assertThat(app.lstat("/etc/db/password", ROOT).type()).isEqualTo(FileType.SYMLINK);
    assertThat(app.stat("/etc/db/password", ROOT).mode()).isEqualTo(0400);
  }

  @Test
  void downwardApiWritesThePodsFieldsAndResourcesDividedAndRoundedUp() {
    StaticNodeContext node = VolumeFixtures.node().setNowMicros(T0);
    Pod pod = VolumeFixtures.pod("uid-d", new DownwardAPIVolumeSource(ImmutableList.of(
        new DownwardAPIVolumeFile("name", new ObjectFieldSelector(null, "metadata.name"), null, null),
        new DownwardAPIVolumeFile("ns", new ObjectFieldSelector(null, "metadata.namespace"), null, null),
        new DownwardAPIVolumeFile("uid", new ObjectFieldSelector(null, "metadata.uid"), null, null),
        new DownwardAPIVolumeFile("labels", new ObjectFieldSelector(null, "metadata.labels"), null, null),
        new DownwardAPIVolumeFile("mem", null, new ResourceFieldSelector("app", "limits.memory",
            Quantity.parse("1Mi")), null),
        new DownwardAPIVolumeFile("cpu", null, new ResourceFieldSelector("app", "limits.cpu",
            Quantity.parse("1m")), 0400)), null),
        VolumeFixtures.container("app", "100Mi"));
    Mounter mounter = mounter(pod);
    assertThat(mounter.path()).contains("kubernetes.io~downward-api");
    var app = VolumeFixtures.container(mounter.setUp(node), "/etc/podinfo", true);
    assertThat(app.readString("/etc/podinfo/name", ROOT)).isEqualTo("pod-uid-d");
    assertThat(app.readString("/etc/podinfo/ns", ROOT)).isEqualTo("default");
    assertThat(app.readString("/etc/podinfo/uid", ROOT)).isEqualTo("uid-d");
    assertThat(app.readString("/etc/podinfo/labels", ROOT)).isEqualTo("app=\"web\"\ntier=\"front\"");
    assertThat(app.readString("/etc/podinfo/mem", ROOT)).isEqualTo("100");
    // No cpu limit: the node's allocatable cpu (2) in millicores.
    assertThat(app.readString("/etc/podinfo/cpu", ROOT)).isEqualTo("2000");
    assertThat(app.stat("/etc/podinfo/cpu", ROOT).mode()).isEqualTo(0400);
  }

  @Test
  void projectedMergesSourcesOnATmpfsAndAggregatesErrors() {
    StaticNodeContext node = VolumeFixtures.node().setNowMicros(T0).put(configMap("app", Map.of("a", "A")))
        .put(Secret.of(ObjectMeta.named("default", "db"), Map.of("password", Bytes.utf8("pw"))));
    Pod pod = VolumeFixtures.pod("uid-p", new ProjectedVolumeSource(ImmutableList.of(
        new VolumeProjection(null, null, new ConfigMapProjection("app", null, null), null, null),
        new VolumeProjection(new SecretProjection("db", null, null), null, null, null, null),
        new VolumeProjection(null, new DownwardAPIProjection(ImmutableList.of(
            new DownwardAPIVolumeFile("name", new ObjectFieldSelector(null, "metadata.name"), null, null))),
            null, null, null)), 0444));
    Mounter mounter = mounter(pod);
    MountSource source = mounter.setUp(node);
    assertThat(source.fsType()).isEqualTo("tmpfs");
    var app = VolumeFixtures.container(source, "/p", true);
    assertThat(app.readString("/p/a", ROOT)).isEqualTo("A");
    assertThat(app.readString("/p/password", ROOT)).isEqualTo("pw");
    assertThat(app.readString("/p/name", ROOT)).isEqualTo("pod-uid-p");
    assertThat(app.stat("/p/a", ROOT).mode()).isEqualTo(0444);

    Pod broken = VolumeFixtures.pod("uid-q", new ProjectedVolumeSource(ImmutableList.of(
        new VolumeProjection(null, null, new ConfigMapProjection("nope", null, null), null, null),
        new VolumeProjection(new SecretProjection("gone", null, null), null, null, null, null)), null));
    assertThatThrownBy(() -> mounter(broken).setUp(node))
        .hasMessage("[configmap \"nope\" not found, secret \"gone\" not found]");
  }

  @Test
  void atomicWriterRefusesPathsWithBacksteps() {
    AtomicWriter writer = new AtomicWriter(VolumeFixtures.node().disk().root(), "/tmp", ROOT);
    assertThatThrownBy(() -> writer.write(Map.of("../etc/passwd", new FileProjection(Bytes.utf8("x"), 0644)), T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> writer.write(Map.of("a/../../b", new FileProjection(Bytes.utf8("x"), 0644)), T0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
