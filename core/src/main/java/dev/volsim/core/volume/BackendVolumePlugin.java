package dev.volsim.core.volume;

import dev.volsim.core.world.MountSource;

/**
 * An in-tree plugin whose volumes keep their data in the cluster's world rather than in the Pod:
 * network block devices ({@code kubernetes.io/rbd}, {@code kubernetes.io/iscsi}, {@code kubernetes.io/fc}),
 * shared file systems ({@code kubernetes.io/cephfs}, {@code kubernetes.io/glusterfs}) and local
 * PersistentVolumes ({@code kubernetes.io/local-volume}). Unlike {@link VolumePlugin} it handles a
 * PersistentVolume's source as well as a Pod's, and it is built with the
 * {@link dev.volsim.core.world.ClusterWorld} that holds the storage. {@link BackendVolumePlugins}
 * lists those a Kubernetes release has.
 */
public interface BackendVolumePlugin {
  /** {@code kubernetes.io/rbd}, ... */
  String pluginName();

  /** Whether this plugin handles {@code source}, a Pod volume's or a PersistentVolume's source. */
  boolean canSupport(Object source);

  /** Whether upstream's plugin is an {@code AttachableVolumePlugin} (the attach/detach controller attaches it). */
  boolean isAttachable();

  /** Whether upstream's plugin is a {@code DeviceMountableVolumePlugin} (a global MountDevice per node). */
  boolean isDeviceMountable();

  /**
   * Upstream's {@code GetVolumeName}: what follows {@code <pluginName>/} in the unique name of an
   * attachable or device-mountable volume ({@code rbd:foo} for an RBD image).
   *
   * @param specName the Pod volume's name, or the PersistentVolume's
   */
  String volumeName(Object source, String specName);

  /**
   * The volume of one Pod.
   *
   * @param specName the Pod volume's name, or the PersistentVolume's (names the per-Pod directory)
   * @throws IllegalArgumentException if {@link #canSupport} is false for {@code source}
   */
  BackendVolume newVolume(String podUid, String podName, String specName, Object source);

  /** Upstream's mounter and device mounter of one volume for one Pod. */
  interface BackendVolume {
    /**
     * {@code WaitForAttach} then {@code MountDevice}: makes the device appear on the node (map, log
     * in), formats it if blank and mounts it at the node-wide global path. A no-op for plugins that
     * are not device-mountable, and when already mounted.
     *
     * @throws VolumeSetUpException with upstream's message
     */
    void mountDevice(NodeContext node);

    /**
     * {@code SetUp}: the per-Pod mount (a bind mount of the global mount, or a network mount), what
     * containers mount.
     *
     * @throws VolumeSetUpException with upstream's message
     */
    MountSource setUp(NodeContext node);

    /** {@code TearDown}: unmounts the per-Pod path; the data stays in the backend. */
    void tearDown(NodeContext node);

    /** {@code UnmountDevice}: unmounts the global path (and unmaps or logs out). */
    void unmountDevice(NodeContext node);
  }
}
