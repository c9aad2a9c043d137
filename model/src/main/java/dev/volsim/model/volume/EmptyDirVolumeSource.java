package dev.volsim.model.volume;

import dev.volsim.model.Quantity;
import dev.volsim.model.WireName;

/**
 * {@code emptyDir}: an empty directory created when the Pod starts and deleted with it.
 *
 * @param medium where it lives: the node's disk (default) or memory (tmpfs)
 * @param sizeLimit the most it may hold; null for no limit
 */
@WireName("emptyDir")
public record EmptyDirVolumeSource(StorageMedium medium, Quantity sizeLimit) implements VolumeSource {}
