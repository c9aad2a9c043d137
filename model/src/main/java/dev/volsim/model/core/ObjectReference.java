package dev.volsim.model.core;

/**
 * A reference to any object, as the API's {@code ObjectReference} (a PV's {@code claimRef}).
 *
 * @param kind the referent's kind
 * @param namespace the referent's namespace
 * @param name the referent's name
 * @param uid the referent's uid
 * @param apiVersion the referent's apiVersion
 * @param resourceVersion the referent's resourceVersion when the reference was made
 * @param fieldPath a field within the referent
 */
public record ObjectReference(
    String kind,
    String namespace,
    String name,
    String uid,
    String apiVersion,
    String resourceVersion,
    String fieldPath) {}
