package dev.volsim.core.world;

import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/** A directory: its entries sorted by name, the map made on the first entry. */
final class DirectoryInode extends Inode {
  /** Null while empty, so an untouched directory costs one object. */
  private TreeMap<String, Inode> children;

  DirectoryInode(int mode, int uid, int gid) {
    super(mode, uid, gid);
  }

  @Override
  FileType type() {
    return FileType.DIRECTORY;
  }

  @Override
  Stat stat() {
    return new Stat(FileType.DIRECTORY, mode, uid, gid, 4096, null);
  }

  Inode child(String name) {
    return children == null ? null : children.get(name);
  }

  void put(String name, Inode inode) {
    if (children == null) {
      children = new TreeMap<>();
    }
    children.put(name, inode);
  }

  void remove(String name) {
    if (children != null) {
      children.remove(name);
      if (children.isEmpty()) {
        children = null;
      }
    }
  }

  boolean isEmpty() {
    return children == null;
  }

  /** Entry names in ascending order (a copy). */
  List<String> names() {
    return children == null ? List.of() : List.copyOf(children.keySet());
  }

  /** Entries, ascending by name (a view; do not modify while iterating). */
  Iterable<Inode> entries() {
    return children == null ? Collections.emptyList() : children.values();
  }
}
