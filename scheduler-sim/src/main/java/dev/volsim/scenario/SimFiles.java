package dev.volsim.scenario;

import dev.volsim.core.kubelet.Kubelet;
import dev.volsim.core.kubelet.RunningContainer;
import dev.volsim.core.world.ClusterWorld;
import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.CredentialsMapping;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.MountNamespace;
import dev.volsim.core.world.MountOptions;
import dev.volsim.core.world.MountSource;
import dev.volsim.core.world.NfsServer;
import dev.volsim.model.core.Container;
import dev.volsim.model.core.Pod;
import dev.volsim.scenario.expr.ExprException;
import dev.volsim.scenario.expr.FileAccess;
import dev.volsim.sim.Simulation;
import java.util.List;
import java.util.Optional;

/**
 * The file systems of a simulation: containers' views through their node's kubelet, nodes' disks,
 * and through the cluster's world NFS servers' disks and backends' file systems.
 */
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
    Credentials as = dev.volsim.core.kubelet.ContainerUser.of(pod, c, kubelet.containerBehaviors(), uid, gid,
        dev.volsim.core.kubelet.VolumeGids.forPod(pod, sim.api()));
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

  @Override
  public View node(String node) throws ExprException {
    Kubelet kubelet = sim.kubelet(node).orElseThrow(() -> new ExprException("node " + node + " has no kubelet"));
    // The host's own view: its disk with what is mounted on it (volumes, an administrator's mounts).
    return new View(kubelet.hostNamespace(), Credentials.ROOT, "node " + node);
  }

  @Override
  public View nfs(String server) throws ExprException {
    return nfs(server, false);
  }

  /**
   * An NFS server's disk; with {@code create} (an admin acting) and strict off, a server nobody
   * declared comes into existence as it would for a volume naming it.
   */
  View nfs(String server, boolean create) throws ExprException {
    ClusterWorld world = sim.world();
    Optional<NfsServer> found = world.nfsServers().stream()
        .filter(s -> s.name().equals(server) || s.address().equals(server)).findFirst();
    for (String node : world.nodes()) {
      if (found.isEmpty() && (node.equals(server) || world.nodeAddress(node).orElse("").equals(server))) {
        found = world.nodeNfsServer(node);
      }
    }
    if (found.isEmpty() && create) {
      // No Pod's node is meant: localhost has no meaning outside a node.
      found = world.resolveNfsServer(server, "");
    }
    NfsServer s = found.orElseThrow(() -> new ExprException("no NFS server " + server + " in the cluster"
        + (world.strict() ? " (storage.strict: only declared servers exist)" : " (none declared or used yet)")));
    return new View(s.disk(), Credentials.ROOT, "NFS server " + s.name());
  }

  @Override
  public View backend(String backend) throws ExprException {
    return backend(backend, false);
  }

  /**
   * A backend's file system, {@code cephfs:<fs>:<path>} rooted at that path; with {@code create}
   * (an admin acting) and strict off, a CephFS or GlusterFS volume nobody declared comes into
   * existence, empty.
   */
  View backend(String backend, boolean create) throws ExprException {
    ClusterWorld world = sim.world();
    Optional<FileTree> tree = world.backendFileSystem(backend);
    String name = backend;
    String subPath = "/";
    if (backend.startsWith("cephfs:") && backend.indexOf(':', "cephfs:".length()) > 0) {
      int second = backend.indexOf(':', "cephfs:".length());
      name = backend.substring(0, second);
      subPath = backend.substring(second + 1);
      if (!subPath.startsWith("/")) {
        throw new ExprException("backend " + backend + ": the path inside the CephFS must be absolute");
      }
    }
    if (tree.isEmpty() && create && !world.strict()) {
      if (name.startsWith("cephfs:")) {
        tree = world.sharedFileSystem(name, "ceph");
      } else if (name.startsWith("glusterfs:")) {
        tree = world.sharedFileSystem(name, "fuse.glusterfs");
      }
    }
    if (tree.isEmpty()) {
      boolean exists = world.existingBlockDevice(name).isPresent();
      throw new ExprException("backend " + backend + (exists ? " holds no file system (never formatted)"
          : " does not exist" + (world.strict() ? " (storage.strict: only declared storage exists)"
              : " (not declared or used yet)")));
    }
    FileTree t = tree.get();
    if (subPath.equals("/")) {
      return new View(t, Credentials.ROOT, "backend " + backend);
    }
    if (!t.exists(subPath, Credentials.ROOT)) {
      throw new ExprException("backend " + backend + ": " + subPath + " does not exist in " + name);
    }
    MountNamespace ns = MountNamespace.create(new MountSource(t, subPath, false, CredentialsMapping.IDENTITY,
        t.fsType(), backend), MountOptions.READ_WRITE);
    return new View(ns, Credentials.ROOT, "backend " + backend);
  }
}
