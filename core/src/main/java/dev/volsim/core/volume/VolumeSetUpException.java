package dev.volsim.core.volume;

import static java.util.Objects.requireNonNull;

/**
 * A failed SetUp or TearDown, its message worded as upstream's plugin returns it (for example
 * {@code hostPath type check failed: /var/log is not a directory}). The kubelet's event text is
 * {@link #eventMessage(String)}.
 */
public final class VolumeSetUpException extends RuntimeException {
  /** A failure worded as upstream words it. */
  public VolumeSetUpException(String message) {
    super(requireNonNull(message, "message is null"), null, false, false);
  }

  /** {@code MountVolume.SetUp failed for volume "<name>" : <message>}, the FailedMount event's text. */
  public String eventMessage(String volumeName) {
    return "MountVolume.SetUp failed for volume \"" + volumeName + "\" : " + getMessage();
  }
}
