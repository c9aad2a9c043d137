package dev.volsim.core.kubelet;

import static java.util.Objects.requireNonNull;

import dev.volsim.core.controller.PeriodicLoop;
import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.FileType;
import dev.volsim.core.world.FsException;
import dev.volsim.core.world.Mount;
import dev.volsim.core.world.NodeDisk;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The kubelet's housekeeping of Pod directories (pkg/kubelet/kubelet_volumes.go
 * {@code cleanupOrphanedPodDirs}, called from {@code HandlePodCleanups} every
 * {@code housekeepingPeriod}): a directory under {@code /var/lib/kubelet/pods} whose Pod the kubelet
 * no longer knows (gone from the API and with no container running) is removed once none of its
 * volumes is mounted any more; while one is ({@code podVolumesExist}: "Orphaned pod found, but
 * volumes are not cleaned up"), it stays and a later pass tries again. The volumes directory goes
 * only as empty directories ({@code removeOrphanedPodVolumeDirs} rmdirs, never deletes content);
 * a file left in it keeps the Pod's directory.
 *
 * <p>Cheap while idle: the loop runs on the 2 s grid only after a Pod went away and for as long as
 * an orphaned directory is left; with none, it sleeps. Its passes are background events, like the
 * heartbeat, so an orphan held by a volume that cannot be unmounted does not keep the engine busy.
 */
final class OrphanedPodDirs {
  /** {@code housekeepingPeriod} (pkg/kubelet/kubelet.go). */
  static final Duration HOUSEKEEPING_PERIOD = Duration.ofSeconds(2);
  private static final String PODS = NodeDisk.KUBELET_ROOT + "/pods";

  private final Kubelet kubelet;
  private final Supplier<Set<String>> knownPods;
  private final PeriodicLoop loop;

  /**
   * @param knownPods the uids of the Pods the kubelet knows: those of its node in its Pod cache
   *     ({@code podManager.GetPods}) and those with running containers ({@code runningPods})
   */
  OrphanedPodDirs(Kubelet kubelet, Supplier<Set<String>> knownPods) {
    this.kubelet = requireNonNull(kubelet, "kubelet is null");
    this.knownPods = requireNonNull(knownPods, "knownPods is null");
    this.loop = new PeriodicLoop(kubelet.ctx.engine(), "kubelet", "housekeeping", HOUSEKEEPING_PERIOD,
        this::cleanup).inBackground();
  }

  void start() {
    loop.start();
  }

  void stop() {
    loop.stop();
  }

  /** A Pod went away: the next housekeeping pass looks for its directory. */
  void wake() {
    loop.wake();
  }

  /** One pass; returns whether an orphaned directory is left (then the next pass comes 2 s later). */
  private boolean cleanup() {
    if (kubelet.stopped) {
      return false;
    }
    FileTree disk = kubelet.disk().root();
    if (!disk.exists(PODS, Credentials.ROOT)) {
      return false;
    }
    Set<String> known = knownPods.get();
    boolean left = false;
    for (String uid : disk.list(PODS, Credentials.ROOT)) {
      if (known.contains(uid)) {
        continue;
      }
      if (podVolumesExist(uid) || !removeOrphanedPodVolumeDirs(uid)) {
        left = true;
        continue;
      }
      // "Orphaned pod found, removing": the rest (containers/, plugins/, etc-hosts) on one file system.
      disk.removeAll(NodeDisk.podDirectory(uid), Credentials.ROOT);
    }
    return left;
  }

  /** {@code podVolumesExist}: a volume of the Pod still in the actual state, or a mount point below its directory. */
  private boolean podVolumesExist(String uid) {
    for (ActualStateOfWorld.AttachedVolume a : kubelet.volumeManager.asw.volumes.values()) {
      if (a.mountedPods.containsKey(uid)) {
        return true;
      }
    }
    String prefix = NodeDisk.podDirectory(uid) + "/";
    for (Mount m : kubelet.hostNamespace().mounts()) {
      if (m.path().startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code removeOrphanedPodVolumeDirs}: the volumes directory goes as a recursive rmdir; a regular
   * file (or anything but a directory) in it makes it fail and the Pod's directory stays.
   *
   * @return whether the volumes directory is gone
   */
  private boolean removeOrphanedPodVolumeDirs(String uid) {
    FileTree disk = kubelet.disk().root();
    String volumes = NodeDisk.podDirectory(uid) + "/volumes";
    if (!disk.exists(volumes, Credentials.ROOT)) {
      return true;
    }
    if (!onlyDirectories(disk, volumes)) {
      return false;
    }
    disk.removeAll(volumes, Credentials.ROOT);
    return true;
  }

  private static boolean onlyDirectories(FileTree disk, String dir) {
    try {
      if (disk.lstat(dir, Credentials.ROOT).type() != FileType.DIRECTORY) {
        return false;
      }
      List<String> names = disk.list(dir, Credentials.ROOT);
      for (String name : names) {
        if (!onlyDirectories(disk, dir + "/" + name)) {
          return false;
        }
      }
      return true;
    } catch (FsException e) {
      return false;
    }
  }
}
