package dev.volsim.core.kubelet;

import static java.util.Objects.requireNonNull;

import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.controller.persistentvolume.PvHelpers;
import dev.volsim.core.volume.BackendVolumePlugin;
import dev.volsim.core.volume.BackendVolumePlugin.BackendVolume;
import dev.volsim.core.volume.BackendVolumePlugins;
import dev.volsim.core.volume.NodeContext;
import dev.volsim.core.volume.VolumeSetUpException;
import dev.volsim.core.world.MountSource;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.Pod;
import java.util.Map;
import java.util.Optional;

/**
 * The kubelet's plugin lookup with the in-tree plugins over the cluster's world (rbd, cephfs,
 * glusterfs, iscsi, fc, local-volume) that the cluster's Kubernetes release has, in front of
 * another lookup for everything else. A source of a plugin the release no longer has (an rbd volume
 * under 1.31) falls through to the other lookup, which matches nothing either: the populator then
 * reports {@code no volume plugin matched}.
 */
public final class BackendVolumeSetUps {
  private BackendVolumeSetUps() {}

  /** {@code plugins} of the release and world of {@code ctx}, then {@code others}. */
  public static VolumeSetUps withBackendPlugins(ClusterContext ctx, VolumeSetUps others) {
    requireNonNull(others, "others is null");
    BackendVolumePlugins plugins = BackendVolumePlugins.of(ctx.world(), ctx.version());
    return (pod, specName, source) -> {
      Optional<BackendVolumePlugin> p = plugins.find(source);
      if (p.isPresent()) {
        return Optional.of(setUp(ctx, p.get(), pod, specName, source));
      }
      return others.find(pod, specName, source);
    };
  }

  private static VolumeSetUp setUp(ClusterContext ctx, BackendVolumePlugin plugin, Pod pod, String specName,
      Object source) {
    String uid = pod.metadata().uid();
    BackendVolume volume = plugin.newVolume(uid, pod.metadata().name(), specName, source);
    // GetUniqueVolumeNameFromSpec for attachable or device-mountable volumes, else ...WithPod.
    String unique = plugin.isAttachable() || plugin.isDeviceMountable()
        ? plugin.pluginName() + "/" + plugin.volumeName(source, specName)
        : plugin.pluginName() + "/" + uid + "-" + specName;
    return new VolumeSetUp() {
      @Override public String pluginName() {
        return plugin.pluginName();
      }

      @Override public boolean isAttachable() {
        return plugin.isAttachable();
      }

      @Override public boolean requiresMountDevice() {
        return plugin.isDeviceMountable();
      }

      @Override public String uniqueVolumeName() {
        return unique;
      }

      @Override public void mountDevice(NodeContext node) {
        checkNodeAffinity(ctx, specName, source, node);
        volume.mountDevice(node);
      }

      @Override public MountSource setUp(NodeContext node) {
        checkNodeAffinity(ctx, specName, source, node);
        return volume.setUp(node);
      }

      @Override public void tearDown(NodeContext node) {
        volume.tearDown(node);
      }

      @Override public void unmountDevice(NodeContext node) {
        volume.unmountDevice(node);
      }
    };
  }

  /**
   * {@code checkNodeAffinity} (operation_generator.go), at the start of every mount operation of a
   * PersistentVolume: the node's labels must satisfy the PV's required node affinity.
   */
  private static void checkNodeAffinity(ClusterContext ctx, String specName, Object source, NodeContext node) {
    Optional<PersistentVolume> pv = ctx.api().get(PersistentVolume.class, "", specName)
        .filter(v -> source.equals(v.spec().source()));
    if (pv.isEmpty()) {
      return;
    }
    String nodeName = node.disk().nodeName();
    Map<String, String> labels = ctx.api().get(Node.class, "", nodeName)
        .<Map<String, String>>map(n -> n.metadata().labels()).orElse(Map.of());
    if (!PvHelpers.checkNodeAffinity(pv.get(), nodeName, labels)) {
      throw VolumeSetUpException.during("MountVolume.NodeAffinity check", "no matching NodeSelectorTerms");
    }
  }
}
