package dev.volsim.core.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.volsim.core.world.CredentialsMapping;
import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.FsException;
import dev.volsim.core.world.MountSource;
import org.junit.jupiter.api.Test;

class VolumeOwnershipTest {
  private static final Credentials USER_1000_IN_FSGROUP = Credentials.of(1000, 1000).withGroups(2000);

  private static MountSource volume(FileTree tree) {
    return new MountSource(tree, "/vol", false, CredentialsMapping.IDENTITY, "ext4", "/dev/sdb");
  }

  private static FileTree treeWithRootOwnedFiles() {
    FileTree tree = FileTree.create();
    tree.mkdirs("/vol/data", Credentials.ROOT);
    tree.write("/vol/data/old.txt", "x", Credentials.ROOT);
    tree.symlink("/vol/link", "data/old.txt", Credentials.ROOT);
    return tree;
  }

  @Test
  void fsGroupMakesRootOwnedFilesGroupWritableAndDirectoriesSetgid() {
    FileTree tree = treeWithRootOwnedFiles();
    assertThatThrownBy(() -> tree.write("/vol/data/new.txt", "y", USER_1000_IN_FSGROUP))
        .isInstanceOf(FsException.class).hasMessageContaining("Permission denied");

    VolumeOwnership.apply(volume(tree), 2000, false, false);

    assertThat(tree.stat("/vol/data/old.txt", Credentials.ROOT).gid()).isEqualTo(2000);
    assertThat(tree.stat("/vol/data/old.txt", Credentials.ROOT).modeString()).isEqualTo("0664");
    assertThat(tree.stat("/vol/data", Credentials.ROOT).modeString()).isEqualTo("2775");
    assertThat(tree.lstat("/vol/link", Credentials.ROOT).gid()).isEqualTo(2000);
    tree.write("/vol/data/new.txt", "y", USER_1000_IN_FSGROUP);
    // set-group-ID on the directory: what the process makes belongs to fsGroup, not its own group
    assertThat(tree.stat("/vol/data/new.txt", Credentials.ROOT).gid()).isEqualTo(2000);
  }

  @Test
  void readOnlyVolumesGetGroupReadOnly() {
    FileTree tree = treeWithRootOwnedFiles();
    tree.chmod("/vol/data/old.txt", 0600, Credentials.ROOT);

    VolumeOwnership.apply(volume(tree), 2000, true, false);

    assertThat(tree.stat("/vol/data/old.txt", Credentials.ROOT).modeString()).isEqualTo("0640");
    assertThat(tree.stat("/vol/data", Credentials.ROOT).modeString()).isEqualTo("2755");
  }

  @Test
  void onRootMismatchSkipsAVolumeWhoseRootAlreadyFits() {
    FileTree tree = treeWithRootOwnedFiles();
    tree.chown("/vol", -1, 2000, Credentials.ROOT);
    tree.chmod("/vol", 02775, Credentials.ROOT);

    VolumeOwnership.apply(volume(tree), 2000, false, true);
    assertThat(tree.stat("/vol/data/old.txt", Credentials.ROOT).gid()).isZero();

    VolumeOwnership.apply(volume(tree), 2000, false, false);
    assertThat(tree.stat("/vol/data/old.txt", Credentials.ROOT).gid()).isEqualTo(2000);
  }

  @Test
  void onlyPluginsThatManageOwnershipAreChanged() {
    assertThat(VolumeOwnership.supportedBy("kubernetes.io/empty-dir")).isTrue();
    assertThat(VolumeOwnership.supportedBy("kubernetes.io/secret")).isTrue();
    assertThat(VolumeOwnership.supportedBy("kubernetes.io/host-path")).isFalse();
    assertThat(VolumeOwnership.supportedBy("kubernetes.io/nfs")).isFalse();
  }
}
