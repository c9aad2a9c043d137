package dev.volsim.model.core;

/**
 * A raw block volume exposed in a container as a device ({@code volumeDevices[]}).
 *
 * @param name the name of a PersistentVolumeClaim-backed volume of the Pod
 * @param devicePath the device's path in the container
 */
public record VolumeDevice(String name, String devicePath) {}
