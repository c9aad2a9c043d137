package dev.volsim.core.world;

/**
 * Where a path led: an inode, the file system holding it and the mount it was reached through.
 *
 * @param inode the file
 * @param tree the file system it belongs to (capacity and read-only state)
 * @param readOnly whether the mount it was reached through is read-only
 * @param mapping how that mount maps callers' credentials (NFS squashing)
 * @param device identity of that mount: a rename across two differs fails with EXDEV
 */
record Location(Inode inode, FileTree tree, boolean readOnly, CredentialsMapping mapping, Object device) {
  Location withInode(Inode other) {
    return new Location(other, tree, readOnly, mapping, device);
  }

  /** Whether writes here fail with {@code Read-only file system}. */
  boolean readOnlyFs() {
    return readOnly || tree.isReadOnly();
  }
}
