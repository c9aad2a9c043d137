package dev.volsim.model.volume;

import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.model.Immutables;
import dev.volsim.model.WireName;

/**
 * {@code flexVolume} in a PersistentVolume.
 *
 * @param driver the driver's name; required
 * @param fsType the filesystem to mount
 * @param secretRef the Secret passed to the driver
 * @param readOnly whether it is mounted read-only
 * @param options extra options for the driver; keys may not be in the kubernetes.io or k8s.io
 *     namespaces
 */
@WireName("flexVolume")
public record FlexPersistentVolumeSource(
    String driver, String fsType, SecretReference secretRef, boolean readOnly,
    ImmutableSortedMap<String, String> options) implements PersistentVolumeSource {
  public FlexPersistentVolumeSource {
    options = Immutables.map(options);
  }
}
