package dev.volsim.model.core;

/**
 * A reference to an object of any kind in the same namespace (a claim's {@code dataSource}).
 *
 * @param apiGroup the referent's API group; null for the core group
 * @param kind the referent's kind
 * @param name the referent's name
 */
public record TypedLocalObjectReference(String apiGroup, String kind, String name) {}
