package dev.volsim.core.volume;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A failed SetUp or TearDown, its message worded as upstream's plugin returns it (for example
 * {@code hostPath type check failed: /var/log is not a directory}). The kubelet's event text is
 * {@link #eventMessage(String)}.
 */
public final class VolumeSetUpException extends RuntimeException {
  private final String operation;
  private final boolean timedOut;

  /** A failure worded as upstream words it. */
  public VolumeSetUpException(String message) {
    this(null, message);
  }

  private VolumeSetUpException(String operation, String message) {
    this(operation, message, false);
  }

  private VolumeSetUpException(String operation, String message, boolean timedOut) {
    super(requireNonNull(message, "message is null"), null, false, false);
    this.operation = operation;
    this.timedOut = timedOut;
  }

  /**
   * A failure of {@code NewMounter}, before SetUp runs: its event reads
   * {@code MountVolume.NewMounter initialization failed for volume "<name>" : <message>}.
   */
  public static VolumeSetUpException newMounter(String message) {
    return during("MountVolume.NewMounter initialization", message);
  }

  /**
   * A failure of a step other than SetUp, as upstream's operation generator names it in the event:
   * {@code MountVolume.WaitForAttach}, {@code MountVolume.NewMounter initialization}.
   */
  public static VolumeSetUpException during(String operation, String message) {
    return new VolumeSetUpException(requireNonNull(operation, "operation is null"), message);
  }

  /**
   * A call that ran into its deadline (a gRPC {@code DeadlineExceeded}): the operation's outcome is
   * a timeout, not a refusal.
   */
  public static VolumeSetUpException timeout(String message) {
    return new VolumeSetUpException(null, message, true);
  }

  /** Whether the operation timed out ({@link #timeout}). */
  public boolean timedOut() {
    return timedOut;
  }

  /** The same failure worded anew (the whole event text), still a timeout if it was one. */
  public VolumeSetUpException reworded(String message) {
    return new VolumeSetUpException(null, message, timedOut);
  }

  /** The step that failed, when it is not the one the caller runs. */
  public Optional<String> operation() {
    return Optional.ofNullable(operation);
  }

  /** {@code MountVolume.SetUp failed for volume "<name>" : <message>}, the FailedMount event's text. */
  public String eventMessage(String volumeName) {
    return eventMessage("MountVolume.SetUp", volumeName);
  }

  /**
   * {@code <operation> failed for volume "<name>" : <message>}, with the step this failure names, else
   * {@code defaultOperation} ({@code MountVolume.MountDevice}).
   */
  public String eventMessage(String defaultOperation, String volumeName) {
    return (operation != null ? operation : defaultOperation) + " failed for volume \"" + volumeName + "\" : "
        + getMessage();
  }
}
