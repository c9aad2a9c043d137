package dev.volsim.scenario;

import dev.volsim.core.kubelet.Kubelet;
import dev.volsim.model.core.Container;
import dev.volsim.model.core.Pod;
import dev.volsim.sim.Simulation;
import java.util.List;

/** The {@code exit} and {@code restart: {container}} steps: a container's process ends or is restarted. */
final class ContainerSteps {
  private final Simulation sim;

  ContainerSteps(Simulation sim) {
    this.sim = sim;
  }

  /** The container's process ends with {@code code}. */
  void exit(String podRef, String container, int code) throws StepFailedException {
    Target t = target(podRef, container, "exit");
    if (!t.kubelet.exitContainer(t.namespace, t.pod, t.container, code)) {
      throw notRunning(t, "exit");
    }
  }

  /** The container is killed and started again at once. */
  void restart(String podRef, String container) throws StepFailedException {
    Target t = target(podRef, container, "restart");
    if (!t.kubelet.restartContainer(t.namespace, t.pod, t.container)) {
      throw notRunning(t, "restart");
    }
  }

  private record Target(Kubelet kubelet, String namespace, String pod, String container, String node) {}

  private static StepFailedException notRunning(Target t, String what) {
    return new StepFailedException("container " + t.container + " of pod " + t.namespace + "/" + t.pod
        + " running to " + what, "it is not running on node " + t.node);
  }

  private Target target(String podRef, String containerName, String what) throws StepFailedException {
    String ns = "default";
    String name = podRef.strip();
    int slash = name.indexOf('/');
    if (slash >= 0) {
      ns = name.substring(0, slash);
      name = name.substring(slash + 1);
    }
    String expected = "a running container of pod " + ns + "/" + name + " to " + what;
    Pod pod = sim.api().get(Pod.class, ns, name).orElse(null);
    if (pod == null) {
      throw new StepFailedException(expected, "pod " + ns + "/" + name + " not found");
    }
    String node = pod.spec() == null ? null : pod.spec().nodeName();
    if (node == null || node.isEmpty()) {
      throw new StepFailedException(expected, "pod " + ns + "/" + name + " is not scheduled to a node");
    }
    Kubelet kubelet = sim.kubelet(node).orElse(null);
    if (kubelet == null) {
      throw new StepFailedException(expected, "node " + node + " has no kubelet");
    }
    List<Container> all = pod.spec().allContainers();
    String c = containerName;
    if (c == null) {
      if (pod.spec().containers().size() != 1) {
        throw new StepFailedException(expected, "pod " + ns + "/" + name + " has " + pod.spec().containers().size()
            + " containers: name one with container");
      }
      c = pod.spec().containers().get(0).name();
    } else {
      String wanted = c;
      if (all.stream().noneMatch(x -> x.name().equals(wanted))) {
        throw new StepFailedException(expected, "pod " + ns + "/" + name + " has no container " + c + " (it has "
            + String.join(", ", all.stream().map(Container::name).toList()) + ")");
      }
    }
    return new Target(kubelet, ns, name, c, node);
  }
}
