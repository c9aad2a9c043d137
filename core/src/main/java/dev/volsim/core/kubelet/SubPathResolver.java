package dev.volsim.core.kubelet;

import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileSystemView;
import dev.volsim.core.world.FileType;
import dev.volsim.core.world.FsException;
import dev.volsim.core.world.MountOptions;
import dev.volsim.core.world.MountNamespace;
import dev.volsim.core.world.MountSource;
import dev.volsim.core.world.Stat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Where a volumeMount's {@code subPath} really is, as the kubelet finds it before the bind mount
 * (pkg/volume/util/subpath/subpath_linux.go): symlinks in it are followed as the kubelet, in the
 * node's namespace, would follow them ({@code filepath.EvalSymlinks}), and the result must stay
 * within the volume ({@code PathWithinBase}). A symlink that a container planted to leave the
 * volume ({@code ln -s /bin sub}, {@code ln -s ../ sub}) is refused, as upstream's
 * {@code safeOpenSubPath} does (the e2e subPath tests "should fail if subpath ... is outside the
 * volume"). A subPath that does not exist yet resolves as far as it exists; the rest is to be made.
 */
final class SubPathResolver {
  /** Linux's limit of symlinks followed in one lookup ({@code MAXSYMLINKS}), then ELOOP. */
  private static final int MAX_SYMLINKS = 40;

  /** The outcome: a path inside the volume (relative to its root), or the volume was left. */
  record Resolved(String relativePath, boolean outside, boolean exists) {}

  private SubPathResolver() {}

  /**
   * Resolves {@code sub} within {@code volume}.
   *
   * @param volumeHostPath where the volume's root lies in the node's namespace (an absolute
   *     symlink target inside it stays in the volume), or null when unknown
   * @param host the node's namespace, to tell whether an outside target exists
   */
  static Resolved resolve(MountSource volume, String sub, String volumeHostPath, FileSystemView host) {
    FileSystemView tree = MountNamespace.create(volume.tree().asMountSource(), MountOptions.READ_WRITE);
    String base = volume.subPath().equals("/") ? "" : volume.subPath();
    Deque<String> todo = new ArrayDeque<>(components(sub));
    List<String> done = new ArrayList<>();
    int links = 0;
    while (!todo.isEmpty()) {
      String name = todo.pollFirst();
      if (name.equals(".")) {
        continue;
      }
      if (name.equals("..")) {
        if (done.isEmpty()) {
          return new Resolved(null, true, true); // the volume's parent: there, but not the volume
        }
        done.remove(done.size() - 1);
        continue;
      }
      done.add(name);
      String path = base + "/" + String.join("/", done);
      Stat st;
      try {
        st = tree.lstat(path, Credentials.ROOT);
      } catch (FsException e) {
        done.addAll(todo); // the rest does not exist yet; nothing below can lead elsewhere
        return new Resolved(String.join("/", done), false, false);
      }
      if (st.type() != FileType.SYMLINK) {
        continue;
      }
      if (++links > MAX_SYMLINKS) {
        return new Resolved(null, true, false);
      }
      done.remove(done.size() - 1);
      String target = tree.readlink(path, Credentials.ROOT);
      List<String> rest = new ArrayList<>(components(target));
      if (target.startsWith("/")) {
        String inside = within(target, volumeHostPath);
        if (inside == null) {
          List<String> all = new ArrayList<>(rest);
          all.addAll(todo);
          return new Resolved(null, true, exists(host, "/" + String.join("/", all)));
        }
        done.clear();
        rest = new ArrayList<>(components(inside));
      }
      for (int i = rest.size() - 1; i >= 0; i--) {
        todo.addFirst(rest.get(i));
      }
    }
    return new Resolved(String.join("/", done), false, true);
  }

  /** The part of absolute {@code target} below {@code root}, or null when it is not below it. */
  private static String within(String target, String root) {
    if (root == null) {
      return null;
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String c : components(target)) {
      if (c.equals("..")) {
        parts.pollLast();
      } else if (!c.equals(".")) {
        parts.addLast(c);
      }
    }
    String t = "/" + String.join("/", parts);
    if (t.equals(root)) {
      return "";
    }
    return t.startsWith(root + "/") ? t.substring(root.length() + 1) : null;
  }

  private static boolean exists(FileSystemView host, String path) {
    try {
      return host != null && host.exists(path, Credentials.ROOT);
    } catch (FsException e) {
      return false;
    }
  }

  private static List<String> components(String path) {
    return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
  }
}
