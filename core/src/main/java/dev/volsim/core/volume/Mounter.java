package dev.volsim.core.volume;

import dev.volsim.core.world.MountSource;
import java.util.OptionalLong;

/**
 * Sets up one volume of one Pod on a node (upstream's {@code volume.Mounter}).
 */
public interface Mounter {
  /** {@code /var/lib/kubelet/pods/<uid>/volumes/kubernetes.io~<plugin>/<name>}. */
  String path();

  /** The plugin's attributes for this volume. */
  VolumeAttributes attributes();

  /**
   * Upstream's {@code SetUp(mounterArgs)}: makes the volume's directory, mounts or writes what the
   * source says, and returns what containers mount. Idempotent: a second call on a set-up volume
   * returns the same source; for configMap, secret, downwardAPI and projected volumes it re-reads
   * the objects and rewrites the content atomically when it changed (the kubelet's periodic
   * re-sync).
   *
   * @throws VolumeSetUpException with upstream's message when the volume cannot be set up
   */
  MountSource setUp(NodeContext node);

  /** The emptyDir {@code sizeLimit} in bytes, enforced by eviction, not by the file system. */
  default OptionalLong sizeLimitBytes() {
    return OptionalLong.empty();
  }
}
