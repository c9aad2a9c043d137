package dev.volsim.core.volume;

import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.MountSource;
import dev.volsim.model.core.Pod;
import java.util.Map;

/**
 * The SetUp shared by configMap, secret, downwardAPI and projected volumes: compute the payload from
 * the objects as they are now (errors first, before anything is made), set up the wrapped emptyDir
 * (on disk, or a tmpfs for secret and projected), then write the payload with the
 * {@link AtomicWriter}. A later SetUp rewrites only what changed. Containers get the volume
 * read-only.
 */
abstract class ProjectingMounter implements Mounter {
  private final String path;
  private final boolean memory;
  final Pod pod;

  ProjectingMounter(String path, boolean memory, Pod pod) {
    this.path = path;
    this.memory = memory;
    this.pod = pod;
  }

  /** The files to write, from the objects as {@code node} sees them now. */
  abstract Map<String, FileProjection> payload(NodeContext node, Pod currentPod);

  @Override
  public final String path() {
    return path;
  }

  @Override
  public final VolumeAttributes attributes() {
    return VolumeAttributes.READ_ONLY;
  }

  @Override
  public final MountSource setUp(NodeContext node) {
    Pod current = node.pod(Payloads.namespace(pod), pod.metadata().name())
        .filter(p -> p.metadata().uid() == null || p.metadata().uid().equals(pod.metadata().uid()))
        .orElse(pod);
    Map<String, FileProjection> payload = payload(node, current);
    MountSource source = memory
        ? EmptyDirPlugin.setUpInMemory(node, path, EmptyDirPlugin.memorySize(node, pod, null))
        : EmptyDirPlugin.setUpOnDisk(node, path);
    new AtomicWriter(node.volumeMounts().hostNamespace(), path, Credentials.ROOT).write(payload, node.nowMicros());
    // The plugin's ReadOnly attribute: the kubelet mounts it read-only into every container
    // (kubelet_pods.go makeMounts, mustMountRO), whatever the volumeMount says.
    return new MountSource(source.tree(), source.subPath(), true, source.mapping(), source.fsType(), source.device());
  }
}
