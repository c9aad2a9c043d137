package dev.volsim.model.core;

/**
 * A reference by name to an object in the same namespace ({@code imagePullSecrets} entries, secret
 * references of volume sources).
 *
 * @param name the referenced object's name
 */
public record LocalObjectReference(String name) {}
