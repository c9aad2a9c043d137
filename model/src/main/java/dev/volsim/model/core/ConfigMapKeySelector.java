package dev.volsim.model.core;

/**
 * One key of a ConfigMap ({@code configMapKeyRef}).
 *
 * @param name the ConfigMap's name
 * @param key the key
 * @param optional whether the ConfigMap or key may be missing (null: false)
 */
public record ConfigMapKeySelector(String name, String key, Boolean optional) {}
