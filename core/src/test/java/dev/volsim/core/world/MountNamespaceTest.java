package dev.volsim.core.world;

import static dev.volsim.core.world.FsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MountNamespaceTest {
  private static final Credentials ROOT = Credentials.ROOT;
  private static final Credentials USER = Credentials.of(1000, 1000);

  private final FileTree image = FileTree.create();
  private final MountNamespace container = MountNamespace.create(image);

  @Test
  void lookupsCrossIntoTheLongestMountPrefix() {
    FileTree volume = Tmpfs.create(0, 0777);
    FileTree inner = Tmpfs.create(0, 0777);
    container.mount("/data", volume.asMountSource(), MountOptions.READ_WRITE);
    container.mount("/data/inner", inner.asMountSource(), MountOptions.READ_WRITE);

    container.write("/data/a", "volume", USER);
    container.write("/data/inner/b", "inner", USER);
    assertThat(volume.readString("/a", ROOT)).isEqualTo("volume");
    assertThat(inner.readString("/b", ROOT)).isEqualTo("inner");
    assertThat(container.list("/data", ROOT)).containsExactly("a", "inner"); // the mount point was made
    assertThat(container.readString("/data/inner/../a", ROOT)).isEqualTo("volume");
    assertThat(container.mounts()).extracting(Mount::path).containsExactly("/data", "/data/inner");
  }

  @Test
  void filesOutsideVolumesStayInTheContainersOwnRoot() {
    FileTree shared = Tmpfs.create(0, 0777);
    MountNamespace other = MountNamespace.create(FileTree.create());
    container.mount("/shared", shared.asMountSource(), MountOptions.READ_WRITE);
    other.mount("/shared", shared.asMountSource(), MountOptions.READ_WRITE);

    container.write("/tmp-file", "private", ROOT);
    container.write("/shared/f", "both", ROOT);
    assertThat(other.exists("/tmp-file", ROOT)).isFalse();
    assertThat(other.readString("/shared/f", ROOT)).isEqualTo("both");
  }

  @Test
  void readOnlyMountRefusesWritesWhileAWritableMountOfTheSameTreeAccepts() {
    FileTree volume = Tmpfs.create(16 << 20, 0777);
    container.mount("/etc/envoy", volume.asMountSource(), MountOptions.READ_ONLY);
    MountNamespace init = MountNamespace.create(FileTree.create());
    init.mount("/data", volume.asMountSource(), MountOptions.READ_WRITE);

    init.write("/data/envoy.yaml", "static_resources: {}", ROOT);
    assertThat(container.readString("/etc/envoy/envoy.yaml", USER)).isEqualTo("static_resources: {}");
    assertFails(() -> container.write("/etc/envoy/envoy.yaml", "x", ROOT), Errno.EROFS,
        "/etc/envoy/envoy.yaml: Read-only file system");
    assertFails(() -> container.write("/etc/envoy/new", "x", ROOT), Errno.EROFS,
        "/etc/envoy/new: Read-only file system");
    assertFails(() -> container.remove("/etc/envoy/envoy.yaml", ROOT), Errno.EROFS,
        "/etc/envoy/envoy.yaml: Read-only file system");
    assertThat(container.mountAt("/etc/envoy")).get().extracting(Mount::readOnly, Mount::fsType)
        .containsExactly(true, "tmpfs");
  }

  @Test
  void subPathMountShowsOnlyTheSubtree() {
    FileTree volume = FileTree.create();
    volume.mkdirs("/app/conf", ROOT);
    volume.write("/app/conf/c.yaml", "c", ROOT);
    volume.write("/outside", "o", ROOT);
    container.mount("/etc/app", volume.asMountSource().subdirectory("app/conf"), MountOptions.READ_WRITE);

    assertThat(container.list("/etc/app", ROOT)).containsExactly("c.yaml");
    assertThat(container.readString("/etc/app/../app/c.yaml", ROOT)).isEqualTo("c"); // the mount point
    assertFails(() -> container.read("/etc/app/../../outside", ROOT), Errno.ENOENT,
        "/etc/app/../../outside: No such file or directory");
  }

  @Test
  void subPathOfAFileMountsOverAFile() {
    FileTree volume = FileTree.create();
    volume.write("/key", "v1", ROOT);
    container.mount("/etc/key", volume.asMountSource().subdirectory("key"), MountOptions.READ_ONLY);

    assertThat(container.lstat("/etc/key", ROOT).type()).isEqualTo(FileType.REGULAR_FILE);
    assertThat(container.readString("/etc/key", ROOT)).isEqualTo("v1");
  }

  @Test
  void missingSubPathIsNoSuchFileOrDirectory() {
    assertFails(() -> container.mount("/x", FileTree.create().asMountSource().subdirectory("nope"),
        MountOptions.READ_WRITE), Errno.ENOENT, "/nope: No such file or directory");
  }

  @Test
  void absoluteSymlinksInAVolumeResolveFromTheContainersRoot() {
    FileTree volume = FileTree.create();
    volume.symlink("/link", "/etc/hostname", ROOT);
    image.mkdir("/etc", ROOT);
    image.write("/etc/hostname", "web-0", ROOT);
    container.mount("/vol", volume.asMountSource(), MountOptions.READ_WRITE);

    assertThat(container.readString("/vol/link", ROOT)).isEqualTo("web-0");
  }

  @Test
  void renameAcrossMountsIsInvalidCrossDeviceLink() {
    FileTree volume = FileTree.create();
    container.mount("/vol", volume.asMountSource(), MountOptions.READ_WRITE);
    container.write("/f", "x", ROOT);

    assertFails(() -> container.rename("/f", "/vol/f", ROOT), Errno.EXDEV, "/f: Invalid cross-device link");
  }

  @Test
  void mountPointsAreBusy() {
    container.mount("/vol", FileTree.create().asMountSource(), MountOptions.READ_WRITE);
    container.mount("/vol/sub", FileTree.create().asMountSource(), MountOptions.READ_WRITE);

    assertFails(() -> container.remove("/vol/sub", ROOT), Errno.EBUSY, "/vol/sub: Device or resource busy");
    assertFails(() -> container.rename("/vol", "/other", ROOT), Errno.EBUSY, "/vol: Device or resource busy");
    assertFails(() -> container.unmount("/vol"), Errno.EBUSY, "/vol: Device or resource busy");
    assertFails(() -> container.unmount("/nothing"), Errno.EINVAL, "/nothing: Invalid argument");
    container.unmount("/vol/sub");
    container.unmount("/vol");
    assertThat(container.mounts()).isEmpty();
  }

  @Test
  void removeAllDescendsIntoMountsAndStopsAtTheMountPoint() {
    FileTree volume = FileTree.create();
    volume.write("/data", "precious", ROOT);
    container.mount("/pods/p/vol", volume.asMountSource(), MountOptions.READ_WRITE);

    assertFails(() -> container.removeAll("/pods", ROOT), Errno.EBUSY, "/pods/p/vol: Device or resource busy");
    assertThat(volume.isEmpty()).isTrue();
  }

  @Test
  void permissionsUseTheTreesOwnersThroughMounts() {
    FileTree volume = FileTree.create();
    container.mount("/data", volume.asMountSource(), MountOptions.READ_WRITE);

    assertFails(() -> container.write("/data/x", "x", USER), Errno.EACCES, "/data/x: Permission denied");
    container.chown("/data", 1000, 1000, ROOT);
    container.write("/data/x", "x", USER);
    assertThat(volume.stat("/", ROOT).uid()).isEqualTo(1000);
  }

  @Test
  void privateBindSeesMountsMadeBeforeButNotAfter() {
    MountNamespace host = MountNamespace.create(FileTree.create());
    host.mkdirs("/mnt/disks", ROOT);
    host.mount("/mnt/disks/early", tmpfsWith("early"), MountOptions.READ_WRITE);
    container.bind("/disks", host, "/mnt/disks", MountOptions.READ_WRITE);
    host.mount("/mnt/disks/late", tmpfsWith("late"), MountOptions.READ_WRITE);

    assertThat(container.readString("/disks/early/f", ROOT)).isEqualTo("early");
    assertThat(container.exists("/disks/late/f", ROOT)).isFalse();
    assertThat(container.exists("/disks/late", ROOT)).isTrue(); // the empty mount point directory
  }

  @Test
  void hostToContainerSeesLaterHostMountsButDoesNotPropagateBack() {
    MountNamespace host = MountNamespace.create(FileTree.create());
    host.mkdirs("/mnt/disks", ROOT);
    container.bind("/disks", host, "/mnt/disks",
        MountOptions.READ_WRITE.withPropagation(MountPropagation.HOST_TO_CONTAINER));
    host.mount("/mnt/disks/late", tmpfsWith("late"), MountOptions.READ_WRITE);
    container.mount("/disks/mine", tmpfsWith("mine"), MountOptions.READ_WRITE);

    assertThat(container.readString("/disks/late/f", ROOT)).isEqualTo("late");
    assertThat(host.exists("/mnt/disks/mine/f", ROOT)).isFalse();
    host.unmount("/mnt/disks/late");
    assertThat(container.exists("/disks/late/f", ROOT)).isFalse();
  }

  @Test
  void bidirectionalPropagatesContainerMountsToTheHostAndOtherContainers() {
    MountNamespace host = MountNamespace.create(FileTree.create());
    host.mkdirs("/var/lib/kubelet/pods", ROOT);
    MountOptions bidirectional = MountOptions.READ_WRITE.withPropagation(MountPropagation.BIDIRECTIONAL);
    MountOptions hostToContainer = MountOptions.READ_WRITE.withPropagation(MountPropagation.HOST_TO_CONTAINER);
    MountNamespace driver = MountNamespace.create(FileTree.create());
    driver.bind("/var/lib/kubelet/pods", host, "/var/lib/kubelet/pods", bidirectional);
    container.bind("/pods", host, "/var/lib/kubelet/pods", hostToContainer);

    driver.mount("/var/lib/kubelet/pods/p1/vol", tmpfsWith("published"), MountOptions.READ_WRITE);
    assertThat(host.readString("/var/lib/kubelet/pods/p1/vol/f", ROOT)).isEqualTo("published");
    assertThat(container.readString("/pods/p1/vol/f", ROOT)).isEqualTo("published");
    driver.unmount("/var/lib/kubelet/pods/p1/vol");
    assertThat(host.exists("/var/lib/kubelet/pods/p1/vol/f", ROOT)).isFalse();
  }

  @Test
  void readOnlyBindIsNotRecursiveLikeAKubernetesReadOnlyMount() {
    MountNamespace host = MountNamespace.create(FileTree.create());
    host.mkdirs("/var/lib/containerd", ROOT);
    host.mount("/var/lib/containerd/sub", tmpfsWith("x"), MountOptions.READ_WRITE);
    container.bind("/var/lib/containerd", host, "/var/lib/containerd", MountOptions.READ_ONLY);

    assertFails(() -> container.write("/var/lib/containerd/new", "x", ROOT), Errno.EROFS,
        "/var/lib/containerd/new: Read-only file system");
    container.write("/var/lib/containerd/sub/g", "y", ROOT);
    assertThat(host.readString("/var/lib/containerd/sub/g", ROOT)).isEqualTo("y");
  }

  private static MountSource tmpfsWith(String content) {
    FileTree tmpfs = Tmpfs.create(0);
    tmpfs.write("/f", content, ROOT);
    return tmpfs.asMountSource();
  }
}
