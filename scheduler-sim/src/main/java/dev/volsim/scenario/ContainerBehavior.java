package dev.volsim.scenario;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * One entry of {@code spec.behaviors}: which containers it matches and what their process does at
 * every start.
 *
 * @param namespace the matched Pod's namespace (with {@code pod}), else null
 * @param pod the matched Pod's name, or null when matching by image
 * @param container the matched container, or null for every container of the Pod
 * @param image the matched image, or null when matching by Pod
 * @param onStart the operations, in order
 */
public record ContainerBehavior(String namespace, String pod, String container, String image,
    ImmutableList<Op> onStart) {
  public ContainerBehavior {
    requireNonNull(onStart, "onStart is null");
    onStart = ImmutableList.copyOf(onStart);
  }

  /**
   * One operation: a file operation as in {@code exec} steps, or {@code exit} (args {@code code}).
   *
   * @param op write, append, mkdir, remove, rename, chmod, chown, symlink, or exit
   * @param args its arguments (path, content, size, from, to, mode, uid, gid, target, code)
   */
  public record Op(String op, ImmutableMap<String, String> args) {
    public Op {
      requireNonNull(op, "op is null");
      args = ImmutableMap.copyOf(args);
    }
  }

  /** Whether this behavior applies to container {@code name} (image {@code img}) of Pod ns/pod. */
  boolean matches(String podNamespace, String podName, String name, String img) {
    if (image != null) {
      return image.equals(img);
    }
    return pod.equals(podName) && namespace.equals(podNamespace) && (container == null || container.equals(name));
  }
}
