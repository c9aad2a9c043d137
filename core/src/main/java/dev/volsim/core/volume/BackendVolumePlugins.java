package dev.volsim.core.volume;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.cluster.KubernetesVersion;
import dev.volsim.core.world.ClusterWorld;
import java.util.Optional;

/**
 * The {@link BackendVolumePlugin}s a Kubernetes release has, over one cluster's world. GlusterFS
 * exists until 1.25 (removed in 1.26), RBD and CephFS until 1.30 (removed in 1.31); iSCSI, FC and
 * local volumes throughout. A source whose plugin the release lacks is matched by no plugin: the
 * kubelet's {@code FindPluginBySpec} fails with {@code no volume plugin matched}.
 */
public final class BackendVolumePlugins {
  private final ImmutableList<BackendVolumePlugin> plugins;

  private BackendVolumePlugins(ImmutableList<BackendVolumePlugin> plugins) {
    this.plugins = plugins;
  }

  /** The plugins of {@code version}, their storage in {@code world}. */
  public static BackendVolumePlugins of(ClusterWorld world, KubernetesVersion version) {
    ImmutableList.Builder<BackendVolumePlugin> b = ImmutableList.builder();
    if (version.hasInTreePlugin("glusterfs")) {
      b.add(new GlusterfsPlugin(world));
    }
    if (version.hasInTreePlugin("rbd")) {
      b.add(new RbdPlugin(world));
    }
    if (version.hasInTreePlugin("cephfs")) {
      b.add(new CephFsPlugin(world));
    }
    b.add(new IscsiPlugin(world), new FcPlugin(world), new LocalVolumePlugin(world));
    return new BackendVolumePlugins(b.build());
  }

  /** Every plugin, in probe order. */
  public ImmutableList<BackendVolumePlugin> all() {
    return plugins;
  }

  /** The plugin that supports {@code source} (a Pod volume's or a PersistentVolume's), if one here does. */
  public Optional<BackendVolumePlugin> find(Object source) {
    return plugins.stream().filter(p -> p.canSupport(source)).findFirst();
  }
}
