package dev.volsim.model.volume;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;
import dev.volsim.model.WireName;

/**
 * {@code cephfs} in a PersistentVolume.
 *
 * @param monitors the Ceph monitors; required
 * @param path the path in the filesystem to mount (/ when empty)
 * @param user the RADOS user (admin when empty)
 * @param secretFile the keyring path (/etc/ceph/user.secret when empty)
 * @param secretRef the Secret holding the user's key
 * @param readOnly whether it is mounted read-only
 */
@WireName("cephfs")
public record CephFSPersistentVolumeSource(
    ImmutableList<String> monitors,
    String path,
    String user,
    String secretFile,
    SecretReference secretRef,
    boolean readOnly) implements PersistentVolumeSource {
  public CephFSPersistentVolumeSource {
    monitors = Immutables.list(monitors);
  }
}
