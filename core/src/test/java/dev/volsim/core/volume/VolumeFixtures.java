package dev.volsim.core.volume;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileSpec;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.MountNamespace;
import dev.volsim.core.world.MountOptions;
import dev.volsim.core.world.MountSource;
import dev.volsim.core.world.NfsServer;
import dev.volsim.core.world.NodeDisk;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.Quantity;
import dev.volsim.model.core.Container;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodSpec;
import dev.volsim.model.core.ResourceRequirements;
import dev.volsim.model.volume.Volume;
import dev.volsim.model.volume.VolumeSource;
import java.util.List;

/** Nodes, Pods and containers for the plugin tests. */
final class VolumeFixtures {
  static final Credentials ROOT = Credentials.ROOT;
  static final Credentials USER = Credentials.of(1000, 1000);
  static final long MI = 1024 * 1024;

  private VolumeFixtures() {}

  static StaticNodeContext node(String... packages) {
    return node("10.0.1.5", List.of(), packages);
  }

  static StaticNodeContext node(String address, List<NfsServer> servers, String... packages) {
    NodeDisk disk = NodeDisk.create("node-1", FileTree.UNLIMITED, List.<FileSpec>of());
    return new StaticNodeContext(disk, address, List.of(packages), servers);
  }

  static Pod pod(String uid, VolumeSource source) {
    return pod(uid, source, container("app", null));
  }

  static Pod pod(String uid, VolumeSource source, Container... containers) {
    return new Pod(ObjectMeta.builder().name("pod-" + uid).namespace("default").uid(uid)
        .label("app", "web").label("tier", "front").build(),
        PodSpec.of(List.of(new Volume("vol", source)), List.of(containers)), null);
  }

  static Container container(String name, String memoryLimit) {
    ResourceRequirements resources = memoryLimit == null ? null
        : new ResourceRequirements(ImmutableSortedMap.of("memory", Quantity.parse(memoryLimit)), null);
    return new Container(name, "busybox", null, null, null, null, null, null, resources, null, null, null, null,
        null, null, null, null, null, null, null, false, false, false);
  }

  static Volume volume(Pod pod) {
    return pod.spec().volumes().get(0);
  }

  /** A container's view with {@code source} mounted at {@code path}. */
  static MountNamespace container(MountSource source, String path, boolean readOnly) {
    MountNamespace ns = MountNamespace.create(FileTree.create());
    ns.mount(path, source, readOnly ? MountOptions.READ_ONLY : MountOptions.READ_WRITE);
    return ns;
  }

  static <T> ImmutableList<T> list(T... items) {
    return ImmutableList.copyOf(items);
  }
}
