package dev.volsim.model.core;

/**
 * A Secret whose keys all become environment variables ({@code envFrom[].secretRef}).
 *
 * @param name the Secret's name
 * @param optional whether it may be missing (null: false)
 */
public record SecretEnvSource(String name, Boolean optional) {}
