package dev.volsim.core.world;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import org.junit.jupiter.api.Test;

class NodeDiskTest {
  @Test
  void nodeDiskHasHostDirectoriesKubeletRootAndDeclaredFiles() {
    NodeDisk disk = NodeDisk.create("node-1", FileTree.UNLIMITED, ImmutableList.of(
        FileSpec.file("/var/log/syslog", "boot ok"),
        FileSpec.directory("/var/lib/containerd"),
        FileSpec.special("/run/containerd/containerd.sock", FileType.SOCKET)));
    FileTree root = disk.root();

    assertThat(root.list("/", Credentials.ROOT)).containsExactly("etc", "root", "run", "tmp", "usr", "var");
    assertThat(root.stat("/tmp", Credentials.ROOT).modeString()).isEqualTo("1777");
    assertThat(root.stat(NodeDisk.KUBELET_ROOT, Credentials.ROOT).modeString()).isEqualTo("0750");
    assertThat(root.list("/var/lib", Credentials.ROOT)).containsExactly("containerd", "kubelet");
    assertThat(root.lstat("/run/containerd/containerd.sock", Credentials.ROOT).type()).isEqualTo(FileType.SOCKET);
    assertThat(root.exists("/var/lib/kubelet/pods", Credentials.of(1000, 1000))).isFalse();
  }

  @Test
  void podVolumeDirectoryEscapesThePluginName() {
    assertThat(NodeDisk.podVolumeDirectory("uid-1", "kubernetes.io/empty-dir", "cache"))
        .isEqualTo("/var/lib/kubelet/pods/uid-1/volumes/kubernetes.io~empty-dir/cache");
  }
}
