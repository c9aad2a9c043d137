package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;

/**
 * Security settings for every container of a Pod, and for its volumes' ownership.
 *
 * @param runAsUser the default uid of the containers' processes
 * @param runAsGroup the default primary gid of the containers' processes
 * @param runAsNonRoot whether the kubelet must refuse to start any container as uid 0
 * @param supplementalGroups extra gids of every container's first process
 * @param fsGroup a gid that owns the Pod's volumes that support ownership management, and that
 *     every process gets as supplementary group
 * @param fsGroupChangePolicy when ownership of a volume is changed to {@code fsGroup}
 */
public record PodSecurityContext(
    Long runAsUser,
    Long runAsGroup,
    Boolean runAsNonRoot,
    ImmutableList<Long> supplementalGroups,
    Long fsGroup,
    PodFSGroupChangePolicy fsGroupChangePolicy) {
  public PodSecurityContext {
    supplementalGroups = Immutables.list(supplementalGroups);
  }
}
