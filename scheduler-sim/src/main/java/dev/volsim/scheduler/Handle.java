package dev.volsim.scheduler;

import dev.volsim.core.api.Informer;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.Pod;
import dev.volsim.model.storage.CSIDriver;
import dev.volsim.model.storage.CSINode;
import dev.volsim.model.storage.CSIStorageCapacity;
import dev.volsim.model.storage.StorageClass;

/** What plugins see of the scheduler ({@code framework.Handle}): the context, listers, the cache. */
final class Handle {
  final ClusterContext ctx;
  final Informer<Pod> pods;
  final Informer<Node> nodes;
  final Informer<PersistentVolume> pvs;
  final Informer<PersistentVolumeClaim> pvcs;
  final Informer<StorageClass> classes;
  final Informer<CSINode> csiNodes;
  final Informer<CSIDriver> csiDrivers;
  final Informer<CSIStorageCapacity> capacities;
  final SchedulerCache cache;
  final AssumeCache<PersistentVolume> pvCache;
  final AssumeCache<PersistentVolumeClaim> pvcCache;
  final PvIndex pvIndex;

  Handle(ClusterContext ctx, String component, SchedulerCache cache) {
    this.ctx = ctx;
    this.pods = new Informer<>(ctx.api(), Pod.class, component);
    this.nodes = new Informer<>(ctx.api(), Node.class, component);
    this.pvs = new Informer<>(ctx.api(), PersistentVolume.class, component);
    this.pvcs = new Informer<>(ctx.api(), PersistentVolumeClaim.class, component);
    this.classes = new Informer<>(ctx.api(), StorageClass.class, component);
    this.csiNodes = new Informer<>(ctx.api(), CSINode.class, component);
    this.csiDrivers = new Informer<>(ctx.api(), CSIDriver.class, component);
    this.capacities = new Informer<>(ctx.api(), CSIStorageCapacity.class, component);
    this.cache = cache;
    this.pvCache = new AssumeCache<>(pvs);
    this.pvcCache = new AssumeCache<>(pvcs);
    this.pvIndex = new PvIndex();
  }

  int minor() {
    return ctx.version().minor();
  }

  /** {@code persistentvolumeclaim "x" not found}, the lister's NotFound text. */
  static String pvcNotFound(String name) {
    return "persistentvolumeclaim \"" + name + "\" not found";
  }
}
