package dev.volsim.core.volume;

import static dev.volsim.core.volume.VolumeFixtures.ROOT;
import static dev.volsim.core.volume.VolumeFixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.volsim.core.world.FileType;
import dev.volsim.core.world.FsException;
import dev.volsim.core.world.MountNamespace;
import dev.volsim.core.world.Stat;
import dev.volsim.model.core.Pod;
import dev.volsim.model.volume.HostPathType;
import dev.volsim.model.volume.HostPathVolumeSource;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HostPathPluginTest {
  private final VolumePlugin plugin = VolumePlugins.named("kubernetes.io/host-path").orElseThrow();

  private Mounter mounter(String path, HostPathType type) {
    Pod pod = VolumeFixtures.pod("uid-h", new HostPathVolumeSource(path, type));
    return plugin.newMounter(pod, VolumeFixtures.volume(pod));
  }

  @Test
  void C21_C22_directoryOrCreateMakesARootOwned0755DirectoryOnlyRootCanWrite() {
    StaticNodeContext node = VolumeFixtures.node();
    Mounter mounter = mounter("/data/hp", HostPathType.DIRECTORY_OR_CREATE);

    var source = mounter.setUp(node);
    Stat stat = node.disk().root().stat("/data/hp", ROOT);
    assertThat(stat.type()).isEqualTo(FileType.DIRECTORY);
    assertThat(stat.mode()).isEqualTo(0755);
    assertThat(stat.uid()).isZero();
    MountNamespace app = VolumeFixtures.container(source, "/data", false);
    assertThatThrownBy(() -> app.write("/data/x", "a", USER)).isInstanceOf(FsException.class)
        .hasMessageContaining("Permission denied");
    app.write("/data/x", "a", ROOT);
    assertThat(node.disk().root().readString("/data/hp/x", ROOT)).isEqualTo("a");
  }

  @Test
  void C21_fileOrCreateMakesAnEmptyRootOwned0644FileWhoseParentMustExist() {
    StaticNodeContext node = VolumeFixtures.node();
    mounter("/run/app.lock", HostPathType.FILE_OR_CREATE).setUp(node);
    Stat stat = node.disk().root().stat("/run/app.lock", ROOT);
    assertThat(stat.type()).isEqualTo(FileType.REGULAR_FILE);
    assertThat(stat.mode()).isEqualTo(0644);
    assertThat(stat.uid()).isZero();
    assertThat(stat.size()).isZero();

    assertThatThrownBy(() -> mounter("/nope/app.lock", HostPathType.FILE_OR_CREATE).setUp(node))
        .isInstanceOf(VolumeSetUpException.class)
        .hasMessage("open /nope/app.lock: no such file or directory");
  }

  record TypeCase(String name, HostPathType type, String path, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<TypeCase> typeChecks() {
    return Stream.of(
        new TypeCase("Directory on a file", HostPathType.DIRECTORY, "/etc/hosts",
            "hostPath type check failed: /etc/hosts is not a directory"),
        new TypeCase("Directory missing", HostPathType.DIRECTORY, "/missing",
            "hostPath type check failed: /missing is not a directory"),
        new TypeCase("File on a directory", HostPathType.FILE, "/var/log",
            "hostPath type check failed: /var/log is not a file"),
        new TypeCase("Socket on a file", HostPathType.SOCKET, "/etc/hosts",
            "hostPath type check failed: /etc/hosts is not a socket file"),
        new TypeCase("CharDevice on a file", HostPathType.CHAR_DEVICE, "/etc/hosts",
            "hostPath type check failed: /etc/hosts is not a character device"),
        new TypeCase("BlockDevice on a file", HostPathType.BLOCK_DEVICE, "/etc/hosts",
            "hostPath type check failed: /etc/hosts is not a block device"),
        new TypeCase("DirectoryOrCreate on a file", HostPathType.DIRECTORY_OR_CREATE, "/etc/hosts",
            "hostPath type check failed: /etc/hosts is not a directory"),
        new TypeCase("FileOrCreate on a directory", HostPathType.FILE_OR_CREATE, "/var/log",
            "hostPath type check failed: /var/log is not a file"),
        new TypeCase("backsteps", HostPathType.UNSET, "/var/../etc",
            "invalid HostPath `/var/../etc`: must not contain '..'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("typeChecks")
  void typeCheckFailuresUseUpstreamsWords(TypeCase c) {
    StaticNodeContext node = VolumeFixtures.node();
    node.disk().root().write("/etc/hosts", "127.0.0.1 localhost\n", ROOT);
    assertThatThrownBy(() -> mounter(c.path(), c.type()).setUp(node))
        .isInstanceOf(VolumeSetUpException.class)
        .hasMessage(c.message());
  }

  @Test
  void matchingTypesAndUnsetTypePass() {
    StaticNodeContext node = VolumeFixtures.node();
    var disk = node.disk().root();
    disk.mknod("/run/docker.sock", FileType.SOCKET, 0660, ROOT);
    disk.mknod("/dev0", FileType.CHAR_DEVICE, 0660, ROOT);
    disk.mknod("/sda", FileType.BLOCK_DEVICE, 0660, ROOT);
    mounter("/run/docker.sock", HostPathType.SOCKET).setUp(node);
    mounter("/dev0", HostPathType.CHAR_DEVICE).setUp(node);
    mounter("/sda", HostPathType.BLOCK_DEVICE).setUp(node);
    mounter("/var/log", HostPathType.DIRECTORY).setUp(node);
    mounter("/does/not/exist", HostPathType.UNSET).setUp(node);
    assertThat(disk.exists("/does/not/exist", ROOT)).isFalse();
  }

  @Test
  void C20_tearDownLeavesTheDataOnTheNode() {
    StaticNodeContext node = VolumeFixtures.node();
    var source = mounter("/var/log", HostPathType.DIRECTORY).setUp(node);
    VolumeFixtures.container(source, "/logs", false).write("/logs/app.log", "line\n", ROOT);
    plugin.newUnmounter("uid-h", "vol").tearDown(node);
    assertThat(node.disk().root().readString("/var/log/app.log", ROOT)).isEqualTo("line\n");
  }

  @Test
  void failureEventTextNamesTheVolume() {
    StaticNodeContext node = VolumeFixtures.node();
    assertThatThrownBy(() -> mounter("/var/log", HostPathType.FILE).setUp(node))
        .isInstanceOfSatisfying(VolumeSetUpException.class, e -> assertThat(e.eventMessage("varlog"))
            .isEqualTo("MountVolume.SetUp failed for volume \"varlog\" : hostPath type check failed: /var/log is not"
                + " a file"));
  }
}
