package dev.volsim.core.world;

import static dev.volsim.core.world.FsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileTreePermissionTest {
  private static final Credentials ROOT = Credentials.ROOT;
  private static final Credentials USER = Credentials.of(1000, 1000);

  private final FileTree tree = FileTree.create();

  @Test
  void nonRootCannotWriteIntoRootOwned0755Directory() {
    tree.mkdir("/data", ROOT);

    assertFails(() -> tree.write("/data/x", "hi", USER), Errno.EACCES, "/data/x: Permission denied");
    assertThat(tree.exists("/data/x", ROOT)).isFalse();
  }

  @Test
  void rootWritesAnywhereRegardlessOfModeBits() {
    tree.mkdir("/locked", 0000, ROOT);
    tree.write("/locked/x", "hi", ROOT);
    tree.chmod("/locked/x", 0000, ROOT);

    tree.append("/locked/x", "!", ROOT);
    assertThat(tree.readString("/locked/x", ROOT)).isEqualTo("hi!");
    assertThat(tree.list("/locked", ROOT)).containsExactly("x");
  }

  @Test
  void rootSearchesAnyDirectoryButExecutesFilesOnlyWithSomeExecuteBit() {
    tree.write("/script", "#!/bin/sh", ROOT);
    Inode script = PathWalker.resolve(tree, "/script", ROOT, true, false).target().inode();

    assertThat(Permissions.allowed(script, ROOT, Permissions.EXEC)).isFalse();
    tree.chmod("/script", 0001, ROOT);
    assertThat(Permissions.allowed(script, ROOT, Permissions.EXEC)).isTrue();
    tree.mkdir("/d", 0000, ROOT);
    tree.write("/d/f", "x", ROOT);
    assertThat(tree.readString("/d/f", ROOT)).isEqualTo("x");
  }

  @Test
  void groupBitsApplyToMembersThroughPrimaryOrSupplementaryGroups() {
    tree.mkdir("/shared", 0770, ROOT);
    tree.chown("/shared", 0, 2000, ROOT);

    tree.write("/shared/a", "a", Credentials.of(1000, 2000));
    tree.write("/shared/b", "b", Credentials.of(1001, 1001).withGroups(2000));
    assertFails(() -> tree.write("/shared/c", "c", USER), Errno.EACCES, "/shared/c: Permission denied");
    assertThat(tree.stat("/shared/a", ROOT).gid()).isEqualTo(2000);
    assertThat(tree.stat("/shared/b", ROOT).gid()).isEqualTo(1001);
  }

  @Test
  void onlyOneClassAppliesSoAnOwnerWithoutBitsIsRefusedWhatOthersMayDo() {
    tree.write("/f", "secret", ROOT);
    tree.chown("/f", 1000, 1000, ROOT);
    tree.chmod("/f", 0077, ROOT);

    assertFails(() -> tree.read("/f", USER), Errno.EACCES, "/f: Permission denied");
    assertThat(tree.readString("/f", Credentials.of(1001, 1001))).isEqualTo("secret");
  }

  @Test
  void searchPermissionIsNeededOnEveryDirectoryPassed() {
    tree.mkdirs("/a/b", ROOT);
    tree.write("/a/b/f", "x", ROOT);
    tree.chmod("/a", 0744, ROOT);

    assertFails(() -> tree.read("/a/b/f", USER), Errno.EACCES, "/a/b/f: Permission denied");
    assertFails(() -> tree.stat("/a/b", USER), Errno.EACCES, "/a/b: Permission denied");
    assertThat(tree.list("/a", USER)).containsExactly("b"); // reading names needs r, not x
    assertThat(tree.exists("/a/b/f", USER)).isFalse();
  }

  @Test
  void listingNeedsReadPermission() {
    tree.mkdir("/d", 0711, ROOT);
    tree.write("/d/f", "x", ROOT);

    assertFails(() -> tree.list("/d", USER), Errno.EACCES, "/d: Permission denied");
    assertThat(tree.readString("/d/f", USER)).isEqualTo("x");
  }

  @Test
  void newFilesAre0644AndNewDirectories0755OwnedByTheCaller() {
    tree.mkdir("/home", 0777, ROOT);
    tree.write("/home/f", "x", USER);
    tree.mkdir("/home/d", USER);

    assertThat(tree.stat("/home/f", ROOT)).extracting(Stat::modeString, Stat::uid, Stat::gid)
        .containsExactly("0644", 1000, 1000);
    assertThat(tree.stat("/home/d", ROOT)).extracting(Stat::modeString, Stat::uid, Stat::gid)
        .containsExactly("0755", 1000, 1000);
  }

  @Test
  void setGroupIdDirectoryPassesItsGroupAndBitDown() {
    tree.mkdir("/vol", 02777, ROOT);
    tree.chown("/vol", 0, 3000, ROOT);

    tree.write("/vol/f", "x", USER);
    tree.mkdir("/vol/d", USER);
    assertThat(tree.stat("/vol/f", ROOT).gid()).isEqualTo(3000);
    assertThat(tree.stat("/vol/d", ROOT)).extracting(Stat::gid, Stat::modeString).containsExactly(3000, "2755");
  }

  @Test
  void stickyDirectoryLetsOnlyOwnersRemoveEntries() {
    tree.mkdir("/tmp", 01777, ROOT);
    tree.write("/tmp/mine", "x", USER);
    Credentials other = Credentials.of(1001, 1001);

    assertFails(() -> tree.remove("/tmp/mine", other), Errno.EPERM, "/tmp/mine: Operation not permitted");
    assertFails(() -> tree.rename("/tmp/mine", "/tmp/theirs", other), Errno.EPERM,
        "/tmp/mine: Operation not permitted");
    tree.remove("/tmp/mine", USER);
    assertThat(tree.exists("/tmp/mine", ROOT)).isFalse();
  }

  @Test
  void chmodOnlyByOwnerOrRoot() {
    tree.write("/f", "x", ROOT);

    assertFails(() -> tree.chmod("/f", 0777, USER), Errno.EPERM, "/f: Operation not permitted");
    tree.chown("/f", 1000, -1, ROOT);
    tree.chmod("/f", 0600, USER);
    assertThat(tree.stat("/f", ROOT).modeString()).isEqualTo("0600");
  }

  @Test
  void chownGivesAwayFilesOnlyAsRootAndOwnersMayOnlyPickTheirGroups() {
    tree.mkdir("/home", 0777, ROOT);
    tree.write("/home/f", "x", USER.withGroups(4000));

    assertFails(() -> tree.chown("/home/f", 1001, -1, USER), Errno.EPERM, "/home/f: Operation not permitted");
    assertFails(() -> tree.chown("/home/f", -1, 5000, USER), Errno.EPERM, "/home/f: Operation not permitted");
    tree.chown("/home/f", -1, 4000, USER.withGroups(4000));
    tree.chown("/home/f", 1001, 1001, ROOT);
    assertThat(tree.stat("/home/f", ROOT)).extracting(Stat::uid, Stat::gid).containsExactly(1001, 1001);
  }

  @Test
  void chownClearsSetUserIdOfRegularFiles() {
    tree.write("/bin", "elf", ROOT);
    tree.chmod("/bin", 06755, ROOT);

    tree.chown("/bin", 1000, 1000, ROOT);
    assertThat(tree.stat("/bin", ROOT).modeString()).isEqualTo("0755");
  }

  @Test
  void devicesAreMadeOnlyByRootButSocketsByAnyone() {
    tree.mkdir("/run", 0777, ROOT);

    assertFails(() -> tree.mknod("/run/sda", FileType.BLOCK_DEVICE, 0660, USER), Errno.EPERM,
        "/run/sda: Operation not permitted");
    tree.mknod("/run/app.sock", FileType.SOCKET, 0755, USER);
    tree.mknod("/run/sda", FileType.BLOCK_DEVICE, 0660, ROOT);
    assertThat(tree.lstat("/run/app.sock", ROOT).type()).isEqualTo(FileType.SOCKET);
    assertThat(tree.lstat("/run/sda", ROOT).type()).isEqualTo(FileType.BLOCK_DEVICE);
  }

  @Test
  void removingNeedsWriteAndSearchOnTheDirectoryNotTheFile() {
    tree.mkdir("/d", 0777, ROOT);
    tree.write("/d/f", "x", ROOT);
    tree.chmod("/d/f", 0000, ROOT);

    tree.remove("/d/f", USER);
    tree.write("/d/g", "x", ROOT);
    tree.chmod("/d", 0755, ROOT);
    assertFails(() -> tree.remove("/d/g", USER), Errno.EACCES, "/d/g: Permission denied");
  }
}
