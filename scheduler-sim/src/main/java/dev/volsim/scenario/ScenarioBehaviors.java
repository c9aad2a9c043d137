package dev.volsim.scenario;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.core.kubelet.ContainerBehaviors;
import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FsException;
import dev.volsim.core.world.MountNamespace;
import dev.volsim.model.core.Container;
import dev.volsim.model.core.Pod;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A scenario's {@code spec.images} and {@code spec.behaviors}, as the kubelets ask for them: an
 * image's default user, and the operations a matched container's process carries out at every
 * start. Every matching behavior runs, in file order, until an {@code exit}; an operation the file
 * system refuses ends the process with exit code 1, as a shell script stopping at an error.
 *
 * @param images default user and group by image reference
 * @param behaviors in file order
 */
public record ScenarioBehaviors(ImmutableSortedMap<String, Credentials> images,
    ImmutableList<ContainerBehavior> behaviors) implements ContainerBehaviors {
  /** No images declared, no behaviors. */
  public static final ScenarioBehaviors EMPTY = new ScenarioBehaviors(ImmutableSortedMap.of(), ImmutableList.of());

  public ScenarioBehaviors {
    images = ImmutableSortedMap.copyOf(images);
    behaviors = ImmutableList.copyOf(behaviors);
  }

  @Override
  public Optional<Credentials> imageUser(String image) {
    return Optional.ofNullable(images.get(image));
  }

  @Override
  public OptionalInt onStart(Pod pod, Container container, MountNamespace fs, Credentials as) {
    String ns = pod.metadata().namespace() == null ? "default" : pod.metadata().namespace();
    for (ContainerBehavior b : behaviors) {
      if (!b.matches(ns, pod.metadata().name(), container.name(), container.image())) {
        continue;
      }
      for (ContainerBehavior.Op op : b.onStart()) {
        if (op.op().equals("exit")) {
          return OptionalInt.of(Integer.parseInt(op.args().get("code")));
        }
        try {
          FileOps.apply(fs, op.op(), op.args(), as);
        } catch (FsException | IllegalArgumentException e) {
          return OptionalInt.of(1);
        }
      }
    }
    return OptionalInt.empty();
  }
}
