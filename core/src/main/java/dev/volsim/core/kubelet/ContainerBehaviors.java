package dev.volsim.core.kubelet;

import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.MountNamespace;
import dev.volsim.model.core.Container;
import dev.volsim.model.core.Pod;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the images and processes of containers do beyond running: an image's default user (its
 * {@code USER}) and what a container's process does at each start. The kubelet asks it; a
 * simulation built from a scenario supplies one ({@code spec.images}, {@code spec.behaviors}).
 */
public interface ContainerBehaviors {
  /** Images with no declared user (root) whose containers do nothing but run. */
  ContainerBehaviors NONE = new ContainerBehaviors() {};

  /** The default user and group of {@code image}, when declared; root otherwise. */
  default Optional<Credentials> imageUser(String image) {
    return Optional.empty();
  }

  /**
   * Runs what the container's process does at a start (after its understood command), acting on
   * {@code fs} as {@code as}.
   *
   * @return the exit code when the process ends, empty while it runs on
   */
  default OptionalInt onStart(Pod pod, Container container, MountNamespace fs, Credentials as) {
    return OptionalInt.empty();
  }
}
