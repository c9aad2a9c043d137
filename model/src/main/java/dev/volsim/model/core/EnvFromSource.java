package dev.volsim.model.core;

/**
 * A set of environment variables from a ConfigMap or a Secret ({@code envFrom[]}).
 *
 * @param prefix prepended to every key
 * @param configMapRef the ConfigMap
 * @param secretRef the Secret
 */
public record EnvFromSource(String prefix, ConfigMapEnvSource configMapRef, SecretEnvSource secretRef) {}
