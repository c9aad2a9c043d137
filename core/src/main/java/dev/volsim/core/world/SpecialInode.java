package dev.volsim.core.world;

/** A socket, character device or block device: a name with a type, no content. */
final class SpecialInode extends Inode {
  private final FileType type;

  SpecialInode(FileType type, int mode, int uid, int gid) {
    super(mode, uid, gid);
    this.type = type;
  }

  @Override
  FileType type() {
    return type;
  }
}
