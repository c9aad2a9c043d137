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
    this(message, "MountVolume.SetUp failed");
  }

  private final String operation;

  private VolumeSetUpException(String message, String operation) {
    super(requireNonNull(message, "message is null"), null, false, false);
    this.operation = operation;
  }

  /**
   * A failure of {@code NewMounter}, before SetUp runs: its event reads
   * {@code MountVolume.NewMounter initialization failed for volume "<name>" : <message>}.
   */
  public static VolumeSetUpException newMounter(String message) {
    return new VolumeSetUpException(message, "MountVolume.NewMounter initialization failed");
  }

  /** {@code MountVolume.SetUp failed for volume "<name>" : <message>}, the FailedMount event's text. */
  public String eventMessage(String volumeName) {
    return operation + " for volume \"" + volumeName + "\" : " + getMessage();
  }
}
