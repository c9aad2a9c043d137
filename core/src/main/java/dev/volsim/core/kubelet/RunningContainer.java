package dev.volsim.core.kubelet;

import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.MountNamespace;
import dev.volsim.core.world.MountOptions;
import dev.volsim.core.world.MountSource;
import dev.volsim.core.volume.NodeVolumeMounts;
import dev.volsim.core.world.MountPropagation;
import dev.volsim.model.core.Container;
import dev.volsim.model.core.MountPropagationMode;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.VolumeMount;
import java.util.Map;

/**
 * A started container: its own root file system (lost when it restarts) and its mount namespace
 * with the Pod's volumes at their mount paths (readOnly, subPath), so a later step can act on files.
 */
public record RunningContainer(String name, FileTree root, MountNamespace namespace) {
  /** The top directories an image's root file system starts with (the scenario format's promise). */
  static final java.util.List<String> IMAGE_TOP_DIRECTORIES = java.util.List.of("/bin", "/etc", "/home", "/root", "/usr", "/var");

  static RunningContainer start(Container c, Map<String, MountSource> volumes) {
    FileTree root = FileTree.create();
    for (String dir : IMAGE_TOP_DIRECTORIES) {
      root.mkdir(dir, 0755, Credentials.ROOT);
    }
    // /tmp is world-writable with the sticky bit, as in every image.
    root.mkdir("/tmp", Credentials.ROOT);
    root.chmod("/tmp", 01777, Credentials.ROOT);
    root.chmod("/root", 0700, Credentials.ROOT);
    MountNamespace ns = MountNamespace.create(root);
    for (VolumeMount m : c.volumeMounts()) {
      MountSource source = volumes.get(m.name());
      if (source == null) {
        continue;
      }
      if (m.subPath() != null && !m.subPath().isEmpty()) {
        source = source.subdirectory(m.subPath());
      }
      ns.mount(m.mountPath(), source, m.readOnly() ? MountOptions.READ_ONLY : MountOptions.READ_WRITE);
    }
    return new RunningContainer(c.name(), root, ns);
  }

  /**
   * Starts {@code c} of {@code pod} as the kubelet's {@code makeMounts} mounts its volumes:
   * {@code subPath} or the expanded {@code subPathExpr} selects a directory of the volume, made
   * when missing with the mode of the volume's root (so the container can reach it); a mount with
   * {@code mountPropagation: None} (the default) is a private copy of the volume as mounted now,
   * {@code HostToContainer} a live view of the volume's host path (mounts the host makes there later
   * show), {@code Bidirectional} also propagates the container's mounts there to the host.
   *
   * @param host the node's mounts, where each volume's host path lies
   */
  static RunningContainer start(Container c, Pod pod, Map<String, MountSource> volumes, NodeVolumeMounts host,
      FileTree disk) {
    FileTree root = FileTree.create();
    for (String dir : IMAGE_TOP_DIRECTORIES) {
      root.mkdir(dir, 0755, Credentials.ROOT);
    }
    root.mkdir("/tmp", Credentials.ROOT);
    root.chmod("/tmp", 01777, Credentials.ROOT);
    root.chmod("/root", 0700, Credentials.ROOT);
    MountNamespace ns = MountNamespace.create(root);
    for (VolumeMount m : c.volumeMounts()) {
      MountSource source = volumes.get(m.name());
      if (source == null) {
        continue;
      }
      String sub = m.subPath();
      if (m.subPathExpr() != null && !m.subPathExpr().isEmpty()) {
        sub = SubPathExpansion.expand(m.subPathExpr(), c, pod);
      }
      MountSource volumeRoot = source;
      if (sub != null && !sub.isEmpty()) {
        checkExpandedSubPath(sub);
        sub = safeSubPath(m, c, source, sub, host, disk);
        makeSubPath(source, sub);
        source = source.subdirectory(sub);
      }
      MountPropagation propagation = m.mountPropagation() == MountPropagationMode.HOST_TO_CONTAINER
          ? MountPropagation.HOST_TO_CONTAINER
          : m.mountPropagation() == MountPropagationMode.BIDIRECTIONAL ? MountPropagation.BIDIRECTIONAL
          : MountPropagation.NONE;
      String hostPath = propagation == MountPropagation.NONE ? null : hostPath(volumeRoot, host, disk);
      if (hostPath == null) {
        ns.mount(m.mountPath(), source, m.readOnly() ? MountOptions.READ_ONLY : MountOptions.READ_WRITE);
      } else {
        String at = sub == null || sub.isEmpty() ? hostPath : hostPath + "/" + sub;
        ns.bind(m.mountPath(), host.hostNamespace(), at, new MountOptions(m.readOnly(), propagation));
      }
    }
    return new RunningContainer(c.name(), root, ns);
  }

  /** Where a volume's source lies in the node's namespace: a path of the disk, or where it is mounted. */
  private static String hostPath(MountSource source, NodeVolumeMounts host, FileTree disk) {
    if (source.tree() == disk) {
      return source.subPath();
    }
    for (Map.Entry<String, MountSource> e : host.sources().entrySet()) {
      MountSource mounted = e.getValue();
      if (mounted.tree() == source.tree() && (source.subPath() + "/").startsWith(
          mounted.subPath().equals("/") ? "/" : mounted.subPath() + "/")) {
        String rest = source.subPath().substring(mounted.subPath().equals("/") ? 0 : mounted.subPath().length());
        return rest.isEmpty() || rest.equals("/") ? e.getKey() : e.getKey() + rest;
      }
    }
    return null;
  }

  /**
   * kubelet_pods.go makeMounts: what validation could not see in a {@code subPathExpr} before its
   * expansion (an absolute path, a {@code ..} element) is refused on the node.
   */
  private static void checkExpandedSubPath(String sub) {
    if (sub.startsWith("/")) {
      throw new ContainerConfigException("error SubPath `" + sub + "` must not be an absolute path");
    }
    if (java.util.Arrays.asList(sub.split("/")).contains("..")) {
      throw new ContainerConfigException("unable to provision SubPath `" + sub + "`: must not contain '..'");
    }
  }

  /**
   * The subPath with its symlinks resolved inside the volume (subpath_linux.go), or the kubelet's
   * refusal when they lead out of it: a missing target is a failed {@code SafeMakeDir}, an existing
   * one a failed {@code PrepareSafeSubpath}; neither message says where it led (kubelet_pods.go
   * makeMounts: "Don't pass detailed error back to the user").
   */
  private static String safeSubPath(VolumeMount m, Container c, MountSource volume, String sub, NodeVolumeMounts host,
      FileTree disk) {
    SubPathResolver.Resolved r = SubPathResolver.resolve(volume, sub, hostPath(volume, host, disk), host.hostNamespace());
    if (!r.outside()) {
      return r.relativePath().isEmpty() ? "." : r.relativePath();
    }
    throw new ContainerConfigException(r.exists()
        ? "failed to prepare subPath for volumeMount \"" + m.name() + "\" of container \"" + c.name() + "\""
        : "failed to create subPath directory for volumeMount \"" + m.name() + "\" of container \"" + c.name() + "\"");
  }

  /** kubelet_pods.go: "Create the sub path now", with the volume root's mode, as root. */
  private static void makeSubPath(MountSource source, String sub) {
    MountNamespace view = MountNamespace.create(source.tree().asMountSource(), MountOptions.READ_WRITE);
    String path = source.subPath().equals("/") ? "/" + sub : source.subPath() + "/" + sub;
    if (!view.exists(path, Credentials.ROOT)) {
      int mode = view.stat(source.subPath(), Credentials.ROOT).mode() & 07777;
      view.mkdirs(path, mode, Credentials.ROOT);
    }
  }
}
