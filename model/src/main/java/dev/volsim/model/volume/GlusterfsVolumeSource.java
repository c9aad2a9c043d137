package dev.volsim.model.volume;

import dev.volsim.model.WireName;

/**
 * {@code glusterfs} in a Pod: a GlusterFS volume (in-tree plugin removed in recent releases).
 *
 * @param endpoints the Endpoints object naming the Gluster servers; required
 * @param path the Gluster volume's path; required
 * @param readOnly whether it is mounted read-only
 */
@WireName("glusterfs")
public record GlusterfsVolumeSource(String endpoints, String path, boolean readOnly) implements VolumeSource {}
