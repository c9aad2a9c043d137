package dev.volsim.core.world;

import static java.util.Objects.requireNonNull;

/**
 * How something is mounted into a namespace.
 *
 * @param readOnly whether the mount refuses writes ({@code Read-only file system}); not recursive, as
 *     a Kubernetes {@code readOnly} mount is not: mounts below keep their own flags
 * @param propagation how later mounts under a bound namespace path propagate
 */
public record MountOptions(boolean readOnly, MountPropagation propagation) {
  /** Read-write, no propagation. */
  public static final MountOptions READ_WRITE = new MountOptions(false, MountPropagation.NONE);
  /** Read-only, no propagation. */
  public static final MountOptions READ_ONLY = new MountOptions(true, MountPropagation.NONE);

  public MountOptions {
    requireNonNull(propagation, "propagation is null");
  }

  /** The same options with this propagation. */
  public MountOptions withPropagation(MountPropagation newPropagation) {
    return new MountOptions(readOnly, newPropagation);
  }
}
