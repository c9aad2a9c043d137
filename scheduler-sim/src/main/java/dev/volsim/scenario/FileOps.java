package dev.volsim.scenario;

import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileSystemView;
import dev.volsim.core.world.FsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The file operations of {@code exec} and {@code admin} steps and of {@code onStart} behaviors,
 * acting on a file system as a user: {@code write}, {@code append}, {@code read}, {@code list},
 * {@code mkdir}, {@code remove}, {@code rename}, {@code chmod}, {@code chown}, {@code symlink},
 * {@code stat}.
 */
final class FileOps {
  private FileOps() {}

  /**
   * Carries out {@code op} with its (interpolated) arguments.
   *
   * @return what a reading operation saw, in words, or null
   * @throws FsException when the file system refuses
   * @throws IllegalArgumentException for a bad argument (a mode, a number)
   */
  static String apply(FileSystemView fs, String op, Map<String, String> a, Credentials as) {
    String path = a.get("path");
    switch (op) {
      case "write" -> {
        if (a.containsKey("size")) {
          fs.writeFiller(path, Long.parseLong(a.get("size")), as);
        } else {
          fs.write(path, a.get("content"), as);
        }
      }
      case "append" -> {
        if (a.containsKey("size")) {
          fs.appendFiller(path, Long.parseLong(a.get("size")), as);
        } else {
          fs.append(path, a.get("content"), as);
        }
      }
      case "read" -> {
        return "read " + quote(fs.readString(path, as));
      }
      case "list" -> {
        List<String> names = new ArrayList<>(fs.list(path, as));
        names.sort(null);
        return "listed " + names;
      }
      case "mkdir" -> fs.mkdir(path, as);
      case "remove" -> fs.remove(path, as);
      case "rename" -> fs.rename(a.get("from"), a.get("to"), as);
      case "chmod" -> fs.chmod(path, dev.volsim.core.world.Modes.parse(a.get("mode")), as);
      case "chown" -> fs.chown(path, Integer.parseInt(a.get("uid")), Integer.parseInt(a.get("gid")), as);
      case "symlink" -> fs.symlink(path, a.get("target"), as);
      case "stat" -> {
        dev.volsim.core.world.Stat st = fs.lstat(path, as);
        return "stat " + st.type().scenarioName() + " " + st.modeString() + " " + st.uid() + ":" + st.gid()
            + " size " + st.size();
      }
      default -> throw new IllegalStateException("op " + op);
    }
    return null;
  }

  static String quote(String s) {
    String t = s.length() > 40 ? s.substring(0, 40) + "..." : s;
    return "\"" + t.replace("\n", "\\n") + "\"";
  }
}
