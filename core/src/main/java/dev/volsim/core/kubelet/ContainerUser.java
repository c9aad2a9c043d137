package dev.volsim.core.kubelet;

import dev.volsim.core.world.Credentials;
import dev.volsim.model.core.Container;
import dev.volsim.model.core.Pod;
import java.util.Arrays;
import java.util.Optional;

/**
 * Who a container's processes run as: {@code runAsUser}/{@code runAsGroup} of the container, else
 * of the Pod, else the image's default user, else root; the Pod's supplemental groups and
 * {@code fsGroup} as extra groups; privileged when the container says so.
 */
public final class ContainerUser {
  private ContainerUser() {}

  /** The credentials of {@code c}'s processes, {@code uid}/{@code gid} overriding when not null. */
  public static Credentials of(Pod pod, Container c, ContainerBehaviors behaviors, Long uid, Long gid) {
    Optional<Credentials> image = behaviors.imageUser(c.image());
    long u = uid != null ? uid : runAs(c, pod, true, image.map(Credentials::uid).orElse(0));
    long g = gid != null ? gid : runAs(c, pod, false, image.map(Credentials::gid).orElse(0));
    Credentials as = Credentials.of((int) u, (int) g);
    var psc = pod.spec().securityContext();
    if (psc != null) {
      Integer[] groups = psc.supplementalGroups().stream().map(Long::intValue).toArray(Integer[]::new);
      if (psc.fsGroup() != null) {
        Integer[] more = Arrays.copyOf(groups, groups.length + 1);
        more[groups.length] = psc.fsGroup().intValue();
        groups = more;
      }
      if (groups.length > 0) {
        as = as.withGroups(groups);
      }
    }
    if (c.securityContext() != null && c.securityContext().isPrivileged()) {
      as = as.asPrivileged();
    }
    return as;
  }

  /**
   * As {@link #of(Pod, Container, ContainerBehaviors, Long, Long)}, plus the groups the Pod's volumes
   * give it ({@link VolumeGids}).
   */
  public static Credentials of(Pod pod, Container c, ContainerBehaviors behaviors, Long uid, Long gid,
      java.util.List<Integer> volumeGroups) {
    Credentials as = of(pod, c, behaviors, uid, gid);
    return volumeGroups.isEmpty() ? as : as.withGroups(volumeGroups.toArray(Integer[]::new));
  }

  private static long runAs(Container c, Pod pod, boolean user, int imageDefault) {
    var sc = c.securityContext();
    Long v = sc == null ? null : user ? sc.runAsUser() : sc.runAsGroup();
    if (v == null && pod.spec().securityContext() != null) {
      v = user ? pod.spec().securityContext().runAsUser() : pod.spec().securityContext().runAsGroup();
    }
    return v == null ? imageDefault : v;
  }
}
