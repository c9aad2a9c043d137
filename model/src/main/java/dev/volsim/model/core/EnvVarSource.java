package dev.volsim.model.core;

/**
 * Where an environment variable's value comes from; exactly one field is set.
 *
 * @param fieldRef a field of the Pod
 * @param resourceFieldRef a resource limit or request of a container
 * @param configMapKeyRef a key of a ConfigMap
 * @param secretKeyRef a key of a Secret
 */
public record EnvVarSource(
    ObjectFieldSelector fieldRef,
    ResourceFieldSelector resourceFieldRef,
    ConfigMapKeySelector configMapKeyRef,
    SecretKeySelector secretKeyRef) {}
