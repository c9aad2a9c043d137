package dev.volsim.model.core;

import dev.volsim.model.Quantity;

/**
 * A container resource to expose ({@code resourceFieldRef}), as {@code limits.memory}.
 *
 * @param containerName the container whose resource it is; required for volumes, optional for env
 * @param resource the resource, as {@code limits.cpu} or {@code requests.memory}
 * @param divisor the unit the value is given in; null means 1
 */
public record ResourceFieldSelector(String containerName, String resource, Quantity divisor) {}
