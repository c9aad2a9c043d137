package dev.volsim.model.volume;

/**
 * A reference to a Secret by name and namespace, used by PersistentVolume sources (which have no
 * namespace of their own).
 *
 * @param name the Secret's name
 * @param namespace the Secret's namespace
 */
public record SecretReference(String name, String namespace) {}
