package dev.volsim.model.core;

import java.time.Instant;

/**
 * A running container.
 *
 * @param startedAt when it (last) started
 */
public record ContainerStateRunning(Instant startedAt) {}
