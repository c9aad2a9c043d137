package dev.volsim.model.core;

/**
 * The nodes from which a PersistentVolume can be used.
 *
 * @param required the nodes that may use it; required when node affinity is given
 */
public record VolumeNodeAffinity(NodeSelector required) {}
