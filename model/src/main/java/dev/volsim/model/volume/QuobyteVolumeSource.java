package dev.volsim.model.volume;

import dev.volsim.model.WireName;

/**
 * {@code quobyte}: a Quobyte volume.
 *
 * @param registry the registries, {@code host:port} pairs separated by commas; required
 * @param volume the Quobyte volume's name; required
 * @param readOnly whether it is mounted read-only
 * @param user the user to map volume access to
 * @param group the group to map volume access to
 * @param tenant the tenant owning the volume (a UUID, at most 64 characters)
 */
@WireName("quobyte")
public record QuobyteVolumeSource(String registry, String volume, boolean readOnly, String user, String group, String tenant)
    implements VolumeSource, PersistentVolumeSource {}
