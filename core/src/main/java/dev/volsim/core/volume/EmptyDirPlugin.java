package dev.volsim.core.volume;

import static com.google.common.base.Preconditions.checkArgument;

import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.CredentialsMapping;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.MountOptions;
import dev.volsim.core.world.MountSource;
import dev.volsim.core.world.NodeDisk;
import dev.volsim.core.world.Tmpfs;
import dev.volsim.model.Quantity;
import dev.volsim.model.core.Container;
import dev.volsim.model.core.Pod;
import dev.volsim.model.volume.EmptyDirVolumeSource;
import dev.volsim.model.volume.StorageMedium;
import dev.volsim.model.volume.Volume;
import dev.volsim.model.volume.VolumeSource;
import java.util.OptionalLong;

/**
 * {@code kubernetes.io/empty-dir} (pkg/volume/emptydir/empty_dir.go): a directory of mode 0777 on the
 * node's disk, or with {@code medium: Memory} a tmpfs sized by {@code calculateEmptyDirMemorySize}.
 * TearDown deletes it. Other plugins wrap it (gitRepo, configMap on disk; secret, projected in memory).
 */
final class EmptyDirPlugin implements VolumePlugin {
  static final String NAME = "kubernetes.io/empty-dir";
  /** empty_dir.go: {@code const perm os.FileMode = 0777}. */
  static final int PERM = 0777;

  @Override
  public String pluginName() {
    return NAME;
  }

  @Override
  public boolean canSupport(VolumeSource source) {
    return source instanceof EmptyDirVolumeSource;
  }

  @Override
  public Mounter newMounter(Pod pod, Volume volume) {
    checkArgument(volume.source() instanceof EmptyDirVolumeSource, "not an emptyDir: %s", volume.name());
    EmptyDirVolumeSource source = (EmptyDirVolumeSource) volume.source();
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
        StorageMedium medium = source.medium() == null ? StorageMedium.DEFAULT : source.medium();
        return switch (medium) {
          case DEFAULT -> setUpOnDisk(node, path);
          case MEMORY -> setUpInMemory(node, path, memorySize(node, pod, source.sizeLimit()));
          case HUGE_PAGES -> throw new VolumeSetUpException("medium " + medium.wire()
              + ": hugePages storage requested, but there is no resource request for huge pages");
        };
      }

      @Override
      public OptionalLong sizeLimitBytes() {
        Quantity limit = source.sizeLimit();
        return limit == null || limit.signum() <= 0 ? OptionalLong.empty() : OptionalLong.of(limit.longValueCeil());
      }
    };
  }

  @Override
  public Unmounter newUnmounter(String podUid, String volumeName) {
    return unmounter(NodeDisk.podVolumeDirectory(podUid, NAME, volumeName));
  }

  /** An unmounter that unmounts a tmpfs if one is there and deletes the directory. */
  static Unmounter unmounter(String path) {
    return new Unmounter() {
      @Override
      public String path() {
        return path;
      }

      @Override
      public void tearDown(NodeContext node) {
        tearDownDirectory(node, path);
      }
    };
  }

  /** The directory {@code path} on the node's disk, 0777, made once. */
  static MountSource setUpOnDisk(NodeContext node, String path) {
    FileTree disk = node.disk().root();
    if (!disk.exists(path, Credentials.ROOT)) {
      disk.mkdirs(path.substring(0, path.lastIndexOf('/')), 0750, Credentials.ROOT);
      disk.mkdir(path, PERM, Credentials.ROOT);
    }
    return new MountSource(disk, path, false, CredentialsMapping.IDENTITY, disk.fsType(), "/dev/root");
  }

  /** A tmpfs of {@code sizeBytes} (0: unlimited) mounted at {@code path}, made once. */
  static MountSource setUpInMemory(NodeContext node, String path, long sizeBytes) {
    var existing = node.volumeMounts().sourceAt(path);
    if (existing.isPresent()) {
      return existing.get();
    }
    FileTree disk = node.disk().root();
    if (!disk.exists(path, Credentials.ROOT)) {
      disk.mkdirs(path.substring(0, path.lastIndexOf('/')), 0750, Credentials.ROOT);
      disk.mkdir(path, PERM, Credentials.ROOT);
    }
    MountSource tmpfs = Tmpfs.create(sizeBytes, PERM).asMountSource();
    node.volumeMounts().mount(path, tmpfs, MountOptions.READ_WRITE);
    return tmpfs;
  }

  /** Unmounts what is mounted at {@code path} and removes the directory with its content. */
  static void tearDownDirectory(NodeContext node, String path) {
    node.volumeMounts().unmount(path);
    FileTree disk = node.disk().root();
    if (disk.exists(path, Credentials.ROOT)) {
      disk.removeAll(path, Credentials.ROOT);
    }
  }

  /**
   * {@code calculateEmptyDirMemorySize}: the smallest positive of the node's allocatable memory, the
   * Pod's memory limit and {@code sizeLimit}; 0 (no limit) when none is known.
   */
  static long memorySize(NodeContext node, Pod pod, Quantity sizeLimit) {
    long size = Long.MAX_VALUE;
    var allocatable = node.allocatable("memory");
    if (allocatable.isPresent() && allocatable.get().signum() > 0) {
      size = Math.min(size, allocatable.get().longValueCeil());
    }
    long podLimit = podMemoryLimit(pod);
    if (podLimit > 0) {
      size = Math.min(size, podLimit);
    }
    if (sizeLimit != null && sizeLimit.signum() > 0) {
      size = Math.min(size, sizeLimit.longValueCeil());
    }
    return size == Long.MAX_VALUE ? 0 : size;
  }

  /**
   * The Pod's memory limit: the sum of its containers' limits when every container has one, at least
   * the largest init container's; 0 when some container has none.
   */
  static long podMemoryLimit(Pod pod) {
    if (pod.spec() == null || pod.spec().containers().isEmpty()) {
      return 0;
    }
    long sum = 0;
    for (Container c : pod.spec().containers()) {
      long limit = memoryLimit(c);
      if (limit <= 0) {
        return 0;
      }
      sum += limit;
    }
    for (Container c : pod.spec().initContainers()) {
      sum = Math.max(sum, memoryLimit(c));
    }
    return sum;
  }

  private static long memoryLimit(Container c) {
    if (c.resources() == null) {
      return 0;
    }
    Quantity q = c.resources().limits().get("memory");
    return q == null ? 0 : q.longValueCeil();
  }
}
