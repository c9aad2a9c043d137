package dev.volsim.core.kubelet;

import dev.volsim.core.volume.Mounter;
import dev.volsim.core.volume.NodeContext;
import dev.volsim.core.volume.VolumePlugin;
import dev.volsim.core.volume.VolumePlugins;
import dev.volsim.core.world.MountSource;
import dev.volsim.model.core.Pod;
import dev.volsim.model.volume.Volume;
import dev.volsim.model.volume.VolumeSource;
import java.util.Optional;

/**
 * Finds the {@link VolumeSetUp} of a Pod volume ({@code FindPluginBySpec}). {@code source} is the
 * Pod volume's source, or for a claim its PV's source; {@code specName} is the Pod volume's name,
 * or the PV's name.
 */
@FunctionalInterface
public interface VolumeSetUps {
  Optional<VolumeSetUp> find(Pod pod, String specName, Object source);

  /** The volume package's plugins ({@code dev.volsim.core.volume.VolumePlugins}). */
  static VolumeSetUps defaults() {
    return (pod, specName, source) -> {
      if (source instanceof VolumeSource vs) {
        return VolumePlugins.find(vs).map(p -> plugin(p, pod, new Volume(specName, vs)));
      } else {
        return Optional.empty();
      }
    };
  }

  /**
   * What the kubelet of {@code nodeName} uses: the CSI plugin ({@code kubernetes.io/csi}, with CSI
   * migration of in-tree cloud volumes), then {@link #defaults()}.
   */
  static VolumeSetUps forNode(dev.volsim.core.cluster.ClusterContext ctx, String nodeName) {
    return new CsiVolumeSetUps(ctx, nodeName, defaults());
  }

  private static VolumeSetUp plugin(VolumePlugin plugin, Pod pod, Volume volume) {
    String uid = pod.metadata().uid();
    return new VolumeSetUp() {
      private Mounter mounter;

      @Override public String pluginName() {
        return plugin.pluginName();
      }

      @Override public boolean isAttachable() {
        return plugin.isAttachable();
      }

      @Override public boolean requiresMountDevice() {
        return plugin.requiresMountDevice();
      }

      @Override public String uniqueVolumeName() {
        return plugin.pluginName() + "/" + uid + "-" + volume.name();
      }

      @Override public void mountDevice(NodeContext node) {}

      @Override public MountSource setUp(NodeContext node) {
        if (mounter == null) {
          mounter = plugin.newMounter(pod, volume);
        }
        return mounter.setUp(node);
      }

      @Override public void tearDown(NodeContext node) {
        plugin.newUnmounter(uid, volume.name()).tearDown(node);
      }

      @Override public void unmountDevice(NodeContext node) {}
    };
  }
}
