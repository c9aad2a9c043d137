package dev.volsim.core.world;

/**
 * A file of a {@link FileTree}: type, permission bits and owner. Names live in the parent directory,
 * so an inode has no name and no parent pointer.
 */
abstract sealed class Inode permits DirectoryInode, RegularFileInode, SymlinkInode, SpecialInode {
  int mode;
  int uid;
  int gid;

  Inode(int mode, int uid, int gid) {
    this.mode = mode & 07777;
    this.uid = uid;
    this.gid = gid;
  }

  abstract FileType type();

  /** Bytes counted against the file system's capacity. */
  long size() {
    return 0;
  }

  Stat stat() {
    return new Stat(type(), mode, uid, gid, size(), null);
  }
}
