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
 */
package dev.volsim.core.volume;
