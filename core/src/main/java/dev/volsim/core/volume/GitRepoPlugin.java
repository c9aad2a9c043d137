package dev.volsim.core.volume;

import static com.google.common.base.Preconditions.checkArgument;

import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.FsException;
import dev.volsim.core.world.GitException;
import dev.volsim.core.world.GitServer;
import dev.volsim.core.world.MountSource;
import dev.volsim.core.world.NodeDisk;
import dev.volsim.model.core.Pod;
import dev.volsim.model.volume.GitRepoVolumeSource;
import dev.volsim.model.volume.Volume;
import dev.volsim.model.volume.VolumeSource;

/**
 * {@code kubernetes.io/git-repo} (pkg/volume/git_repo/git_repo.go): an emptyDir on the node's disk into
 * which {@code git clone -- <repository> [<directory>]} runs once, then {@code git checkout <revision>}
 * and {@code git reset --hard}. Never synced again; deleted with the Pod. Needs git on the node and the
 * {@code GitRepoVolumeDriver} feature gate (off by default from 1.33).
 */
final class GitRepoPlugin implements VolumePlugin {
  static final String NAME = "kubernetes.io/git-repo";
  static final String FEATURE_GATE = "GitRepoVolumeDriver";

  @Override
  public String pluginName() {
    return NAME;
  }

  @Override
  public boolean canSupport(VolumeSource source) {
    return source instanceof GitRepoVolumeSource;
  }

  @Override
  public Mounter newMounter(Pod pod, Volume volume) {
    checkArgument(volume.source() instanceof GitRepoVolumeSource, "not a gitRepo: %s", volume.name());
    GitRepoVolumeSource source = (GitRepoVolumeSource) volume.source();
    String path = NodeDisk.podVolumeDirectory(pod.metadata().uid(), NAME, volume.name());
    return new Mounter() {
      @Override
      public String path() {
        return path;
      }

      @Override
      public VolumeAttributes attributes() {
        return VolumeAttributes.WRITABLE;
      }

      @Override
      public MountSource setUp(NodeContext node) {
        if (!node.featureGate(FEATURE_GATE)) {
          throw new VolumeSetUpException("git-repo volume plugin has been disabled; if necessary, it may be"
              + " re-enabled by enabling the feature-gate " + FEATURE_GATE);
        }
        return GitRepoPlugin.setUp(node, path, source);
      }
    };
  }

  @Override
  public Unmounter newUnmounter(String podUid, String volumeName) {
    return EmptyDirPlugin.unmounter(NodeDisk.podVolumeDirectory(podUid, NAME, volumeName));
  }

  static MountSource setUp(NodeContext node, String path, GitRepoVolumeSource source) {
    String repository = nullToEmpty(source.repository());
    String revision = nullToEmpty(source.revision());
    String directory = nullToEmpty(source.directory());
    validate(repository, "repository");
    validate(revision, "revision");
    validate(directory, "directory");
    FileTree disk = node.disk().root();
    // The ready marker (plugins/kubernetes.io~git-repo/<name>/ready): SetUp runs once per Pod.
    String ready = readyMarker(path);
    if (disk.exists(ready, Credentials.ROOT)) {
      return EmptyDirPlugin.setUpOnDisk(node, path);
    }
    MountSource volume = EmptyDirPlugin.setUpOnDisk(node, path);
    String cloneArgs = "clone -- " + repository + (directory.isEmpty() ? "" : " " + directory);
    if (!node.hasPackage("git")) {
      throw execFailed(cloneArgs, "", "exec: \"git\": executable file not found in $PATH");
    }
    // The repository as the cluster's world has it: declared, or (strict off) an empty one.
    GitServer server = node.world().gitRepository(repository).isPresent() ? node.world().git() : null;
    // Without a directory, git clones into a directory named after the repository.
    String target = directory.isEmpty() ? path + "/" + humanishName(repository)
        : directory.equals(".") || directory.equals("./") ? path : path + "/" + directory;
    try {
      if (server == null) {
        throw new GitException("fatal: repository '" + repository + "' not found");
      }
      server.resolve(repository, null);
    } catch (GitException e) {
      throw execFailed(cloneArgs, e.getMessage() + "\n", "exit status 128");
    }
    if (!revision.isEmpty()) {
      try {
        server.resolve(repository, revision);
      } catch (GitException e) {
        throw execFailed("checkout " + revision, e.getMessage() + "\n", "exit status 1");
      }
    }
    try {
      server.cloneInto(repository, revision.isEmpty() ? null : revision, disk, target, Credentials.ROOT);
    } catch (GitException e) {
      throw execFailed(cloneArgs, e.getMessage() + "\n", "exit status 128");
    } catch (FsException e) {
      throw execFailed(cloneArgs, "fatal: could not create work tree dir '" + target + "': "
          + e.errno().message() + "\n", "exit status 128");
    }
    disk.mkdirs(ready.substring(0, ready.lastIndexOf('/')), 0750, Credentials.ROOT);
    disk.write(ready, new byte[0], Credentials.ROOT);
    return volume;
  }

  static String readyMarker(String volumePath) {
    // pods/<uid>/volumes/<plugin>/<name> -> pods/<uid>/plugins/<plugin>/<name>/ready
    return volumePath.replace("/volumes/", "/plugins/") + "/ready";
  }

  /** git's "humanish" directory name: the last path component without {@code .git}. */
  static String humanishName(String repository) {
    String s = repository;
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    s = s.substring(s.lastIndexOf('/') + 1);
    if (s.contains(":")) {
      s = s.substring(s.lastIndexOf(':') + 1);
    }
    return s.endsWith(".git") ? s.substring(0, s.length() - 4) : s;
  }

  private static void validate(String value, String field) {
    if (value.startsWith("-")) {
      throw new VolumeSetUpException("\"" + value + "\" is an invalid value for " + field);
    }
  }

  /** git_repo.go {@code execCommand}'s error: {@code failed to exec 'git %s': %s: %v}. */
  static VolumeSetUpException execFailed(String args, String output, String error) {
    return new VolumeSetUpException("failed to exec 'git " + args + "': " + output + ": " + error);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
