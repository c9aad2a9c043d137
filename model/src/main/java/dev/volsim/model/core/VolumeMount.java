package dev.volsim.model.core;

/**
 * A Pod volume mounted into a container ({@code volumeMounts[]}).
 *
 * @param name the name of a volume of the Pod
 * @param readOnly whether the mount is read-only (false: read-write)
 * @param recursiveReadOnly whether submounts are read-only too; only with {@code readOnly}
 * @param mountPath where in the container, an absolute path without ':'
 * @param subPath a path inside the volume to mount instead of its root; relative, no '..'
 * @param mountPropagation how mounts propagate between host and container (null: None)
 * @param subPathExpr like {@code subPath}, with {@code $(VAR)} expanded from the container's
 *     environment; exclusive with {@code subPath}
 */
public record VolumeMount(
    String name,
    boolean readOnly,
    RecursiveReadOnlyMode recursiveReadOnly,
    String mountPath,
    String subPath,
    MountPropagationMode mountPropagation,
    String subPathExpr) {}
