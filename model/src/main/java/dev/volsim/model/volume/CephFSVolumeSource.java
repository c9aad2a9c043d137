package dev.volsim.model.volume;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;
import dev.volsim.model.WireName;
import dev.volsim.model.core.LocalObjectReference;

/**
 * {@code cephfs} in a Pod: a CephFS filesystem.
 *
 * @param monitors the Ceph monitors; required
 * @param path the path in the filesystem to mount (/ when empty)
 * @param user the RADOS user (admin when empty)
 * @param secretFile the keyring path (/etc/ceph/user.secret when empty)
 * @param secretRef the Secret holding the user's key
 * @param readOnly whether it is mounted read-only
 */
@WireName("cephfs")
public record CephFSVolumeSource(
    ImmutableList<String> monitors,
    String path,
    String user,
    String secretFile,
    LocalObjectReference secretRef,
    boolean readOnly) implements VolumeSource {
  public CephFSVolumeSource {
    monitors = Immutables.list(monitors);
  }
}
