package dev.volsim.core.kubelet;

import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.MountNamespace;
import dev.volsim.core.world.MountOptions;
import dev.volsim.core.world.MountSource;
import dev.volsim.model.core.Container;
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
}
