package dev.volsim.core.world;

import static dev.volsim.core.world.FsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import org.junit.jupiter.api.Test;

class FileTreeOperationsTest {
  private static final Credentials ROOT = Credentials.ROOT;

  private final FileTree tree = FileTree.create();

  @Test
  void writeTruncatesAppendExtendsReadReturnsContent() {
    tree.write("/f", "hello", ROOT);
    tree.write("/f", "bye", ROOT);
    tree.append("/f", "!", ROOT);
    tree.append("/new", "created", ROOT);

    assertThat(tree.readString("/f", ROOT)).isEqualTo("bye!");
    assertThat(tree.readString("/new", ROOT)).isEqualTo("created");
    assertThat(tree.stat("/f", ROOT).size()).isEqualTo(4);
  }

  @Test
  void missingParentsAndFilesAreNoSuchFileOrDirectory() {
    assertFails(() -> tree.write("/no/f", "x", ROOT), Errno.ENOENT, "/no/f: No such file or directory");
    assertFails(() -> tree.read("/f", ROOT), Errno.ENOENT, "/f: No such file or directory");
    assertFails(() -> tree.remove("/f", ROOT), Errno.ENOENT, "/f: No such file or directory");
    assertFails(() -> tree.stat("", ROOT), Errno.ENOENT, ": No such file or directory");
  }

  @Test
  void aFileInThePathIsNotADirectory() {
    tree.write("/f", "x", ROOT);

    assertFails(() -> tree.write("/f/g", "x", ROOT), Errno.ENOTDIR, "/f/g: Not a directory");
    assertFails(() -> tree.list("/f", ROOT), Errno.ENOTDIR, "/f: Not a directory");
    assertFails(() -> tree.stat("/f/", ROOT), Errno.ENOTDIR, "/f/: Not a directory");
    assertFails(() -> tree.mkdirs("/f/g", ROOT), Errno.ENOTDIR, "/f/g: Not a directory");
  }

  @Test
  void directoriesCannotBeReadOrWrittenAsFiles() {
    tree.mkdir("/d", ROOT);

    assertFails(() -> tree.read("/d", ROOT), Errno.EISDIR, "/d: Is a directory");
    assertFails(() -> tree.write("/d", "x", ROOT), Errno.EISDIR, "/d: Is a directory");
    assertFails(() -> tree.write("/e/", "x", ROOT), Errno.EISDIR, "/e/: Is a directory");
  }

  @Test
  void mkdirRefusesExistingNamesAndMkdirsAcceptsExistingDirectories() {
    tree.mkdirs("/a/b/c", ROOT);
    tree.write("/a/f", "x", ROOT);
    tree.symlink("/a/dangling", "/nowhere", ROOT);

    assertFails(() -> tree.mkdir("/a/b", ROOT), Errno.EEXIST, "/a/b: File exists");
    assertFails(() -> tree.mkdir("/a/dangling", ROOT), Errno.EEXIST, "/a/dangling: File exists");
    assertFails(() -> tree.mkdirs("/a/f", ROOT), Errno.EEXIST, "/a/f: File exists");
    tree.mkdirs("/a/b/c", ROOT);
    assertThat(tree.list("/a", ROOT)).containsExactly("b", "dangling", "f");
  }

  @Test
  void removeTakesFilesAndEmptyDirectoriesRemoveAllTakesTrees() {
    tree.mkdirs("/a/b", ROOT);
    tree.write("/a/b/f", "x", ROOT);

    assertFails(() -> tree.remove("/a", ROOT), Errno.ENOTEMPTY, "/a: Directory not empty");
    assertFails(() -> tree.remove("/", ROOT), Errno.EBUSY, "/: Device or resource busy");
    tree.removeAll("/a", ROOT);
    assertThat(tree.list("/", ROOT)).isEmpty();
    assertThat(tree.usedBytes()).isZero();
  }

  @Test
  void renameMovesAndReplacesWithLinuxRules() {
    tree.mkdirs("/a/sub", ROOT);
    tree.mkdirs("/full/x", ROOT);
    tree.mkdir("/empty", ROOT);
    tree.write("/f", "one", ROOT);
    tree.write("/g", "two", ROOT);

    tree.rename("/f", "/g", ROOT);
    assertThat(tree.readString("/g", ROOT)).isEqualTo("one");
    assertThat(tree.exists("/f", ROOT)).isFalse();
    assertFails(() -> tree.rename("/a", "/g", ROOT), Errno.ENOTDIR, "/g: Not a directory");
    assertFails(() -> tree.rename("/g", "/empty", ROOT), Errno.EISDIR, "/empty: Is a directory");
    assertFails(() -> tree.rename("/a", "/full", ROOT), Errno.ENOTEMPTY, "/full: Directory not empty");
    assertFails(() -> tree.rename("/a", "/a/sub/a", ROOT), Errno.EINVAL, "/a: Invalid argument");
    tree.rename("/a", "/empty", ROOT);
    assertThat(tree.list("/", ROOT)).containsExactly("empty", "full", "g");
    assertThat(tree.list("/empty", ROOT)).containsExactly("sub");
    assertThat(tree.usedBytes()).isEqualTo(3);
  }

  @Test
  void symlinksAreFollowedExceptByLstatRemoveAndRename() {
    tree.mkdirs("/real/dir", ROOT);
    tree.write("/real/dir/f", "data", ROOT);
    tree.symlink("/abs", "/real/dir", ROOT);
    tree.symlink("/real/rel", "dir/f", ROOT);
    tree.symlink("/up", "real/../real/dir", ROOT);

    assertThat(tree.readString("/abs/f", ROOT)).isEqualTo("data");
    assertThat(tree.readString("/real/rel", ROOT)).isEqualTo("data");
    assertThat(tree.list("/up", ROOT)).containsExactly("f");
    assertThat(tree.lstat("/abs", ROOT)).extracting(Stat::type, Stat::target, Stat::size)
        .containsExactly(FileType.SYMLINK, "/real/dir", 9L);
    assertThat(tree.stat("/abs", ROOT).type()).isEqualTo(FileType.DIRECTORY);
    assertThat(tree.readlink("/real/rel", ROOT)).isEqualTo("dir/f");
    tree.remove("/abs", ROOT);
    assertThat(tree.exists("/real/dir/f", ROOT)).isTrue();
  }

  @Test
  void writingThroughADanglingSymlinkCreatesItsTarget() {
    tree.mkdir("/etc", ROOT);
    tree.symlink("/link", "/etc/conf", ROOT);

    tree.write("/link", "x", ROOT);
    assertThat(tree.readString("/etc/conf", ROOT)).isEqualTo("x");
    assertThat(tree.exists("/dangling", ROOT)).isFalse();
  }

  @Test
  void symlinkLoopsAreTooManyLevelsOfSymbolicLinks() {
    tree.symlink("/a", "/b", ROOT);
    tree.symlink("/b", "/a", ROOT);
    tree.symlink("/self", "self", ROOT);

    assertFails(() -> tree.read("/a", ROOT), Errno.ELOOP, "/a: Too many levels of symbolic links");
    assertFails(() -> tree.write("/self", "x", ROOT), Errno.ELOOP, "/self: Too many levels of symbolic links");
    assertFails(() -> tree.stat("/a/x", ROOT), Errno.ELOOP, "/a/x: Too many levels of symbolic links");
    assertThat(tree.lstat("/a", ROOT).type()).isEqualTo(FileType.SYMLINK);
    assertThat(tree.exists("/a", ROOT)).isFalse();
  }

  @Test
  void fortySymlinksInOneLookupResolveAndFortyOneDoNot() {
    tree.write("/target", "ok", ROOT);
    tree.symlink("/l0", "/target", ROOT);
    for (int i = 1; i <= 40; i++) {
      tree.symlink("/l" + i, "/l" + (i - 1), ROOT);
    }

    assertThat(tree.readString("/l39", ROOT)).isEqualTo("ok");
    assertFails(() -> tree.read("/l40", ROOT), Errno.ELOOP, "/l40: Too many levels of symbolic links");
  }

  @Test
  void dotDotStopsAtTheRoot() {
    tree.mkdirs("/a/b", ROOT);
    tree.write("/f", "x", ROOT);

    assertThat(tree.readString("/a/b/../../../../f", ROOT)).isEqualTo("x");
    assertThat(tree.list("/a/./b/..", ROOT)).containsExactly("b");
  }

  @Test
  void namesLongerThan255BytesAreRefused() {
    String name = "n".repeat(256);
    assertFails(() -> tree.write("/" + name, "x", ROOT), Errno.ENAMETOOLONG, "/" + name + ": File name too long");
  }

  @Test
  void specialFilesKeepTheirTypeAndSocketsCannotBeOpened() {
    tree.populate(ImmutableList.of(
        FileSpec.special("/run/containerd/containerd.sock", FileType.SOCKET),
        FileSpec.special("/dev/null", FileType.CHAR_DEVICE).withMode(0666),
        FileSpec.special("/dev/sda", FileType.BLOCK_DEVICE)));

    assertThat(tree.lstat("/run/containerd/containerd.sock", ROOT).type()).isEqualTo(FileType.SOCKET);
    assertThat(tree.lstat("/dev/null", ROOT)).extracting(Stat::type, Stat::modeString)
        .containsExactly(FileType.CHAR_DEVICE, "0666");
    assertFails(() -> tree.read("/run/containerd/containerd.sock", ROOT), Errno.ENXIO,
        "/run/containerd/containerd.sock: No such device or address");
    tree.write("/dev/null", "discarded", Credentials.of(1000, 1000));
    assertThat(tree.read("/dev/null", ROOT)).isEmpty();
  }

  @Test
  void populateCreatesEveryTypeWithModesAndOwners() {
    tree.populate(ImmutableList.of(
        FileSpec.file("/var/log/syslog", "boot ok").withMode(0640).withOwner(0, 4),
        FileSpec.directory("/var/lib/containerd").withMode(0711),
        FileSpec.symlink("/var/log/latest", "syslog"),
        FileSpec.filler("/big", 1 << 20)));

    assertThat(tree.stat("/var/log/syslog", ROOT)).extracting(Stat::modeString, Stat::gid, Stat::size)
        .containsExactly("0640", 4, 7L);
    assertThat(tree.stat("/var/lib/containerd", ROOT).modeString()).isEqualTo("0711");
    assertThat(tree.stat("/var/log", ROOT).modeString()).isEqualTo("0755");
    assertThat(tree.readString("/var/log/latest", ROOT)).isEqualTo("boot ok");
    assertThat(tree.stat("/big", ROOT).size()).isEqualTo(1 << 20);
    assertThat(tree.usedBytes()).isEqualTo(7 + (1 << 20));
  }

  @Test
  void readOnlyTreeRefusesEveryChangeButReads() {
    tree.write("/f", "x", ROOT);
    tree.mkdir("/d", ROOT);
    tree.setReadOnly(true);

    assertFails(() -> tree.write("/f", "y", ROOT), Errno.EROFS, "/f: Read-only file system");
    assertFails(() -> tree.write("/g", "y", ROOT), Errno.EROFS, "/g: Read-only file system");
    assertFails(() -> tree.mkdir("/e", ROOT), Errno.EROFS, "/e: Read-only file system");
    assertFails(() -> tree.remove("/f", ROOT), Errno.EROFS, "/f: Read-only file system");
    assertFails(() -> tree.rename("/f", "/h", ROOT), Errno.EROFS, "/f: Read-only file system");
    assertFails(() -> tree.chmod("/f", 0600, ROOT), Errno.EROFS, "/f: Read-only file system");
    assertFails(() -> tree.chown("/f", 1, 1, ROOT), Errno.EROFS, "/f: Read-only file system");
    assertFails(() -> tree.symlink("/s", "/f", ROOT), Errno.EROFS, "/s: Read-only file system");
    assertThat(tree.readString("/f", ROOT)).isEqualTo("x");
  }

  @Test
  void readOnlyIsReportedBeforePermissionDenied() {
    tree.mkdir("/d", ROOT);
    tree.setReadOnly(true);

    assertFails(() -> tree.write("/d/x", "y", Credentials.of(1000, 1000)), Errno.EROFS,
        "/d/x: Read-only file system");
  }
}
