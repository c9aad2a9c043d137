package dev.volsim.model.volume;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;
import dev.volsim.model.WireName;
import dev.volsim.model.core.LocalObjectReference;

/**
 * {@code rbd} in a Pod: a Ceph RADOS block device.
 *
 * @param monitors the Ceph monitors; required
 * @param image the RBD image; required
 * @param fsType the filesystem to mount
 * @param pool the RADOS pool; defaults to {@code rbd}
 * @param user the RADOS user; defaults to {@code admin}
 * @param keyring the keyring path; defaults to {@code /etc/ceph/keyring}
 * @param secretRef the Secret holding the user's key, overriding the keyring
 * @param readOnly whether it is mounted read-only
 */
@WireName("rbd")
public record RBDVolumeSource(
    ImmutableList<String> monitors,
    String image,
    String fsType,
    String pool,
    String user,
    String keyring,
    LocalObjectReference secretRef,
    boolean readOnly) implements VolumeSource {
  public RBDVolumeSource {
    monitors = Immutables.list(monitors);
    pool = pool == null || pool.isEmpty() ? "rbd" : pool;
    user = user == null || user.isEmpty() ? "admin" : user;
    keyring = keyring == null || keyring.isEmpty() ? "/etc/ceph/keyring" : keyring;
  }
}
