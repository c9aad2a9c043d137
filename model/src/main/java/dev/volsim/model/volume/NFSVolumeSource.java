package dev.volsim.model.volume;

import dev.volsim.model.WireName;

/**
 * {@code nfs}: an NFS export, mounted by any number of Pods on any nodes. Unmounting never
 * deletes data.
 *
 * @param server the NFS server's host name or IP address; required
 * @param path the exported path; required and absolute
 * @param readOnly whether the export is mounted read-only
 */
@WireName("nfs")
public record NFSVolumeSource(String server, String path, boolean readOnly)
    implements VolumeSource, PersistentVolumeSource {}
