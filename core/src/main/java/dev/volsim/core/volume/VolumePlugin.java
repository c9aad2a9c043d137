package dev.volsim.core.volume;

import dev.volsim.model.core.Pod;
import dev.volsim.model.volume.Volume;
import dev.volsim.model.volume.VolumeSource;

/**
 * An in-tree volume plugin (upstream's {@code volume.VolumePlugin}), named as Kubernetes names it.
 * Get them from {@link VolumePlugins}.
 */
public sealed interface VolumePlugin
    permits EmptyDirPlugin, HostPathPlugin, NfsPlugin, GitRepoPlugin, ConfigMapPlugin, SecretPlugin,
        DownwardApiPlugin, ProjectedPlugin {
  /** {@code kubernetes.io/empty-dir}, {@code kubernetes.io/nfs}, ... */
  String pluginName();

  /** Whether this plugin handles {@code source}. */
  boolean canSupport(VolumeSource source);

  /** Whether the attach/detach controller attaches it first (none of these plugins). */
  default boolean isAttachable() {
    return false;
  }

  /** Whether a global MountDevice precedes the per-Pod SetUp (none of these plugins). */
  default boolean requiresMountDevice() {
    return false;
  }

  /**
   * A mounter for {@code volume} of {@code pod} (its uid names the per-Pod path).
   *
   * @throws IllegalArgumentException if {@link #canSupport} is false for the volume's source
   */
  Mounter newMounter(Pod pod, Volume volume);

  /** An unmounter for the volume {@code volumeName} of the Pod {@code podUid}. */
  Unmounter newUnmounter(String podUid, String volumeName);
}
