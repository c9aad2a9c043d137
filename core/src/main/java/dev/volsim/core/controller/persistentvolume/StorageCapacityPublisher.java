package dev.volsim.core.controller.persistentvolume;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.core.api.ApiClient;
import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.Informer;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.cluster.CsiDriverProfile;
import dev.volsim.core.controller.RateLimiters;
import dev.volsim.core.controller.SyncResult;
import dev.volsim.core.controller.WorkQueue;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.Quantity;
import dev.volsim.model.core.LabelSelector;
import dev.volsim.model.core.Node;
import dev.volsim.model.storage.CSINode;
import dev.volsim.model.storage.CSIStorageCapacity;
import dev.volsim.model.storage.StorageClass;
import dev.volsim.model.storage.VolumeBindingMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The external-provisioner's capacity controller ({@code pkg/capacity}, csi-provisioner
 * {@code --enable-capacity}), for every CSI driver of the cluster with a {@code capacity}: one
 * CSIStorageCapacity per (StorageClass whose {@code provisioner} is the driver, topology segment),
 * in namespace {@value #NAMESPACE} (upstream: the provisioner's own namespace), {@code generateName}
 * {@code csisc-}, labelled {@code csi.storage.k8s.io/drivername} and
 * {@code csi.storage.k8s.io/managed-by: external-provisioner}.
 *
 * <p>Segments are upstream's node topology ({@code pkg/capacity/topology/nodes.go}): the values of
 * the driver's topology key on the nodes whose CSINode lists the driver, each segment
 * {@code nodeTopology: {matchLabels: {<key>: <value>}}}; a driver without topology has one segment,
 * an empty selector (every node), once some CSINode lists it. volsim's driver answers
 * {@code GetCapacity} only for the zones its profile lists (when it lists any), so no object is
 * published for other segments.
 *
 * <p>{@code capacity} is the profile's {@code capacity} <em>per segment</em> (each zone has that
 * much; without topology it is the total) minus the volumes of the driver in that segment (PVs of
 * the driver with that zone in their node affinity, and pre-existing volumes of that zone), as
 * {@code GetCapacity} would answer; it is refreshed when the provisioner's PV cache sees a volume
 * provisioned or deleted (so after the {@code provision} / {@code delete} latency), standing for
 * upstream's poll. As upstream without {@code --capacity-for-immediate-binding}, classes with
 * {@code volumeBindingMode: Immediate} get no objects. Objects follow classes and segments as they
 * come and go.
 */
final class StorageCapacityPublisher {
  static final String NAMESPACE = "kube-system";
  static final String DRIVER_NAME_LABEL = "csi.storage.k8s.io/drivername";
  static final String MANAGED_BY_LABEL = "csi.storage.k8s.io/managed-by";
  static final String MANAGED_BY = "external-provisioner";
  static final String GENERATE_NAME = "csisc-";

  private final ClusterContext ctx;
  private final ApiClient client;
  private final Informer<StorageClass> classInformer;
  private final Informer<Node> nodeInformer;
  private final Informer<CSINode> csiNodeInformer;
  /** Bytes in use per (driver, segment value; "" without topology). */
  private final BiFunction<String, String, BigDecimal> used;
  /** The objects written, by driver, class and segment. */
  private final TreeMap<String, TreeMap<String, CSIStorageCapacity>> published = new TreeMap<>();
  private WorkQueue<String> queue;
  private boolean paused;

  StorageCapacityPublisher(ClusterContext ctx, ApiClient client, Informer<StorageClass> classInformer,
      Informer<Node> nodeInformer, Informer<CSINode> csiNodeInformer, BiFunction<String, String, BigDecimal> used) {
    this.ctx = requireNonNull(ctx, "ctx is null");
    this.client = requireNonNull(client, "client is null");
    this.classInformer = classInformer;
    this.nodeInformer = nodeInformer;
    this.csiNodeInformer = csiNodeInformer;
    this.used = used;
  }

  /** Whether any driver of the cluster publishes capacity. */
  boolean enabled() {
    return ctx.csiDrivers().stream().anyMatch(d -> d.capacity() != null);
  }

  void start() {
    queue = WorkQueue.<String>builder(ctx.engine(), ExternalProvisioner.NAME).eventType("capacity")
        .rateLimiter(RateLimiters.itemExponentialFailure(ExternalProvisioner.RETRY_INTERVAL_START,
            ExternalProvisioner.RETRY_INTERVAL_MAX))
        .build(this::syncDriver);
    classInformer.addHandler(new Informer.Handler<>() {
      @Override public void onAdd(StorageClass c) { driverChanged(c.provisioner()); }
      @Override public void onUpdate(StorageClass o, StorageClass c) { driverChanged(o.provisioner()); driverChanged(c.provisioner()); }
      @Override public void onDelete(StorageClass c) { driverChanged(c.provisioner()); }
    });
    nodeInformer.addHandler(new Informer.Handler<>() {
      @Override public void onAdd(Node n) { allChanged(); }
      @Override public void onUpdate(Node o, Node n) {
        if (!o.metadata().labels().equals(n.metadata().labels())) {
          allChanged();
        }
      }
      @Override public void onDelete(Node n) { allChanged(); }
    });
    csiNodeInformer.addHandler(new Informer.Handler<>() {
      @Override public void onAdd(CSINode n) { allChanged(); }
      @Override public void onUpdate(CSINode o, CSINode n) { allChanged(); }
      @Override public void onDelete(CSINode n) { allChanged(); }
    });
  }

  /** A volume of the driver was provisioned or deleted: its capacity is to be refreshed. */
  void driverChanged(String driver) {
    if (queue != null && driver != null && ctx.csiDriver(driver).map(d -> d.capacity() != null).orElse(false)) {
      queue.add(driver);
    }
  }

  void allChanged() {
    for (CsiDriverProfile d : ctx.csiDrivers()) {
      driverChanged(d.name());
    }
  }

  void pause() {
    paused = true;
  }

  void resume() {
    paused = false;
    allChanged();
  }

  private SyncResult syncDriver(String driverName) {
    if (paused) {
      return SyncResult.HANDLED;
    }
    Optional<CsiDriverProfile> found = ctx.csiDriver(driverName);
    if (found.isEmpty() || found.get().capacity() == null) {
      return SyncResult.FORGET;
    }
    CsiDriverProfile driver = found.get();
    TreeSet<String> segments = segments(driver);
    // desired objects: class name + NUL + segment value
    TreeMap<String, String[]> desired = new TreeMap<>();
    for (StorageClass sc : classInformer.list()) {
      if (!driverName.equals(sc.provisioner()) || sc.volumeBindingMode() == VolumeBindingMode.IMMEDIATE) {
        continue;
      }
      for (String segment : segments) {
        desired.put(sc.metadata().name() + "\0" + segment, new String[] {sc.metadata().name(), segment});
      }
    }
    TreeMap<String, CSIStorageCapacity> mine = published.computeIfAbsent(driverName, k -> new TreeMap<>());
    try {
      for (String key : new ArrayList<>(mine.keySet())) {
        if (!desired.containsKey(key)) {
          CSIStorageCapacity gone = mine.get(key);
          try {
            client.delete(ObjectKey.of(gone));
          } catch (ApiException e) {
            if (e.reason() != ApiException.Reason.NOT_FOUND) {
              throw e;
            }
          }
          mine.remove(key);
        }
      }
      for (Map.Entry<String, String[]> e : desired.entrySet()) {
        String cls = e.getValue()[0];
        String segment = e.getValue()[1];
        Quantity free = remaining(driver, segment);
        CSIStorageCapacity have = mine.get(e.getKey());
        if (have == null) {
          ObjectMeta meta = ObjectMeta.builder().generateName(GENERATE_NAME).namespace(NAMESPACE)
              .labels(ImmutableSortedMap.of(DRIVER_NAME_LABEL, driverName, MANAGED_BY_LABEL, MANAGED_BY)).build();
          mine.put(e.getKey(), client.create(new CSIStorageCapacity(meta, topology(driver, segment), cls, free, null)));
        } else if (have.capacity() == null || have.capacity().value().compareTo(free.value()) != 0) {
          CSIStorageCapacity live = client.get(CSIStorageCapacity.class, NAMESPACE, have.metadata().name()).orElse(null);
          if (live == null) {
            mine.remove(e.getKey()); // deleted behind our back: created again on the retry
            return SyncResult.REQUEUE_RATE_LIMITED;
          }
          mine.put(e.getKey(), client.update(new CSIStorageCapacity(live.metadata(), live.nodeTopology(),
              live.storageClassName(), free, live.maximumVolumeSize())));
        }
      }
    } catch (ApiException e) {
      return SyncResult.REQUEUE_RATE_LIMITED;
    }
    return SyncResult.FORGET;
  }

  /** The driver's topology segments, as upstream's node topology informer finds them. */
  private TreeSet<String> segments(CsiDriverProfile driver) {
    TreeSet<String> out = new TreeSet<>();
    for (CSINode csiNode : csiNodeInformer.list()) {
      Optional<CSINode.Driver> entry = csiNode.spec().drivers().stream()
          .filter(d -> d.name().equals(driver.name())).findFirst();
      if (entry.isEmpty()) {
        continue; // driver not running on the node
      }
      Optional<Node> node = nodeInformer.get("", csiNode.metadata().name());
      if (node.isEmpty()) {
        continue; // obsolete CSINode
      }
      if (driver.topologyKey() == null || !entry.get().topologyKeys().contains(driver.topologyKey())) {
        if (driver.topologyKey() == null) {
          out.add("");
        }
        continue;
      }
      String value = node.get().metadata().labels().get(driver.topologyKey());
      if (value == null) {
        continue; // label not seen yet
      }
      if (driver.zones().isEmpty() || driver.zones().contains(value)) {
        out.add(value);
      }
    }
    return out;
  }

  private static LabelSelector topology(CsiDriverProfile driver, String segment) {
    return driver.topologyKey() == null ? new LabelSelector(null, null)
        : new LabelSelector(ImmutableSortedMap.of(driver.topologyKey(), segment), null);
  }

  /** {@code GetCapacity} for a segment: the profile's capacity (per segment) minus what its volumes use. */
  private Quantity remaining(CsiDriverProfile driver, String segment) {
    BigDecimal free = driver.capacity().value().subtract(used.apply(driver.name(), segment));
    return Quantity.of(free.max(BigDecimal.ZERO), Quantity.Format.BINARY_SI);
  }

  /** The objects published for tests: driver, then class and segment. */
  List<CSIStorageCapacity> published(String driver) {
    return List.copyOf(published.getOrDefault(driver, new TreeMap<>()).values());
  }
}
