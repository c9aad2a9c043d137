package dev.volsim.core.controller.attachdetach.cache;

import static java.util.Objects.requireNonNull;

/**
 * A volume an attachable plugin handles, as the attach/detach controller sees it (upstream's
 * {@code volume.Spec} plus what {@code GetUniqueVolumeNameFromSpec} derives from it).
 *
 * @param uniqueName {@code <pluginName>/<volumeName>}, for CSI {@code kubernetes.io/csi/<driver>^<handle>}
 * @param specName the PV's name, or the Pod volume's name for an inline volume ({@code Spec.Name()}),
 *     the name events quote
 * @param persistentVolumeName the PV's name, or null for an inline volume
 * @param pluginName {@code kubernetes.io/csi}, {@code kubernetes.io/gce-pd}, ...
 * @param csiDriver the CSI driver, or null for an in-tree plugin
 * @param volumeHandle the CSI volume handle, or the in-tree volume name
 * @param multiAttachAllowed {@code util.IsMultiAttachAllowed(spec)}
 * @param devicePath the device path an in-tree attach reports ("" for CSI)
 */
public record AttachableVolume(String uniqueName, String specName, String persistentVolumeName, String pluginName,
    String csiDriver, String volumeHandle, boolean multiAttachAllowed, String devicePath) {
  public AttachableVolume {
    requireNonNull(uniqueName, "uniqueName is null");
    requireNonNull(specName, "specName is null");
    requireNonNull(pluginName, "pluginName is null");
    devicePath = devicePath == null ? "" : devicePath;
  }

  public boolean isCsi() {
    return csiDriver != null;
  }
}
