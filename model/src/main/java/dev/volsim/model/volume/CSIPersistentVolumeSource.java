package dev.volsim.model.volume;

import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.model.Immutables;
import dev.volsim.model.WireName;

/**
 * {@code csi} in a PersistentVolume: a volume managed by an external CSI driver.
 *
 * @param driver the CSI driver's name; required, a DNS-1123 subdomain of at most 63 characters
 * @param volumeHandle the driver's id of the volume; required
 * @param readOnly whether it is published read-only
 * @param fsType the filesystem to mount
 * @param volumeAttributes driver-specific properties
 * @param controllerPublishSecretRef the Secret passed to ControllerPublish/Unpublish
 * @param nodeStageSecretRef the Secret passed to NodeStage
 * @param nodePublishSecretRef the Secret passed to NodePublish
 * @param controllerExpandSecretRef the Secret passed to ControllerExpand
 * @param nodeExpandSecretRef the Secret passed to NodeExpand
 */
@WireName("csi")
public record CSIPersistentVolumeSource(
    String driver,
    String volumeHandle,
    boolean readOnly,
    String fsType,
    ImmutableSortedMap<String, String> volumeAttributes,
    SecretReference controllerPublishSecretRef,
    SecretReference nodeStageSecretRef,
    SecretReference nodePublishSecretRef,
    SecretReference controllerExpandSecretRef,
    SecretReference nodeExpandSecretRef) implements PersistentVolumeSource {
  public CSIPersistentVolumeSource {
    volumeAttributes = Immutables.map(volumeAttributes);
  }
}
