package dev.volsim.model.core;

/**
 * A reference to an object of any kind, possibly in another namespace (a claim's
 * {@code dataSourceRef}).
 *
 * @param apiGroup the referent's API group; null for the core group
 * @param kind the referent's kind
 * @param name the referent's name
 * @param namespace the referent's namespace; null for the claim's
 */
public record TypedObjectReference(String apiGroup, String kind, String name, String namespace) {}
