package dev.volsim.model.core;

import java.time.Instant;

/**
 * A container that has exited.
 *
 * @param exitCode its exit code
 * @param signal the signal that killed it, 0 for none
 * @param reason why, as {@code Completed}, {@code Error}, {@code OOMKilled}
 * @param message a human-readable explanation (the termination message)
 * @param startedAt when it started
 * @param finishedAt when it exited
 * @param containerID the runtime's id of the container, {@code <type>://<id>}
 */
public record ContainerStateTerminated(
    int exitCode,
    int signal,
    String reason,
    String message,
    Instant startedAt,
    Instant finishedAt,
    String containerID) {}
