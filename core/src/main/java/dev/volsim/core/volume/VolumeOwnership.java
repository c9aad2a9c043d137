package dev.volsim.core.volume;

import static java.util.Objects.requireNonNull;

import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.FileType;
import dev.volsim.core.world.FsException;
import dev.volsim.core.world.Modes;
import dev.volsim.core.world.MountSource;
import dev.volsim.core.world.Stat;
import java.util.List;

/**
 * What the kubelet does to a volume of a Pod with {@code securityContext.fsGroup} after SetUp
 * (upstream {@code pkg/volume/volume_linux.go}, {@code SetVolumeOwnership}): every file and directory
 * gets the group fsGroup; files gain group read-write ({@code 0660}, {@code 0440} on a read-only
 * volume), directories also group search and set-group-ID, so files made later belong to fsGroup.
 * Symlinks change group only. With {@code fsGroupChangePolicy: OnRootMismatch} nothing is done when
 * the volume's root already has that group and those bits. Failures on single files are ignored,
 * as upstream only logs them.
 *
 * <p>Which volumes get it is the plugin's choice ({@link #supportedBy}): emptyDir, gitRepo, the
 * projected family, local, block-device plugins; never hostPath or network file systems.
 */
public final class VolumeOwnership {
  /** {@code rwMask}. */
  static final int RW_MASK = 0660;
  /** {@code roMask}. */
  static final int RO_MASK = 0440;
  /** {@code execMask}. */
  static final int EXEC_MASK = 0110;

  private VolumeOwnership() {}

  /**
   * Whether the plugin of this name manages ownership (calls {@code SetVolumeOwnership} in its
   * SetUp). CSI volumes depend on the driver's fsGroupPolicy and are decided by the caller.
   */
  public static boolean supportedBy(String pluginName) {
    return switch (pluginName) {
      case "kubernetes.io/empty-dir", "kubernetes.io/git-repo", "kubernetes.io/configmap", "kubernetes.io/secret",
          "kubernetes.io/downward-api", "kubernetes.io/projected", "kubernetes.io/local-volume", "kubernetes.io/rbd",
          "kubernetes.io/iscsi", "kubernetes.io/fc" -> true;
      default -> false;
    };
  }

  /**
   * Applies fsGroup to the mounted directory of {@code source}.
   *
   * @param readOnly whether the volume is mounted read-only (group read instead of read-write)
   * @param onRootMismatch {@code fsGroupChangePolicy: OnRootMismatch}
   */
  public static void apply(MountSource source, long fsGroup, boolean readOnly, boolean onRootMismatch) {
    requireNonNull(source, "source is null");
    FileTree tree = source.tree();
    if (tree.isReadOnly() || source.readOnly()) {
      return; // chown on a read-only file system fails file by file; upstream logs and goes on
    }
    int gid = Math.toIntExact(fsGroup);
    String root = source.subPath();
    if (onRootMismatch && !requiresPermissionChange(tree, root, gid, readOnly)) {
      return;
    }
    walk(tree, root, gid, readOnly);
  }

  /**
   * Applies fsGroup to a configMap, secret, downwardAPI or projected volume: upstream's SetUpAt
   * passes {@code SetVolumeOwnership} to the atomic writer as its post-write hook, with the
   * plugin's {@code ReadOnly: true} attribute (so files get group read, {@code 0440}) and no
   * {@code fsGroupChangePolicy}. The volume is read-only to containers only: the kubelet writes it,
   * so unlike a read-only mounted file system its ownership does change.
   *
   * @param source the volume as SetUp returned it (read-only for containers)
   */
  public static void applyToProjection(MountSource source, long fsGroup) {
    requireNonNull(source, "source is null");
    if (source.tree().isReadOnly()) {
      return;
    }
    walk(source.tree(), source.subPath(), Math.toIntExact(fsGroup), true);
  }

  /** Whether the plugin of this name writes its volume with the atomic writer (configMap, secret, downwardAPI, projected). */
  public static boolean isProjection(String pluginName) {
    return switch (pluginName) {
      case "kubernetes.io/configmap", "kubernetes.io/secret", "kubernetes.io/downward-api",
          "kubernetes.io/projected" -> true;
      default -> false;
    };
  }

  private static boolean requiresPermissionChange(FileTree tree, String root, int gid, boolean readOnly) {
    Stat st;
    try {
      st = tree.stat(root, Credentials.ROOT);
    } catch (FsException e) {
      return true;
    }
    if (st.gid() != gid || st.type() != FileType.DIRECTORY) {
      return true;
    }
    int wanted = (readOnly ? RO_MASK : RW_MASK) | EXEC_MASK;
    return (st.mode() & wanted) != wanted || (st.mode() & Modes.S_ISGID) == 0;
  }

  /** Children first, then the directory itself ({@code walkDeep}). */
  private static void walk(FileTree tree, String path, int gid, boolean readOnly) {
    Stat st;
    try {
      st = tree.lstat(path, Credentials.ROOT);
    } catch (FsException e) {
      return;
    }
    if (st.type() == FileType.DIRECTORY) {
      List<String> names;
      try {
        names = tree.list(path, Credentials.ROOT);
      } catch (FsException e) {
        names = List.of();
      }
      for (String name : names) {
        walk(tree, path.equals("/") ? "/" + name : path + "/" + name, gid, readOnly);
      }
    }
    change(tree, path, st, gid, readOnly);
  }

  private static void change(FileTree tree, String path, Stat st, int gid, boolean readOnly) {
    try {
      tree.lchown(path, -1, gid, Credentials.ROOT);
    } catch (FsException e) {
      // upstream: "Lchown failed", logged only
    }
    if (st.type() == FileType.SYMLINK) {
      return; // chmod would follow it and change the target's mode
    }
    int mask = readOnly ? RO_MASK : RW_MASK;
    if (st.type() == FileType.DIRECTORY) {
      mask |= Modes.S_ISGID | EXEC_MASK;
    }
    try {
      // lchown cleared set-id bits of a regular file; the mode read before is what upstream re-applies
      tree.chmod(path, (st.mode() | mask) & 07777, Credentials.ROOT);
    } catch (FsException e) {
      // upstream: "chmod failed", logged only
    }
  }
}
