package dev.volsim.core.volume;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.volume.VolumeSource;
import java.util.Optional;

/** The plugins of this package, in upstream's probe order, and lookup by source or name. */
public final class VolumePlugins {
  private static final ImmutableList<VolumePlugin> ALL = ImmutableList.of(
      new EmptyDirPlugin(), new GitRepoPlugin(), new HostPathPlugin(), new NfsPlugin(), new SecretPlugin(),
      new ConfigMapPlugin(), new DownwardApiPlugin(), new ProjectedPlugin());

  private VolumePlugins() {}

  /** Every plugin, stateless and shareable. */
  public static ImmutableList<VolumePlugin> all() {
    return ALL;
  }

  /** The plugin that supports {@code source}, if one here does. */
  public static Optional<VolumePlugin> find(VolumeSource source) {
    return ALL.stream().filter(p -> p.canSupport(source)).findFirst();
  }

  /** The plugin named {@code pluginName} ({@code kubernetes.io/nfs}). */
  public static Optional<VolumePlugin> named(String pluginName) {
    return ALL.stream().filter(p -> p.pluginName().equals(pluginName)).findFirst();
  }
}
