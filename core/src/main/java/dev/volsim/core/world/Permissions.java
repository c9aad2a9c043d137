package dev.volsim.core.world;

/**
 * Linux's {@code generic_permission}: the owner class if the caller owns the file, else the group
 * class if the caller is in the file's group, else the other class; exactly one class applies, so an
 * owner with {@code 0077} is refused what everyone else may do. uid 0 ({@code CAP_DAC_OVERRIDE})
 * passes every read and write check and searches every directory, but executes a non-directory only
 * when at least one execute bit is set.
 */
final class Permissions {
  static final int READ = 4;
  static final int WRITE = 2;
  static final int EXEC = 1;

  private Permissions() {}

  static boolean allowed(Inode inode, Credentials as, int want) {
    if (as.isRoot()) {
      if ((want & EXEC) == 0 || inode instanceof DirectoryInode) {
        return true;
      } else {
        return (inode.mode & 0111) != 0;
      }
    }
    int bits;
    if (as.uid() == inode.uid) {
      bits = (inode.mode >> 6) & 7;
    } else if (as.inGroup(inode.gid)) {
      bits = (inode.mode >> 3) & 7;
    } else {
      bits = inode.mode & 7;
    }
    return (bits & want) == want;
  }
}
