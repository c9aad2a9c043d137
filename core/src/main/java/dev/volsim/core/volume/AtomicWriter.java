package dev.volsim.core.volume;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileSystemView;
import dev.volsim.core.world.FileType;
import dev.volsim.core.world.FsException;
import dev.volsim.core.world.Stat;
import dev.volsim.model.Bytes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * pkg/volume/util/atomic_writer.go: writes a payload into a target directory so that readers see either
 * the old or the new set of files, never a mix. The data lives in a hidden directory
 * {@code ..<yyyy_MM_dd_HH_mm_ss>.<n>}; the symlink {@code ..data} points at it; each user-visible
 * top-level entry is a symlink {@code <name> -> ..data/<name>}. An update writes a new timestamped
 * directory, points {@code ..data_tmp} at it, renames {@code ..data_tmp} onto {@code ..data} (the atomic
 * step), then removes entries no longer in the payload and the old directory. The timestamp is the
 * virtual time; {@code <n>} (upstream: random, from {@code os.MkdirTemp}) is derived from the time and
 * the target so that runs repeat byte for byte.
 */
public final class AtomicWriter {
  static final String DATA_DIR_NAME = "..data";
  static final String NEW_DATA_DIR_NAME = "..data_tmp";
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy_MM_dd_HH_mm_ss")
      .withZone(ZoneOffset.UTC);

  private final FileSystemView view;
  private final String targetDir;
  private final Credentials as;

  /** A writer for {@code targetDir} of {@code view}, writing as {@code as} (the kubelet: root). */
  public AtomicWriter(FileSystemView view, String targetDir, Credentials as) {
    this.view = requireNonNull(view, "view is null");
    this.targetDir = requireNonNull(targetDir, "targetDir is null");
    this.as = requireNonNull(as, "as is null");
  }

  /**
   * Writes {@code payload} (relative path to file), replacing the previous payload atomically; does
   * nothing when the content and modes are unchanged.
   *
   * @return whether anything was written
   * @throws IllegalArgumentException for an absolute path, a {@code ..} element or a leading {@code ..}
   * @throws FsException if the file system refuses (full, read-only)
   */
  public boolean write(Map<String, FileProjection> payload, long nowMicros) {
    SortedMap<String, FileProjection> clean = new TreeMap<>();
    payload.forEach((path, file) -> clean.put(validate(path), file));
    String dataLink = targetDir + "/" + DATA_DIR_NAME;
    String oldTsDir = null;
    if (view.exists(targetDir, as) && exists(dataLink)) {
      oldTsDir = view.readlink(dataLink, as);
      if (!shouldWrite(clean, targetDir + "/" + oldTsDir)) {
        return false;
      }
    }
    String tsDir = newTsDirName(nowMicros);
    String tsPath = targetDir + "/" + tsDir;
    view.mkdir(tsPath, 0755, as);
    for (Map.Entry<String, FileProjection> e : clean.entrySet()) {
      String file = tsPath + "/" + e.getKey();
      String parent = file.substring(0, file.lastIndexOf('/'));
      view.mkdirs(parent, 0755, as);
      view.write(file, e.getValue().data().toArray(), as);
      view.chmod(file, e.getValue().mode(), as);
    }
    String tmpLink = targetDir + "/" + NEW_DATA_DIR_NAME;
    if (exists(tmpLink)) {
      view.remove(tmpLink, as);
    }
    view.symlink(tmpLink, tsDir, as);
    view.rename(tmpLink, dataLink, as);
    TreeSet<String> newTop = new TreeSet<>();
    for (String path : clean.keySet()) {
      newTop.add(path.split("/")[0]);
    }
    for (String name : newTop) {
      String link = targetDir + "/" + name;
      if (!exists(link)) {
        view.symlink(link, DATA_DIR_NAME + "/" + name, as);
      }
    }
    for (String name : view.list(targetDir, as)) {
      if (!name.startsWith("..") && !newTop.contains(name)) {
        view.remove(targetDir + "/" + name, as);
      }
    }
    if (oldTsDir != null && !oldTsDir.equals(tsDir)) {
      view.removeAll(targetDir + "/" + oldTsDir, as);
    }
    return true;
  }

  /** The directory {@code ..data} points at now, if any. */
  public Optional<String> currentDataDirectory() {
    String dataLink = targetDir + "/" + DATA_DIR_NAME;
    return exists(dataLink) ? Optional.of(view.readlink(dataLink, as)) : Optional.empty();
  }

  private boolean shouldWrite(SortedMap<String, FileProjection> payload, String oldDir) {
    TreeMap<String, FileProjection> old = new TreeMap<>();
    collect(oldDir, "", old);
    if (!old.keySet().equals(payload.keySet())) {
      return true;
    }
    for (Map.Entry<String, FileProjection> e : payload.entrySet()) {
      FileProjection was = old.get(e.getKey());
      if (was.mode() != e.getValue().mode() || !was.data().equals(e.getValue().data())) {
        return true;
      }
    }
    return false;
  }

  private void collect(String dir, String prefix, Map<String, FileProjection> out) {
    for (String name : view.list(dir, as)) {
      String path = dir + "/" + name;
      Stat stat = view.lstat(path, as);
      if (stat.type() == FileType.DIRECTORY) {
        collect(path, prefix + name + "/", out);
      } else {
        out.put(prefix + name, new FileProjection(Bytes.of(view.read(path, as)), stat.mode() & 0777));
      }
    }
  }

  private String newTsDirName(long nowMicros) {
    Instant now = Instant.ofEpochSecond(Math.floorDiv(nowMicros, 1_000_000L));
    String prefix = ".." + TS.format(now) + ".";
    long n = Integer.toUnsignedLong((targetDir + "@" + nowMicros).hashCode());
    while (true) {
      String name = prefix + n;
      if (!exists(targetDir + "/" + name)) {
        return name;
      }
      n = (n * 31 + 7) & 0xffffffffL;
    }
  }

  private boolean exists(String path) {
    try {
      view.lstat(path, as);
      return true;
    } catch (FsException e) {
      return false;
    }
  }

  /** {@code validatePath}: relative, no {@code ..} element, not starting with {@code ..}. */
  static String validate(String path) {
    checkArgument(!path.isEmpty(), "invalid path: must not be empty");
    checkArgument(!path.startsWith("/"), "invalid path: must be relative path: %s", path);
    checkArgument(!path.startsWith(".."), "invalid path: must not start with '..': %s", path);
    checkArgument(!Arrays.asList(path.split("/")).contains(".."), "invalid path: must not contain '..': %s", path);
    return path;
  }
}
