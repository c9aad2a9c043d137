package dev.volsim.core.world;

import static dev.volsim.core.world.FsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CapacityTest {
  private static final long MI = 1024 * 1024;
  private static final Credentials ROOT = Credentials.ROOT;

  @Test
  void tmpfsOf16MiRefusesA17MiWriteAndKeepsWhatFit() {
    FileTree tmpfs = Tmpfs.create(16 * MI, 0777);

    assertFails(() -> tmpfs.writeFiller("/data", 17 * MI, Credentials.of(1000, 1000)), Errno.ENOSPC,
        "/data: No space left on device");
    assertThat(tmpfs.stat("/data", ROOT).size()).isEqualTo(16 * MI);
    assertThat(tmpfs.usedBytes()).isEqualTo(16 * MI);
    assertThat(tmpfs.freeBytes()).isZero();
    assertThat(tmpfs.fsType()).isEqualTo("tmpfs");
  }

  @Test
  void partialWriteOfBytesKeepsThePrefixThatFit() {
    FileTree tree = FileTree.create("ext4", 10, 0755, 0, 0);
    tree.write("/a", "1234", ROOT);

    assertFails(() -> tree.write("/b", "abcdefghij", ROOT), Errno.ENOSPC, "/b: No space left on device");
    assertThat(tree.readString("/b", ROOT)).isEqualTo("abcdef");
    assertFails(() -> tree.append("/a", "5", ROOT), Errno.ENOSPC, "/a: No space left on device");
    assertThat(tree.readString("/a", ROOT)).isEqualTo("1234");
  }

  @Test
  void truncatingRemovingAndReplacingReturnSpace() {
    FileTree tree = FileTree.create("ext4", 10, 0755, 0, 0);
    tree.write("/a", "1234567890", ROOT);

    tree.write("/a", "12", ROOT);
    assertThat(tree.usedBytes()).isEqualTo(2);
    tree.write("/b", "12345678", ROOT);
    tree.rename("/b", "/a", ROOT);
    assertThat(tree.usedBytes()).isEqualTo(8);
    tree.remove("/a", ROOT);
    assertThat(tree.usedBytes()).isZero();
  }

  @Test
  void fillerIsCountedButNotAllocatedAndReadsAsZeros() {
    FileTree tree = FileTree.create();
    tree.writeFiller("/f", 3, ROOT);
    tree.append("/f", "x", ROOT);

    assertThat(tree.read("/f", ROOT)).containsExactly(0, 0, 0, 'x');
    tree.writeFiller("/huge", 1L << 40, ROOT);
    assertThat(tree.stat("/huge", ROOT).size()).isEqualTo(1L << 40);
    assertFails(() -> tree.read("/huge", ROOT), Errno.EFBIG, "/huge: File too large");
  }

  @Test
  void tmpfsSizeZeroMeansUnlimitedAsOnLinux() {
    assertThat(Tmpfs.create(0).capacityBytes()).isEqualTo(FileTree.UNLIMITED);
    assertThat(Tmpfs.create(0).stat("/", ROOT).modeString()).isEqualTo("1777");
  }
}
