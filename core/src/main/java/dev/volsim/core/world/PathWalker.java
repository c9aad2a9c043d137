package dev.volsim.core.world;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Path resolution as Linux's {@code namei} does it, component by component: each directory passed
 * needs search (execute) permission for the caller as that directory's mount maps it; a mount on a
 * path hides what lies beneath; {@code ..} at a mount's root leaves the mount; a symlink's target is
 * spliced in (absolute targets restart at the view's root) and at most {@link #MAXSYMLINKS} are
 * followed in one lookup.
 */
final class PathWalker {
  /** Linux's {@code MAXSYMLINKS}: more links in one lookup fail with ELOOP. */
  static final int MAXSYMLINKS = 40;
  /** Linux's {@code NAME_MAX} in bytes. */
  static final int NAME_MAX = 255;

  private PathWalker() {}

  /**
   * The outcome of a lookup.
   *
   * @param parent the directory holding the last component, or null for the view's root
   * @param name the last component
   * @param target what the last component names, or null if it does not exist (only when allowed)
   * @param trailingSlash whether the path ended with {@code /}
   * @param ancestors the inodes from the root to {@code parent}, inclusive
   */
  record Resolved(Location parent, String name, Location target, boolean trailingSlash, List<Inode> ancestors) {
    /** Whether the target is the root of a mount (or of the view): it cannot be removed or renamed. */
    boolean isMountRoot() {
      return parent == null || (target != null && target.device() != parent.device());
    }
  }

  private record Frame(String name, Location location) {}

  /**
   * Resolves {@code path} in {@code view} for {@code as}.
   *
   * @param followLast whether a symlink as last component is followed (stat) or not (lstat)
   * @param allowMissing whether a missing last component is a result (create) instead of ENOENT
   * @throws FsException ENOENT, ENOTDIR, EACCES, ELOOP or ENAMETOOLONG
   */
  static Resolved resolve(FileSystemView view, String path, Credentials as, boolean followLast,
      boolean allowMissing) {
    if (path.isEmpty()) {
      throw new FsException(Errno.ENOENT, path);
    }
    ArrayDeque<String> pending = new ArrayDeque<>();
    pushFront(pending, path);
    boolean trailingSlash = path.length() > 1 && path.endsWith("/");
    ArrayList<Frame> stack = new ArrayList<>();
    stack.add(new Frame("", view.rootLocation()));
    int links = 0;
    while (!pending.isEmpty()) {
      String name = pending.pollFirst();
      boolean last = pending.isEmpty();
      if (name.equals(".")) {
        continue;
      } else if (name.equals("..")) {
        if (stack.size() > 1) {
          stack.remove(stack.size() - 1);
        }
        continue;
      }
      if (name.getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
        throw new FsException(Errno.ENAMETOOLONG, path);
      }
      Location dir = stack.get(stack.size() - 1).location();
      if (!(dir.inode() instanceof DirectoryInode directory)) {
        throw new FsException(Errno.ENOTDIR, path);
      }
      if (!Permissions.allowed(directory, dir.mapping().map(as), Permissions.EXEC)) {
        throw new FsException(Errno.EACCES, path);
      }
      Location child = view.hasMounts() ? view.mountedAt(namespacePath(stack, name)) : null;
      if (child == null) {
        Inode inode = directory.child(name);
        child = inode == null ? null : dir.withInode(inode);
      }
      if (child == null) {
        if (last && allowMissing) {
          return new Resolved(dir, name, null, trailingSlash, inodes(stack, stack.size()));
        } else {
          throw new FsException(Errno.ENOENT, path);
        }
      }
      if (child.inode() instanceof SymlinkInode link && (!last || followLast || trailingSlash)) {
        if (++links > MAXSYMLINKS) {
          throw new FsException(Errno.ELOOP, path);
        } else if (link.target.isEmpty()) {
          throw new FsException(Errno.ENOENT, path);
        }
        pushFront(pending, link.target);
        if (link.target.startsWith("/")) {
          stack.subList(1, stack.size()).clear();
        }
        continue;
      }
      if (last) {
        if (trailingSlash && !(child.inode() instanceof DirectoryInode)) {
          throw new FsException(Errno.ENOTDIR, path);
        }
        return new Resolved(dir, name, child, trailingSlash, inodes(stack, stack.size()));
      }
      stack.add(new Frame(name, child));
    }
    // The path ended at "/", "." or "..": the target is the directory reached.
    Frame top = stack.get(stack.size() - 1);
    Location parent = stack.size() > 1 ? stack.get(stack.size() - 2).location() : null;
    return new Resolved(parent, top.name(), top.location(), trailingSlash, inodes(stack, stack.size() - 1));
  }

  /** Splits {@code path} into components, dropping empty ones. */
  static List<String> components(String path) {
    List<String> out = new ArrayList<>();
    for (String part : path.split("/")) {
      if (!part.isEmpty()) {
        out.add(part);
      }
    }
    return out;
  }

  /**
   * {@code path} made absolute and lexically clean: no empty, {@code .} or {@code ..} components, no
   * trailing slash ({@code a//b/../c/} is {@code /a/c}).
   */
  static String normalize(String path) {
    ArrayList<String> out = new ArrayList<>();
    for (String part : components(path)) {
      if (part.equals("..")) {
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
      } else if (!part.equals(".")) {
        out.add(part);
      }
    }
    return "/" + String.join("/", out);
  }

  private static void pushFront(ArrayDeque<String> pending, String path) {
    List<String> parts = components(path);
    for (int i = parts.size() - 1; i >= 0; i--) {
      pending.addFirst(parts.get(i));
    }
  }

  private static String namespacePath(List<Frame> stack, String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < stack.size(); i++) {
      out.append('/').append(stack.get(i).name());
    }
    return out.append('/').append(name).toString();
  }

  private static List<Inode> inodes(List<Frame> stack, int count) {
    List<Inode> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(stack.get(i).location().inode());
    }
    return out;
  }
}
