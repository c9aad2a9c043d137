package dev.volsim.core.volume;

import static dev.volsim.core.volume.VolumeFixtures.MI;
import static dev.volsim.core.volume.VolumeFixtures.ROOT;
import static dev.volsim.core.volume.VolumeFixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.volsim.core.world.Errno;
import dev.volsim.core.world.FsException;
import dev.volsim.core.world.MountNamespace;
import dev.volsim.core.world.MountSource;
import dev.volsim.model.Quantity;
import dev.volsim.model.core.Pod;
import dev.volsim.model.volume.EmptyDirVolumeSource;
import dev.volsim.model.volume.StorageMedium;
import org.junit.jupiter.api.Test;

class EmptyDirPluginTest {
  private final VolumePlugin plugin = VolumePlugins.named("kubernetes.io/empty-dir").orElseThrow();

  @Test
  void C14_emptyDirIsCreatedEmptyWithMode0777AndDeletedAtTearDown() {
    StaticNodeContext node = VolumeFixtures.node();
    Pod pod = VolumeFixtures.pod("uid-1", new EmptyDirVolumeSource(null, null));
    Mounter mounter = plugin.newMounter(pod, VolumeFixtures.volume(pod));
    assertThat(mounter.path()).isEqualTo("/var/lib/kubelet/pods/uid-1/volumes/kubernetes.io~empty-dir/vol");

    MountSource source = mounter.setUp(node);
    var disk = node.disk().root();
    assertThat(disk.list(mounter.path(), ROOT)).isEmpty();
    assertThat(disk.stat(mounter.path(), ROOT).mode()).isEqualTo(0777);
    MountNamespace app = VolumeFixtures.container(source, "/data", false);
    app.write("/data/envoy.yaml", "static_resources: {}", USER);
    assertThat(disk.readString(mounter.path() + "/envoy.yaml", ROOT)).isEqualTo("static_resources: {}");

    // A container restart sets nothing up again: the same directory, the same data.
    MountSource again = mounter.setUp(node);
    assertThat(VolumeFixtures.container(again, "/data", false).readString("/data/envoy.yaml", USER))
        .isEqualTo("static_resources: {}");

    plugin.newUnmounter("uid-1", "vol").tearDown(node);
    assertThat(disk.exists(mounter.path(), ROOT)).isFalse();
  }

  @Test
  void C15_memoryEmptyDirIsATmpfsRefusingWritesPastItsSizeLimit() {
    StaticNodeContext node = VolumeFixtures.node();
    Pod pod = VolumeFixtures.pod("uid-2", new EmptyDirVolumeSource(StorageMedium.MEMORY, Quantity.parse("16Mi")));
    Mounter mounter = plugin.newMounter(pod, VolumeFixtures.volume(pod));

    MountSource source = mounter.setUp(node);
    assertThat(source.fsType()).isEqualTo("tmpfs");
    assertThat(source.tree().capacityBytes()).isEqualTo(16 * MI);
    assertThat(mounter.sizeLimitBytes()).hasValue(16 * MI);
    MountNamespace app = VolumeFixtures.container(source, "/cache", false);
    app.writeFiller("/cache/a", 10 * MI, USER);
    assertThatThrownBy(() -> app.writeFiller("/cache/b", 7 * MI, USER))
        .isInstanceOf(FsException.class)
        .hasMessageContaining("No space left on device")
        .satisfies(e -> assertThat(((FsException) e).errno()).isEqualTo(Errno.ENOSPC));
    // The node's disk holds nothing of it: the data is in memory.
    assertThat(node.disk().root().list(mounter.path(), ROOT)).isEmpty();
    assertThat(node.volumeMounts().hostNamespace().exists(mounter.path() + "/a", ROOT)).isTrue();

    plugin.newUnmounter("uid-2", "vol").tearDown(node);
    assertThat(node.volumeMounts().sourceAt(mounter.path())).isEmpty();
    assertThat(node.disk().root().exists(mounter.path(), ROOT)).isFalse();
  }

  @Test
  void memoryEmptyDirSizeIsTheSmallestOfSizeLimitPodLimitAndAllocatable() {
    StaticNodeContext node = VolumeFixtures.node().setAllocatable("memory", Quantity.parse("1Gi"));
    Pod limited = VolumeFixtures.pod("uid-3", new EmptyDirVolumeSource(StorageMedium.MEMORY, Quantity.parse("512Mi")),
        VolumeFixtures.container("a", "64Mi"), VolumeFixtures.container("b", "32Mi"));
    assertThat(plugin.newMounter(limited, VolumeFixtures.volume(limited)).setUp(node).tree().capacityBytes())
        .isEqualTo(96 * MI);
    Pod partlyLimited = VolumeFixtures.pod("uid-4", new EmptyDirVolumeSource(StorageMedium.MEMORY, null),
        VolumeFixtures.container("a", "64Mi"), VolumeFixtures.container("b", null));
    assertThat(plugin.newMounter(partlyLimited, VolumeFixtures.volume(partlyLimited)).setUp(node).tree()
        .capacityBytes()).isEqualTo(1024 * MI);
  }

  @Test
  void diskEmptyDirRecordsItsSizeLimitButDoesNotEnforceIt() {
    StaticNodeContext node = VolumeFixtures.node();
    Pod pod = VolumeFixtures.pod("uid-5", new EmptyDirVolumeSource(null, Quantity.parse("16Mi")));
    Mounter mounter = plugin.newMounter(pod, VolumeFixtures.volume(pod));
    MountNamespace app = VolumeFixtures.container(mounter.setUp(node), "/data", false);
    app.writeFiller("/data/big", 32 * MI, USER);
    assertThat(mounter.sizeLimitBytes()).hasValue(16 * MI);
    assertThat(node.disk().root().usedBytes()).isEqualTo(32 * MI);
  }

  @Test
  void pluginIsNotAttachableAndNeedsNoMountDevice() {
    assertThat(plugin.isAttachable()).isFalse();
    assertThat(plugin.requiresMountDevice()).isFalse();
    assertThat(plugin.canSupport(new EmptyDirVolumeSource(null, null))).isTrue();
  }
}
