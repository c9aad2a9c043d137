package dev.volsim.core.kubelet;

import dev.volsim.core.volume.Mounter;
import dev.volsim.core.volume.NodeContext;
import dev.volsim.core.volume.VolumePlugin;
import dev.volsim.core.volume.VolumePlugins;
import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.MountOptions;
import dev.volsim.core.world.MountSource;
import dev.volsim.core.world.NodeDisk;
import dev.volsim.model.core.Pod;
import dev.volsim.model.volume.CSIPersistentVolumeSource;
import dev.volsim.model.volume.GCEPersistentDiskVolumeSource;
import dev.volsim.model.volume.Volume;
import dev.volsim.model.volume.VolumeSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the {@link VolumeSetUp} of a Pod volume ({@code FindPluginBySpec}). {@code source} is the
 * Pod volume's source, or for a claim its PV's source; {@code specName} is the Pod volume's name,
 * or the PV's name.
 */
@FunctionalInterface
public interface VolumeSetUps {
  Optional<VolumeSetUp> find(Pod pod, String specName, Object source);

  /**
   * The volume package's plugins, plus a stand-in attachable disk for {@code csi} and
   * {@code gcePersistentDisk} PV sources (a file tree per disk, formatted on first MountDevice).
   */
  static VolumeSetUps defaults() {
    Map<String, FileTree> disks = new HashMap<>();
    return (pod, specName, source) -> {
      if (source instanceof CSIPersistentVolumeSource csi) {
        return Optional.of(disk(disks, pod, specName, "kubernetes.io/csi", csi.driver() + "^" + csi.volumeHandle()));
      } else if (source instanceof GCEPersistentDiskVolumeSource gce) {
        return Optional.of(disk(disks, pod, specName, "kubernetes.io/gce-pd", gce.pdName()));
      } else if (source instanceof VolumeSource vs) {
        return VolumePlugins.find(vs).map(p -> plugin(p, pod, new Volume(specName, vs)));
      } else {
        return Optional.empty();
      }
    };
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

  private static VolumeSetUp disk(Map<String, FileTree> disks, Pod pod, String specName, String plugin, String name) {
    String unique = plugin + "/" + name;
    String global = NodeDisk.KUBELET_ROOT + "/plugins/" + plugin + "/mounts/" + name.replace('/', '~');
    String perPod = NodeDisk.podVolumeDirectory(pod.metadata().uid(), plugin, specName) + "/mount";
    return new VolumeSetUp() {
      @Override public String pluginName() {
        return plugin;
      }

      @Override public boolean isAttachable() {
        return true;
      }

      @Override public boolean requiresMountDevice() {
        return true;
      }

      @Override public String uniqueVolumeName() {
        return unique;
      }

      @Override public void mountDevice(NodeContext node) {
        FileTree fs = disks.computeIfAbsent(unique, k -> FileTree.create("ext4", FileTree.UNLIMITED, 0755, 0, 0));
        if (node.volumeMounts().hostNamespace().mountAt(global).isEmpty()) {
          node.disk().root().mkdirs(global, Credentials.ROOT);
          node.volumeMounts().hostNamespace().mount(global, fs.asMountSource(), MountOptions.READ_WRITE);
        }
      }

      @Override public MountSource setUp(NodeContext node) {
        FileTree fs = disks.get(unique);
        if (fs == null) {
          throw new IllegalStateException("SetUp before MountDevice of " + unique);
        }
        if (!node.disk().root().exists(perPod, Credentials.ROOT)) {
          node.disk().root().mkdirs(perPod, Credentials.ROOT);
        }
        return fs.asMountSource();
      }

      @Override public void tearDown(NodeContext node) {
        if (node.disk().root().exists(perPod, Credentials.ROOT)) {
          node.disk().root().removeAll(perPod.substring(0, perPod.length() - "/mount".length()), Credentials.ROOT);
        }
      }

      @Override public void unmountDevice(NodeContext node) {
        if (node.volumeMounts().hostNamespace().mountAt(global).isPresent()) {
          node.volumeMounts().hostNamespace().unmount(global);
        }
      }
    };
  }
}
