package dev.volsim.core.volume;

import static java.util.Objects.requireNonNull;

import dev.volsim.core.world.MountNamespace;
import dev.volsim.core.world.MountOptions;
import dev.volsim.core.world.MountSource;
import dev.volsim.core.world.NodeDisk;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The node's mount namespace as the kubelet uses it for volumes: what is mounted at each per-Pod
 * volume path (a Memory emptyDir's tmpfs, an NFS export), so a process on the node sees it there and a
 * later SetUp or TearDown finds it again. Paths iterate in order.
 */
public final class NodeVolumeMounts {
  private final MountNamespace host;
  private final TreeMap<String, MountSource> sources = new TreeMap<>();

  private NodeVolumeMounts(MountNamespace host) {
    this.host = host;
  }

  /** The mounts of a node whose root file system is {@code disk}. */
  public static NodeVolumeMounts of(NodeDisk disk) {
    return new NodeVolumeMounts(MountNamespace.create(requireNonNull(disk, "disk is null").root()));
  }

  /** The node's own view: its disk with the volume mounts on it. */
  public MountNamespace hostNamespace() {
    return host;
  }

  /** What is mounted at {@code path}, if anything. */
  public Optional<MountSource> sourceAt(String path) {
    return Optional.ofNullable(sources.get(path));
  }

  /** Every volume mount, by path. */
  public SortedMap<String, MountSource> sources() {
    return Collections.unmodifiableSortedMap(sources);
  }

  void mount(String path, MountSource source, MountOptions options) {
    host.mount(path, source, options);
    sources.put(path, source);
  }

  /** Unmounts {@code path}; returns whether anything was mounted there. */
  boolean unmount(String path) {
    if (sources.remove(path) == null) {
      return false;
    }
    host.unmount(path);
    return true;
  }
}
