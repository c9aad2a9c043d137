package dev.volsim.model.volume;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;
import dev.volsim.model.WireName;
import dev.volsim.model.core.LocalObjectReference;

/**
 * {@code iscsi} in a Pod: an iSCSI LUN, logged in to and mounted on the node.
 *
 * @param targetPortal the target's {@code host[:port]}; required
 * @param iqn the target's qualified name, starting with iqn, eui or naa; required
 * @param lun the LUN number, 0 to 255
 * @param iscsiInterface the iSCSI interface name; defaults to {@code default} (tcp)
 * @param fsType the filesystem to mount
 * @param readOnly whether it is mounted read-only
 * @param portals further target portals
 * @param chapAuthDiscovery whether CHAP authenticates discovery
 * @param chapAuthSession whether CHAP authenticates the session
 * @param secretRef the Secret holding the CHAP credentials; required with either CHAP flag
 * @param initiatorName a custom initiator name; null for the node's
 */
@WireName("iscsi")
public record ISCSIVolumeSource(
    String targetPortal,
    String iqn,
    int lun,
    String iscsiInterface,
    String fsType,
    boolean readOnly,
    ImmutableList<String> portals,
    boolean chapAuthDiscovery,
    boolean chapAuthSession,
    LocalObjectReference secretRef,
    String initiatorName) implements VolumeSource {
  public ISCSIVolumeSource {
    iscsiInterface = iscsiInterface == null || iscsiInterface.isEmpty() ? "default" : iscsiInterface;
    portals = Immutables.list(portals);
  }
}
