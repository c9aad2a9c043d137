package dev.volsim.scenario;

import dev.volsim.core.kubelet.Kubelet;
import dev.volsim.core.kubelet.RunningContainer;
import dev.volsim.core.world.Credentials;
import dev.volsim.model.core.Container;
import dev.volsim.model.core.Pod;
import dev.volsim.scenario.expr.ExprException;
import dev.volsim.scenario.expr.FileAccess;
import dev.volsim.sim.Simulation;
import java.util.List;
import java.util.Optional;

/** The file systems of a simulation: containers' views through their node's kubelet, nodes' disks. */
final class SimFiles implements FileAccess {
  private final Simulation sim;

  SimFiles(Simulation sim) {
    this.sim = sim;
  }

  @Override
  public View container(String pod, String container) throws ExprException {
    return container(pod, container, null, null);
  }

  /** The container's view acting as {@code uid}/{@code gid} when given. */
  View container(String podRef, String containerName, Long uid, Long gid) throws ExprException {
    String ns = "default";
    String name = podRef.strip();
    int slash = name.indexOf('/');
    if (slash >= 0) {
      ns = name.substring(0, slash);
      name = name.substring(slash + 1);
    }
    Pod pod = sim.api().get(Pod.class, ns, name)
        .orElseThrow(() -> new ExprException("pod " + podRef + " not found"));
    String phase = pod.status() == null ? null : pod.status().phase() == null ? null : pod.status().phase().wire();
    String node = pod.spec() == null ? null : pod.spec().nodeName();
    if (node == null || node.isEmpty()) {
      throw new ExprException("pod " + ns + "/" + name + " is not scheduled to a node (phase " + phase + ")");
    }
    if (!"Running".equals(phase)) {
      throw new ExprException("pod " + ns + "/" + name + " is not Running (phase " + phase + ")");
    }
    Kubelet kubelet = sim.kubelet(node)
        .orElseThrow(() -> new ExprException("node " + node + " of pod " + podRef + " has no kubelet"));
    List<Container> containers = pod.spec().containers();
    Container c;
    if (containerName == null) {
      if (containers.size() != 1) {
        throw new ExprException("pod " + ns + "/" + name + " has " + containers.size()
            + " containers: name one with container (" + String.join(", ", containers.stream().map(Container::name).toList()) + ")");
      }
      c = containers.get(0);
    } else {
      Optional<Container> found = containers.stream().filter(x -> x.name().equals(containerName)).findFirst();
      if (found.isEmpty()) {
        throw new ExprException("pod " + ns + "/" + name + " has no container " + containerName + " (it has "
            + String.join(", ", containers.stream().map(Container::name).toList()) + ")");
      }
      c = found.get();
    }
    String pns = ns;
    String pname = name;
    RunningContainer running = kubelet.container(ns, name, c.name())
        .orElseThrow(() -> new ExprException("container " + c.name() + " of pod " + pns + "/" + pname
            + " is not running on node " + node));
    Credentials as = dev.volsim.core.kubelet.ContainerUser.of(pod, c, kubelet.containerBehaviors(), uid, gid);
    return new View(running.namespace(), as, "pod " + ns + "/" + name + " container " + c.name() + " on node " + node);
  }

  @Override
  public View node(String node) throws ExprException {
    Kubelet kubelet = sim.kubelet(node).orElseThrow(() -> new ExprException("node " + node + " has no kubelet"));
    return new View(kubelet.disk().root(), Credentials.ROOT, "node " + node);
  }
}
