package dev.volsim.core.kubelet;

import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.volume.CsiMigration;
import dev.volsim.core.volume.CsiPlugin;
import dev.volsim.core.volume.CsiVolume;
import dev.volsim.core.volume.NodeContext;
import dev.volsim.core.volume.VolumeSetUpException;
import dev.volsim.core.world.MountSource;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeAccessMode;
import dev.volsim.model.core.Pod;
import dev.volsim.model.volume.CSIPersistentVolumeSource;
import dev.volsim.model.volume.CSIVolumeSource;
import dev.volsim.model.volume.Volume;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kubelet's {@code kubernetes.io/csi} plugin ({@link CsiPlugin}) as {@link VolumeSetUp}s: PV
 * {@code csi} sources, inline {@code csi} volumes, and in-tree cloud sources through CSI migration
 * ({@link CsiMigration}); every other source goes to {@code others}.
 */
final class CsiVolumeSetUps implements VolumeSetUps {
  private final ClusterContext ctx;
  private final CsiPlugin plugin;
  private final VolumeSetUps others;

  CsiVolumeSetUps(ClusterContext ctx, String nodeName, VolumeSetUps others) {
    this.ctx = ctx;
    this.plugin = new CsiPlugin(ctx, nodeName);
    this.others = others;
  }

  @Override
  public Optional<VolumeSetUp> find(Pod pod, String specName, Object source) {
    boolean inline = isInline(pod, specName, source);
    Optional<PersistentVolume> pv = inline ? Optional.empty() : ctx.api().get(PersistentVolume.class, "", specName);
    List<PersistentVolumeAccessMode> modes = pv.map(v -> (List<PersistentVolumeAccessMode>) v.spec().accessModes())
        .orElse(List.of());
    if (source instanceof CSIPersistentVolumeSource csi) {
      return Optional.of(adapt(plugin.persistent(pod, specName, csi, modes),
          supportsFsGroup(csi.driver(), csi.fsType(), csi.readOnly(), hasReadWriteOnce(modes))));
    }
    if (source instanceof CSIVolumeSource csi) {
      // inline volumes are always published ReadWriteOnce
      return Optional.of(adapt(plugin.inline(pod, specName, csi),
          supportsFsGroup(csi.driver(), csi.fsType(), Boolean.TRUE.equals(csi.readOnly()), true)));
    }
    Map<String, String> labels = pv.map(v -> (Map<String, String>) v.metadata().labels()).orElse(Map.of());
    Optional<CsiMigration.Translated> t = CsiMigration.translate(source, labels);
    if (t.isPresent()) {
      return Optional.of(adapt(plugin.migrated(pod, specName, t.get(), modes),
          supportsFsGroup(t.get().driver(), t.get().fsType(), t.get().readOnly(), inline || hasReadWriteOnce(modes))));
    }
    return others.find(pod, specName, source);
  }

  /** Whether {@code specName} names one of the Pod's own volumes with this very source (not a PV's). */
  private static boolean isInline(Pod pod, String specName, Object source) {
    for (Volume v : pod.spec().volumes()) {
      if (v.name().equals(specName) && v.source() == source) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code csiMountMgr.supportsFSGroup}: never for a read-only volume or policy None; always for
   * policy File; for ReadWriteOnceWithFSType (the default) only with an fsType and ReadWriteOnce.
   */
  private boolean supportsFsGroup(String driver, String fsType, boolean readOnly, boolean readWriteOnce) {
    String policy = ctx.csiDriver(driver).map(d -> d.fsGroupPolicy()).orElse("ReadWriteOnceWithFSType");
    if (readOnly || policy.equals("None")) {
      return false;
    } else if (policy.equals("File")) {
      return true;
    } else {
      return fsType != null && !fsType.isEmpty() && readWriteOnce;
    }
  }

  private static boolean hasReadWriteOnce(List<PersistentVolumeAccessMode> modes) {
    return modes.contains(PersistentVolumeAccessMode.READ_WRITE_ONCE)
        || modes.contains(PersistentVolumeAccessMode.READ_WRITE_ONCE_POD);
  }

  private static VolumeSetUp adapt(CsiVolume v, boolean fsGroup) {
    return new VolumeSetUp() {
      @Override public boolean supportsFsGroup() {
        return fsGroup;
      }

      @Override public String pluginName() {
        return CsiPlugin.NAME;
      }

      @Override public boolean isAttachable() {
        return v.attachable();
      }

      @Override public boolean requiresMountDevice() {
        return v.deviceMountable();
      }

      @Override public String uniqueVolumeName() {
        return v.uniqueVolumeName();
      }

      @Override public void mountDevice(NodeContext node) {
        v.mountDevice(node);
      }

      @Override public MountSource setUp(NodeContext node) {
        Optional<String> modeError = v.lifecycleModeError();
        if (modeError.isPresent()) {
          throw VolumeSetUpException.newMounter(modeError.get());
        }
        return v.setUp(node);
      }

      @Override public void tearDown(NodeContext node) {
        v.tearDown(node);
      }

      @Override public void unmountDevice(NodeContext node) {
        v.unmountDevice(node);
      }
    };
  }
}
