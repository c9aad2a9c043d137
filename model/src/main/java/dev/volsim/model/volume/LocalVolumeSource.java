package dev.volsim.model.volume;

import dev.volsim.model.WireName;

/**
 * {@code local}: a disk, partition or directory of one node, usable only by PersistentVolumes,
 * which must then carry node affinity to that node.
 *
 * @param path the path on the node; required, no {@code ..} elements
 * @param fsType the filesystem of a block device path; null for a directory
 */
@WireName("local")
public record LocalVolumeSource(String path, String fsType) implements PersistentVolumeSource {}
