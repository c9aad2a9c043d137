package dev.volsim.model.volume;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;
import dev.volsim.model.WireName;

/**
 * {@code fc}: a Fibre Channel disk, named either by target WWNs and LUN or by WWIDs.
 *
 * @param targetWWNs the target world wide names
 * @param lun the LUN, 0 to 255; required with targetWWNs
 * @param fsType the filesystem to mount
 * @param readOnly whether it is mounted read-only
 * @param wwids the volume world wide identifiers, instead of targetWWNs and lun
 */
@WireName("fc")
public record FCVolumeSource(
    ImmutableList<String> targetWWNs, Integer lun, String fsType, boolean readOnly, ImmutableList<String> wwids)
    implements VolumeSource, PersistentVolumeSource {
  public FCVolumeSource {
    targetWWNs = Immutables.list(targetWWNs);
    wwids = Immutables.list(wwids);
  }
}
