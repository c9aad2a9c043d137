package dev.volsim.model.volume;

import dev.volsim.model.core.ObjectFieldSelector;
import dev.volsim.model.core.ResourceFieldSelector;

/**
 * One file of a downwardAPI volume: a Pod field or a container resource written to a path.
 *
 * @param path the file's relative path
 * @param fieldRef the Pod field to write (metadata.name, namespace, labels, annotations, uid)
 * @param resourceFieldRef the container resource to write
 * @param mode the file's permission bits, 0 to 0777; null uses the volume's defaultMode
 */
public record DownwardAPIVolumeFile(
    String path, ObjectFieldSelector fieldRef, ResourceFieldSelector resourceFieldRef, Integer mode) {}
