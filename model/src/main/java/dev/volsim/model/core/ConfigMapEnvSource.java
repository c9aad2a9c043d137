package dev.volsim.model.core;

/**
 * A ConfigMap whose keys all become environment variables ({@code envFrom[].configMapRef}).
 *
 * @param name the ConfigMap's name
 * @param optional whether it may be missing (null: false)
 */
public record ConfigMapEnvSource(String name, Boolean optional) {}
