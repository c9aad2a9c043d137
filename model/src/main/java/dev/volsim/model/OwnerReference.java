package dev.volsim.model;

/**
 * A reference from an object to the object that owns it, used by garbage collection.
 *
 * @param apiVersion the owner's apiVersion
 * @param kind the owner's kind
 * @param name the owner's name
 * @param uid the owner's uid
 * @param controller whether the owner is the managing controller (null when unset)
 * @param blockOwnerDeletion whether foreground deletion of the owner waits for this object
 */
public record OwnerReference(
    String apiVersion, String kind, String name, String uid, Boolean controller,
    Boolean blockOwnerDeletion) {}
