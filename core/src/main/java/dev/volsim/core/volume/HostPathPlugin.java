package dev.volsim.core.volume;

import static com.google.common.base.Preconditions.checkArgument;

import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.CredentialsMapping;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.FileType;
import dev.volsim.core.world.FsException;
import dev.volsim.core.world.MountSource;
import dev.volsim.core.world.NodeDisk;
import dev.volsim.core.world.Stat;
import dev.volsim.model.core.Pod;
import dev.volsim.model.volume.HostPathType;
import dev.volsim.model.volume.HostPathVolumeSource;
import dev.volsim.model.volume.Volume;
import dev.volsim.model.volume.VolumeSource;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code kubernetes.io/host-path} (pkg/volume/hostpath/host_path.go): a file or directory of the node's
 * disk, checked against its {@code type} ({@code checkType}); {@code DirectoryOrCreate} makes a missing
 * directory 0755 and {@code FileOrCreate} a missing empty file 0644, both owned by root (the kubelet).
 * TearDown does nothing: the data lives as long as the node's disk.
 */
final class HostPathPlugin implements VolumePlugin {
  static final String NAME = "kubernetes.io/host-path";

  @Override
  public String pluginName() {
    return NAME;
  }

  @Override
  public boolean canSupport(VolumeSource source) {
    return source instanceof HostPathVolumeSource;
  }

  @Override
  public Mounter newMounter(Pod pod, Volume volume) {
    checkArgument(volume.source() instanceof HostPathVolumeSource, "not a hostPath: %s", volume.name());
    HostPathVolumeSource source = (HostPathVolumeSource) volume.source();
    String path = NodeDisk.podVolumeDirectory(pod.metadata().uid(), NAME, volume.name());
    return new Mounter() {
      @Override
      public String path() {
        return path;
      }

      @Override
      public VolumeAttributes attributes() {
        return new VolumeAttributes(false, false, false);
      }

      @Override
      public MountSource setUp(NodeContext node) {
        String hostPath = source.path();
        if (Arrays.asList(hostPath.split("/")).contains("..")) {
          throw new VolumeSetUpException("invalid HostPath `" + hostPath + "`: must not contain '..'");
        }
        checkType(node.disk().root(), hostPath, source.type());
        FileTree disk = node.disk().root();
        return new MountSource(disk, hostPath, false, CredentialsMapping.IDENTITY, disk.fsType(), "/dev/root");
      }
    };
  }

  @Override
  public Unmounter newUnmounter(String podUid, String volumeName) {
    String path = NodeDisk.podVolumeDirectory(podUid, NAME, volumeName);
    return new Unmounter() {
      @Override
      public String path() {
        return path;
      }

      @Override
      public void tearDown(NodeContext node) {
        // host_path.go TearDown: "does nothing" -- the data belongs to the node.
      }
    };
  }

  /** {@code checkTypeInternal}: creates for the *OrCreate types, else checks the type. */
  static void checkType(FileTree disk, String path, HostPathType type) {
    Optional<Stat> stat = stat(disk, path);
    switch (type) {
      case UNSET -> { }
      case DIRECTORY_OR_CREATE -> {
        if (stat.isEmpty()) {
          try {
            disk.mkdirs(path, 0755, Credentials.ROOT);
          } catch (FsException e) {
            throw new VolumeSetUpException("mkdir " + path + ": " + goText(e));
          }
        } else if (stat.get().type() != FileType.DIRECTORY) {
          throw failed(path, "a directory");
        }
      }
      case DIRECTORY -> {
        if (stat.isEmpty() || stat.get().type() != FileType.DIRECTORY) {
          throw failed(path, "a directory");
        }
      }
      case FILE_OR_CREATE -> {
        if (stat.isEmpty()) {
          try {
            // os.OpenFile(path, os.O_CREATE, 0644): the parent must exist.
            disk.write(path, new byte[0], Credentials.ROOT);
            disk.chmod(path, 0644, Credentials.ROOT);
          } catch (FsException e) {
            throw new VolumeSetUpException("open " + path + ": " + goText(e));
          }
        } else if (stat.get().type() != FileType.REGULAR_FILE) {
          throw failed(path, "a file");
        }
      }
      case FILE -> requireType(stat, path, FileType.REGULAR_FILE, "a file");
      case SOCKET -> requireType(stat, path, FileType.SOCKET, "a socket file");
      case CHAR_DEVICE -> requireType(stat, path, FileType.CHAR_DEVICE, "a character device");
      case BLOCK_DEVICE -> requireType(stat, path, FileType.BLOCK_DEVICE, "a block device");
    }
  }

  private static void requireType(Optional<Stat> stat, String path, FileType type, String what) {
    if (stat.isEmpty() || stat.get().type() != type) {
      throw failed(path, what);
    }
  }

  private static VolumeSetUpException failed(String path, String what) {
    return new VolumeSetUpException("hostPath type check failed: " + path + " is not " + what);
  }

  private static Optional<Stat> stat(FileTree disk, String path) {
    try {
      return Optional.of(disk.stat(path, Credentials.ROOT));
    } catch (FsException e) {
      return Optional.empty();
    }
  }

  /** Go's syscall error text: the Linux message in lower case ({@code no such file or directory}). */
  static String goText(FsException e) {
    String m = e.errno().message();
    return Character.toLowerCase(m.charAt(0)) + m.substring(1);
  }
}
