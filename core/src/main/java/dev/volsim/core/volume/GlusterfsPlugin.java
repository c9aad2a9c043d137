package dev.volsim.core.volume;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.volsim.core.world.ClusterWorld;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.MountSource;
import dev.volsim.core.world.NodeDisk;
import dev.volsim.model.volume.GlusterfsPersistentVolumeSource;
import dev.volsim.model.volume.GlusterfsVolumeSource;

/**
 * {@code kubernetes.io/glusterfs} (pkg/volume/glusterfs/glusterfs.go, removed in 1.26): a GlusterFS
 * volume mounted by the FUSE client ({@code mount -t glusterfs}, package {@code glusterfs-client})
 * from the servers behind {@code endpoints} (the world's declared endpoints names, standing in for
 * the Endpoints object NewMounter reads). Not attachable; any number of Pods on any nodes share the
 * live tree (the world's {@code glusterfs:<path>}). TearDown only unmounts.
 */
final class GlusterfsPlugin implements BackendVolumePlugin {
  static final String NAME = "kubernetes.io/glusterfs";
  /** Packages that install {@code mount.glusterfs} (Debian/Ubuntu, RHEL/Fedora). */
  static final String GLUSTERFS_CLIENT = "glusterfs-client";
  static final String GLUSTERFS_FUSE = "glusterfs-fuse";

  private final ClusterWorld world;

  GlusterfsPlugin(ClusterWorld world) {
    this.world = requireNonNull(world, "world is null");
  }

  record Spec(String endpoints, String path, boolean readOnly) {
    static Spec of(Object source) {
      if (source instanceof GlusterfsVolumeSource g) {
        return new Spec(g.endpoints(), g.path(), g.readOnly());
      } else if (source instanceof GlusterfsPersistentVolumeSource g) {
        return new Spec(g.endpoints(), g.path(), g.readOnly());
      }
      throw new IllegalArgumentException("not a glusterfs volume: " + source);
    }
  }

  @Override
  public String pluginName() {
    return NAME;
  }

  @Override
  public boolean canSupport(Object source) {
    return source instanceof GlusterfsVolumeSource || source instanceof GlusterfsPersistentVolumeSource;
  }

  @Override
  public boolean isAttachable() {
    return false;
  }

  @Override
  public boolean isDeviceMountable() {
    return false;
  }

  @Override
  public String volumeName(Object source, String specName) {
    Spec s = Spec.of(source);
    return s.endpoints() + ":" + s.path();
  }

  @Override
  public BackendVolume newVolume(String podUid, String podName, String specName, Object source) {
    checkArgument(canSupport(source), "not a glusterfs volume: %s", specName);
    Spec spec = Spec.of(source);
    String podPath = NodeDisk.podVolumeDirectory(podUid, NAME, specName);
    return new BackendVolume() {
      @Override
      public void mountDevice(NodeContext node) {}

      @Override
      public MountSource setUp(NodeContext node) {
        if (node.volumeMounts().sourceAt(podPath).isPresent()) {
          return node.volumeMounts().sourceAt(podPath).get();
        }
        if (!world.glusterEndpoints(spec.endpoints())) {
          // NewMounter: the Endpoints lookup's error is returned as is.
          throw VolumeSetUpException.during("MountVolume.NewMounter initialization",
              "endpoints \"" + spec.endpoints() + "\" not found");
        }
        DeviceMounts.mkdirs(node, podPath);
        String host = spec.endpoints();
        String log = NodeDisk.KUBELET_ROOT + "/plugins/" + NAME + "/" + specName + "/" + podName + "-glusterfs.log";
        String src = host + ":" + spec.path();
        String arguments = "-t glusterfs -o " + (spec.readOnly() ? "ro," : "") + "auto_unmount,backup-volfile-servers="
            + host + ",log-file=" + log + ",log-level=ERROR " + src + " " + podPath;
        if (!node.hasPackage(GLUSTERFS_CLIENT) && !node.hasPackage(GLUSTERFS_FUSE)) {
          throw new VolumeSetUpException("mount failed: " + DeviceMounts.mountFailed(arguments, "mount: " + podPath
              + ": unknown filesystem type 'glusterfs'.").getMessage()
              + " the following error information was pulled from the glusterfs log to help diagnose this issue: "
              + "could not open log file for pod " + podName);
        }
        FileTree fs = world.sharedFileSystem("glusterfs:" + spec.path(), "fuse.glusterfs").orElseThrow(() ->
            new VolumeSetUpException("mount failed: " + DeviceMounts.mountFailed(arguments, "Mount failed. Please check the log file for"
                + " more details.").getMessage()
                + " the following error information was pulled from the glusterfs log to help diagnose this issue: "
                + "failed to fetch volume file (key:" + spec.path() + ")"));
        return SharedFileSystems.mount(node, podPath, fs, "/", spec.readOnly(), "fuse.glusterfs", src);
      }

      @Override
      public void tearDown(NodeContext node) {
        SharedFileSystems.unmount(node, podPath);
      }

      @Override
      public void unmountDevice(NodeContext node) {}
    };
  }
}
