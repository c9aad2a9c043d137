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
    long u = uid != null ? uid : runAs(c, pod, true);
    long g = gid != null ? gid : runAs(c, pod, false);
    Credentials as = Credentials.of((int) u, (int) g);
    var psc = pod.spec().securityContext();
    if (psc != null) {
      Integer[] groups = psc.supplementalGroups().stream().map(Long::intValue).toArray(Integer[]::new);
      if (psc.fsGroup() != null) {
        Integer[] more = java.util.Arrays.copyOf(groups, groups.length + 1);
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
    return new View(running.namespace(), as, "pod " + ns + "/" + name + " container " + c.name() + " on node " + node);
  }

  @Override
  public List<MountEntry> mounts(String podRef, String containerName) throws ExprException {
    View view = container(podRef, containerName, null, null);
    if (!(view.fs() instanceof dev.volsim.core.world.MountNamespace ns)) {
      throw new ExprException(view.where() + " has no mount table");
    }
    String ns0 = podRef.contains("/") ? podRef.substring(0, podRef.indexOf('/')).strip() : "default";
    String name = podRef.substring(podRef.indexOf('/') + 1).strip();
    Pod pod = sim.api().get(Pod.class, ns0, name).orElseThrow(() -> new ExprException("pod " + podRef + " not found"));
    String cname = containerName != null ? containerName : pod.spec().containers().get(0).name();
    java.util.Map<String, String> volumeAt = new java.util.TreeMap<>();
    for (Container c : pod.spec().containers()) {
      if (c.name().equals(cname)) {
        for (var m : c.volumeMounts()) {
          volumeAt.put(dev.volsim.scenario.expr.MountsExpectation.normalizePath(m.mountPath()), m.name());
        }
      }
    }
    List<MountEntry> out = new java.util.ArrayList<>();
    for (dev.volsim.core.world.Mount m : ns.mounts()) {
      out.add(new MountEntry(m.path(), volumeAt.get(m.path()), m.readOnly(), m.fsType(), m.device(),
          m.propagation().apiName()));
    }
    return out;
  }

  private static long runAs(Container c, Pod pod, boolean user) {
    var sc = c.securityContext();
    Long v = sc == null ? null : user ? sc.runAsUser() : sc.runAsGroup();
    if (v == null && pod.spec().securityContext() != null) {
      v = user ? pod.spec().securityContext().runAsUser() : pod.spec().securityContext().runAsGroup();
    }
    return v == null ? 0 : v;
  }

  @Override
  public View node(String node) throws ExprException {
    Kubelet kubelet = sim.kubelet(node).orElseThrow(() -> new ExprException("node " + node + " has no kubelet"));
    // The host's own view: its disk with what is mounted on it (volumes, an administrator's mounts).
    return new View(kubelet.hostNamespace(), Credentials.ROOT, "node " + node);
  }
}
