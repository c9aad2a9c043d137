package dev.volsim.core.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import org.junit.jupiter.api.Test;

class BlockDeviceTest {
  private static final long GI = 1L << 30;

  @Test
  void formatsOnceAndKeepsDataAcrossMounts() {
    BlockDevice disk = BlockDevice.create(BlockDevice.Kind.CLOUD_DISK, "vol-0abc", 10 * GI, "zone-a");
    assertThat(disk.isFormatted()).isFalse();

    assertThat(disk.formatIfNeeded("ext4")).isTrue();
    MountNamespace first = MountNamespace.create(FileTree.create());
    first.mount("/data", disk.mountSource(), MountOptions.READ_WRITE);
    first.write("/data/db", "rows", Credentials.ROOT);
    first.unmount("/data");

    assertThat(disk.formatIfNeeded("xfs")).isFalse();
    MountNamespace second = MountNamespace.create(FileTree.create());
    second.mount("/data", disk.mountSource(), MountOptions.READ_WRITE);
    assertThat(second.readString("/data/db", Credentials.ROOT)).isEqualTo("rows");
    assertThat(disk.fsType()).hasValue("ext4");
    assertThat(second.mountAt("/data")).get().extracting(Mount::fsType, Mount::device)
        .containsExactly("ext4", "vol-0abc");
  }

  @Test
  void ext4HasLostAndFoundAndXfsDoesNot() {
    BlockDevice ext4 = BlockDevice.create(BlockDevice.Kind.RBD_IMAGE, "rbd/foo", GI, null);
    BlockDevice xfs = BlockDevice.create(BlockDevice.Kind.ISCSI_LUN, "10.0.0.60:3260/iqn.x:0", GI, null);
    ext4.formatIfNeeded("ext4");
    xfs.formatIfNeeded("xfs");

    assertThat(ext4.fileSystem().list("/", Credentials.ROOT)).containsExactly("lost+found");
    assertThat(ext4.fileSystem().stat("/lost+found", Credentials.ROOT).modeString()).isEqualTo("0700");
    assertThat(xfs.fileSystem().list("/", Credentials.ROOT)).isEmpty();
  }

  @Test
  void capacityIsTheDeviceSize() {
    BlockDevice disk = BlockDevice.create(BlockDevice.Kind.CSI_VOLUME, "pvc-1", 1024, null);
    disk.formatIfNeeded("xfs");

    assertThat(disk.fileSystem().capacityBytes()).isEqualTo(1024);
  }

  @Test
  void preFormattedDiskHoldsItsDeclaredFiles() {
    BlockDevice disk = BlockDevice.formatted(BlockDevice.Kind.CLOUD_DISK, "vol-1", GI, "zone-b", "ext4",
        ImmutableList.of(FileSpec.file("/index.html", "hi")));

    assertThat(disk.formatIfNeeded("ext4")).isFalse();
    assertThat(disk.fileSystem().readString("/index.html", Credentials.ROOT)).isEqualTo("hi");
  }

  @Test
  void blankDeviceHasNoFileSystem() {
    BlockDevice disk = BlockDevice.create(BlockDevice.Kind.FC_LUN, "wwn", GI, null);

    assertThatThrownBy(disk::mountSource).isInstanceOf(IllegalStateException.class)
        .hasMessage("block device wwn has no file system");
  }
}
