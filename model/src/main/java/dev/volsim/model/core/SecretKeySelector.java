package dev.volsim.model.core;

/**
 * One key of a Secret ({@code secretKeyRef}).
 *
 * @param name the Secret's name
 * @param key the key
 * @param optional whether the Secret or key may be missing (null: false)
 */
public record SecretKeySelector(String name, String key, Boolean optional) {}
