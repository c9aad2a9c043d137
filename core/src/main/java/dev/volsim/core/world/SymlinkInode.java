package dev.volsim.core.world;

import java.nio.charset.StandardCharsets;

/** A symbolic link: the target path, resolved when followed. */
final class SymlinkInode extends Inode {
  final String target;

  SymlinkInode(String target, int uid, int gid) {
    super(0777, uid, gid);
    this.target = target;
  }

  @Override
  FileType type() {
    return FileType.SYMLINK;
  }

  @Override
  Stat stat() {
    return new Stat(FileType.SYMLINK, mode, uid, gid, target.getBytes(StandardCharsets.UTF_8).length, target);
  }
}
