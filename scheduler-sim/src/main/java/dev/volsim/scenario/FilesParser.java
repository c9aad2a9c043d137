package dev.volsim.scenario;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.world.FileSpec;
import dev.volsim.core.world.FileType;
import dev.volsim.core.world.Modes;
import dev.volsim.model.Quantity;
import dev.volsim.model.io.YNode;
import dev.volsim.model.io.YNode.Entry;
import dev.volsim.model.io.YNode.YList;
import dev.volsim.model.io.YNode.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads {@code files:} lists of the {@code cluster} section (a node's disk, an NFS export, a git
 * commit, a disk): {@code {path, content | size, mode: "0644", uid, gid, type, target}}, every
 * problem reported at its {@code file:line:col}.
 */
final class FilesParser {
  private static final List<String> KEYS = List.of("path", "content", "size", "mode", "uid", "gid", "type", "target");
  private static final int MAX_ID = Integer.MAX_VALUE;

  /** Whether paths must be absolute (a node's disk), relative (an export, a commit) or either. */
  enum Paths { ABSOLUTE, RELATIVE, EITHER }

  private final ScenarioErrors errors;

  FilesParser(ScenarioErrors errors) {
    this.errors = errors;
  }

  /** The files of the list, or what of them is valid (problems reported). */
  ImmutableList<FileSpec> parse(YNode node, String where, Paths paths) {
    YList list = Nodes.list(node, where, errors);
    if (list == null) {
      return ImmutableList.of();
    }
    List<FileSpec> out = new ArrayList<>();
    TreeSet<String> seen = new TreeSet<>();
    for (int i = 0; i < list.items().size(); i++) {
      YNode item = list.items().get(i);
      FileSpec f = file(item, where + "[" + i + "]", paths);
      if (f == null) {
        continue;
      }
      String key = f.path().replaceAll("/+$", "").replaceAll("^/+", "");
      if (!seen.add(key)) {
        errors.add(item, where + "[" + i + "].path: Duplicate value: \"" + f.path() + "\"");
      } else {
        out.add(f);
      }
    }
    return ImmutableList.copyOf(out);
  }

  private FileSpec file(YNode node, String where, Paths paths) {
    YMap map = Nodes.map(node, where, errors);
    if (map == null) {
      return null;
    }
    int before = errors.list().size();
    Map<String, Entry> e = Nodes.entries(map, where, KEYS, errors);
    if (!Nodes.require(e, "path", map, where, errors)) {
      return null;
    }
    String path = Nodes.nonEmptyString(e.get("path").value(), where + ".path", errors);
    if (path != null) {
      checkPath(e.get("path").value(), where + ".path", path, paths);
    }
    FileType type = FileType.REGULAR_FILE;
    if (e.containsKey("type")) {
      String t = Nodes.string(e.get("type").value(), where + ".type", errors);
      if (t != null) {
        try {
          type = FileType.fromScenarioName(t);
        } catch (IllegalArgumentException ex) {
          errors.add(e.get("type").value(), where + ".type: Unsupported value: \"" + t + "\": supported values: "
              + "\"file\", \"directory\", \"symlink\", \"socket\", \"charDevice\", \"blockDevice\"");
        }
      }
    }
    String content = e.containsKey("content") ? Nodes.string(e.get("content").value(), where + ".content", errors) : null;
    long size = -1;
    if (e.containsKey("size")) {
      size = bytes(e.get("size").value(), where + ".size", errors).orElse(-1L);
    }
    if (e.containsKey("content") && e.containsKey("size")) {
      errors.add(e.get("size").keyLocation(), where + " takes content or size, not both");
    }
    if (type != FileType.REGULAR_FILE) {
      for (String k : List.of("content", "size")) {
        if (e.containsKey(k)) {
          errors.add(e.get(k).keyLocation(), where + "." + k + " belongs with a regular file, not type "
              + type.scenarioName());
        }
      }
    }
    String target = null;
    if (e.containsKey("target")) {
      target = Nodes.nonEmptyString(e.get("target").value(), where + ".target", errors);
      if (type != FileType.SYMLINK) {
        errors.add(e.get("target").keyLocation(), where + ".target belongs with type symlink");
      }
    } else if (type == FileType.SYMLINK) {
      errors.add(map, where + ".target is required for a symlink");
    }
    int mode = e.containsKey("mode") ? mode(e.get("mode").value(), where + ".mode", errors) : -1;
    int uid = e.containsKey("uid") ? id(e.get("uid").value(), where + ".uid") : 0;
    int gid = e.containsKey("gid") ? id(e.get("gid").value(), where + ".gid") : 0;
    if (errors.list().size() > before || path == null) {
      return null;
    }
    if (content == null && size < 0 && type == FileType.REGULAR_FILE) {
      content = "";
    }
    return new FileSpec(path, type, content, content != null ? -1 : size, mode, uid, gid, target);
  }

  private void checkPath(YNode node, String where, String path, Paths paths) {
    if (paths == Paths.ABSOLUTE && !path.startsWith("/")) {
      errors.add(node, where + ": must be an absolute path, got \"" + path + "\"");
    } else if (paths == Paths.RELATIVE && path.startsWith("/")) {
      errors.add(node, where + ": must be a relative path, got \"" + path + "\"");
    }
    for (String part : path.split("/")) {
      if (part.equals("..")) {
        errors.add(node, where + ": must not contain '..', got \"" + path + "\"");
        return;
      }
    }
  }

  private int id(YNode node, String where) {
    Long v = Nodes.integer(node, where, 0, MAX_ID, errors);
    return v == null ? 0 : v.intValue();
  }

  /** An octal mode written as a string ({@code "0644"}); -1 (reported) when it is not one. */
  static int mode(YNode node, String where, ScenarioErrors errors) {
    String text = Nodes.string(node, where, errors);
    if (text == null) {
      return -1;
    }
    try {
      return Modes.parse(text);
    } catch (IllegalArgumentException ex) {
      errors.add(node, where + " must be octal, as \"0644\": " + ex.getMessage());
      return -1;
    }
  }

  /** A size in bytes written as a quantity ({@code 10Gi}), empty (reported) when it is not one. */
  static Optional<Long> bytes(YNode node, String where, ScenarioErrors errors) {
    String text = Nodes.string(node, where, errors);
    if (text == null) {
      return Optional.empty();
    }
    Optional<Quantity> q = Quantity.tryParse(text);
    if (q.isEmpty() || q.get().signum() < 0) {
      errors.add(node, where + " must be a quantity such as 10Gi, got \"" + text + "\"");
      return Optional.empty();
    }
    return Optional.of(q.get().longValueCeil());
  }
}
