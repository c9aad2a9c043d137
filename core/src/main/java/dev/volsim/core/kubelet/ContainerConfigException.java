package dev.volsim.core.kubelet;

/**
 * The kubelet could not build a container's configuration ({@code generateContainerConfig}, for
 * one {@code makeMounts}): the container waits in {@code CreateContainerConfigError} with this
 * message, upstream's {@code ErrCreateContainerConfig}, and is tried again at a later sync. Unlike
 * {@code CreateContainerError}, the runtime was never asked.
 */
final class ContainerConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ContainerConfigException(String message) {
    super(message);
  }
}
