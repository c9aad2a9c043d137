/**
 * In-tree volume plugins, named as Kubernetes names them ({@code kubernetes.io/empty-dir},
 * {@code kubernetes.io/host-path}, {@code kubernetes.io/nfs}, {@code kubernetes.io/git-repo},
 * {@code kubernetes.io/configmap}, {@code kubernetes.io/secret}, {@code kubernetes.io/downward-api},
 * {@code kubernetes.io/projected}). A {@link dev.volsim.core.volume.VolumePlugin} makes a
 * {@link dev.volsim.core.volume.Mounter} (upstream's {@code SetUp}) and an
 * {@link dev.volsim.core.volume.Unmounter} ({@code TearDown}) per Pod volume; they act on a
 * {@link dev.volsim.core.volume.NodeContext} and yield the {@link dev.volsim.core.world.MountSource}
 * containers mount. Failures are {@link dev.volsim.core.volume.VolumeSetUpException}s worded as the
 * kubelet words them. Configuration volumes are written by the {@link dev.volsim.core.volume.AtomicWriter}.
 *
 * <p>Plugins whose data lives in the cluster's world ({@code kubernetes.io/rbd}, {@code kubernetes.io/cephfs},
 * {@code kubernetes.io/glusterfs}, {@code kubernetes.io/iscsi}, {@code kubernetes.io/fc},
 * {@code kubernetes.io/local-volume}) are {@link dev.volsim.core.volume.BackendVolumePlugin}s, built over a
 * {@link dev.volsim.core.world.ClusterWorld} and listed per Kubernetes release by
 * {@link dev.volsim.core.volume.BackendVolumePlugins}; they handle PersistentVolume sources too, and the
 * block device ones add upstream's {@code WaitForAttach}/{@code MountDevice}/{@code UnmountDevice}.
 */
package dev.volsim.core.volume;
