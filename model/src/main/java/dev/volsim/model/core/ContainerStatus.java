package dev.volsim.model.core;

/**
 * What the kubelet reports about one container.
 *
 * @param name the container's name
 * @param state its current state
 * @param lastState its previous state, the last termination
 * @param ready whether its readiness probe passes (or it is running without one)
 * @param restartCount how many times it has been restarted
 * @param image the image it runs
 * @param imageID the image's id
 * @param containerID the runtime's id, {@code <type>://<id>}
 * @param started whether it has started and passed its startup probe
 */
public record ContainerStatus(
    String name,
    ContainerState state,
    ContainerState lastState,
    @dev.volsim.model.AlwaysWrite boolean ready,
    int restartCount,
    String image,
    String imageID,
    String containerID,
    Boolean started) {}
