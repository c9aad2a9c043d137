package dev.volsim.model.core;

/**
 * A volume the attach/detach controller has attached to a node ({@code status.volumesAttached}).
 *
 * @param name the unique volume name, as {@code kubernetes.io/csi/<driver>^<handle>}
 * @param devicePath where the device appeared on the node, if known
 */
public record AttachedVolume(String name, String devicePath) {}
