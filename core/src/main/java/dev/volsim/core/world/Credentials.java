package dev.volsim.core.world;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedSet;

/**
 * Who a process is, as the kernel checks it: uid, primary gid and supplementary groups. uid 0 holds
 * the capabilities a container's root holds by default ({@code CAP_DAC_OVERRIDE}, {@code CAP_CHOWN},
 * {@code CAP_FOWNER}, {@code CAP_MKNOD}); any other uid holds none, privileged or not, because the
 * kernel drops capabilities when a non-root user runs a program. {@code privileged} matters only where
 * Kubernetes asks for it (Bidirectional mount propagation).
 *
 * @param uid the file-system user id
 * @param gid the file-system group id
 * @param supplementaryGroups further groups (fsGroup and supplementalGroups), sorted
 * @param privileged whether the container is privileged
 */
public record Credentials(int uid, int gid, ImmutableSortedSet<Integer> supplementaryGroups, boolean privileged) {
  /** uid 0, gid 0, no further groups, not privileged. */
  public static final Credentials ROOT = new Credentials(0, 0, ImmutableSortedSet.of(), false);

  public Credentials {
    checkArgument(uid >= 0, "uid is %s", uid);
    checkArgument(gid >= 0, "gid is %s", gid);
    requireNonNull(supplementaryGroups, "supplementaryGroups is null");
  }

  /** A process with this uid and gid and no further groups. */
  public static Credentials of(int uid, int gid) {
    return new Credentials(uid, gid, ImmutableSortedSet.of(), false);
  }

  /** The same process with these supplementary groups as well. */
  public Credentials withGroups(Integer... groups) {
    return new Credentials(uid, gid, ImmutableSortedSet.<Integer>naturalOrder()
        .addAll(supplementaryGroups).add(groups).build(), privileged);
  }

  /** The same process in a privileged container. */
  public Credentials asPrivileged() {
    return new Credentials(uid, gid, supplementaryGroups, true);
  }

  /** Whether this is uid 0, which bypasses read and write permission checks. */
  public boolean isRoot() {
    return uid == 0;
  }

  /** Whether {@code group} is the primary group or a supplementary one. */
  public boolean inGroup(int group) {
    return gid == group || supplementaryGroups.contains(group);
  }
}
