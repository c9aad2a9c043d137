package dev.volsim.model.volume;

import dev.volsim.model.WireName;

/**
 * {@code glusterfs} in a PersistentVolume.
 *
 * @param endpoints the Endpoints object naming the Gluster servers; required
 * @param path the Gluster volume's path; required
 * @param readOnly whether it is mounted read-only
 * @param endpointsNamespace the namespace of the Endpoints; null for the claim's namespace
 */
@WireName("glusterfs")
public record GlusterfsPersistentVolumeSource(String endpoints, String path, boolean readOnly, String endpointsNamespace)
    implements PersistentVolumeSource {}
