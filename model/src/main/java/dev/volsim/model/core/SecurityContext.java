package dev.volsim.model.core;

/**
 * A container's security settings; set fields override the Pod's {@link PodSecurityContext}.
 *
 * @param capabilities capabilities to add and drop
 * @param privileged whether the container runs privileged, as root on the host (null: false)
 * @param runAsUser the uid the container's processes run as
 * @param runAsGroup the primary gid of the container's processes
 * @param runAsNonRoot whether the kubelet must refuse to start the container as uid 0
 * @param readOnlyRootFilesystem whether the root file system is read-only
 * @param allowPrivilegeEscalation whether a process may gain more privileges than its parent
 */
public record SecurityContext(
    Capabilities capabilities,
    Boolean privileged,
    Long runAsUser,
    Long runAsGroup,
    Boolean runAsNonRoot,
    Boolean readOnlyRootFilesystem,
    Boolean allowPrivilegeEscalation) {

  /** Whether {@code privileged} is set to true. */
  public boolean isPrivileged() {
    return Boolean.TRUE.equals(privileged);
  }
}
