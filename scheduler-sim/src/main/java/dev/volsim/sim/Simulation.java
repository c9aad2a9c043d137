package dev.volsim.sim;

import dev.volsim.core.cluster.KubernetesVersion;
import dev.volsim.core.cluster.ComponentConfig;
import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.core.api.ApiClient;
import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.ApiServer;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.cluster.CsiDriverProfile;
import dev.volsim.core.controller.Controller;
import dev.volsim.core.engine.Engine;
import dev.volsim.core.engine.Latencies;
import dev.volsim.core.engine.LatencyModel;
import dev.volsim.core.trace.Trace;
import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.Records;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.Location;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.model.io.Problem;
import dev.volsim.model.io.Trees;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A simulated cluster, assembled: the engine, the API server, the cluster's nodes registered as
 * Node objects, and the controllers that run. This is volsim's front door for Java users;
 * scenario files drive the same object.
 *
 * <pre>{@code
 * Simulation sim = Simulation.builder().seed(7).build();
 * sim.apply(pvc);
 * sim.runFor(Duration.ofSeconds(30));
 * }</pre>
 */
public final class Simulation {
  /** The component name of changes a user makes ({@code kubectl}). */
  public static final String USER = "kubectl";
  /** The CSI driver of the embedded default cluster. */
  public static final String DEFAULT_CSI_DRIVER = "disk.csi.volsim.dev";

  private final Engine engine;
  private final ApiServer api;
  private final KubernetesVersion version;
  private final ImmutableSortedMap<String, Boolean> featureGates;
  private final ComponentConfig config;
  private final Latencies latencies;
  private final ImmutableList<ClusterNode> nodes;
  private final TreeMap<String, Controller> controllers = new TreeMap<>();
  private final ClusterContext context;
  private final TreeMap<String, dev.volsim.core.kubelet.Kubelet> kubelets = new TreeMap<>();
  private final dev.volsim.core.kubelet.ContainerBehaviors containerBehaviors;
  private final WorldSpec worldSpec;

  private Simulation(Builder b) {
    this.engine = new Engine(b.seed);
    // Listeners come first so the trace includes the cluster's own setup.
    b.traceListeners.forEach(engine.trace()::addListener);
    if (b.eventBudget > 0) {
      engine.setEventBudget(b.eventBudget);
    }
    this.version = b.version;
    Map<String, Boolean> gates = new TreeMap<>(version.defaultFeatureGates());
    for (Map.Entry<String, Boolean> e : b.featureGates.entrySet()) {
      if (!gates.containsKey(e.getKey())) {
        throw new IllegalArgumentException("unrecognized feature gate: " + e.getKey());
      }
      gates.put(e.getKey(), e.getValue());
    }
    this.featureGates = ImmutableSortedMap.copyOf(gates);
    this.config = ComponentConfig.defaults().with(b.config);
    this.latencies = Latencies.defaults().with(b.latencies);
    this.containerBehaviors = b.containerBehaviors;
    this.api = new ApiServer(engine);
    api.setWatchLatency(latencies.of("watch"));
    api.addAdmissionPlugin(new dev.volsim.core.api.DefaultTolerationSeconds(
        config.number("defaultNotReadyTolerationSeconds"), config.number("defaultUnreachableTolerationSeconds")));
    register(api.garbageCollector());
    register(api.namespaceController());
    this.nodes = b.nodes == null ? DefaultCluster.NODES : ImmutableList.copyOf(b.nodes);
    this.worldSpec = b.world;
    ImmutableList<CsiDriverProfile> drivers = b.csiDrivers != null ? ImmutableList.copyOf(b.csiDrivers)
        : b.nodes == null ? ImmutableList.of(DefaultCluster.CSI_DRIVER) : ImmutableList.of();
    this.context = new ClusterContext(engine, api, version, featureGates, config, latencies, drivers,
        new dev.volsim.core.cluster.OperationFaults(), new dev.volsim.core.world.ClusterWorld(b.world.strict()));
    for (int i = 0; i < nodes.size(); i++) {
      registerNode(nodes.get(i), i);
    }
    registerCsiDrivers(drivers);
    if (b.nodes == null) {
      for (KubeObject o : DefaultCluster.objects()) {
        api.client("cluster-setup").create(o);
      }
    }
    startControlPlane();
  }

  /**
   * What installing the CSI drivers leaves in the API: a CSIDriver object each, and on every node
   * where a driver's node plugin runs, its entry in the node's CSINode (topology key, volume limit).
   */
  private void registerCsiDrivers(List<CsiDriverProfile> drivers) {
    for (CsiDriverProfile d : drivers) {
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("attachRequired", d.attachRequired());
      spec.put("podInfoOnMount", d.podInfoOnMount());
      spec.put("volumeLifecycleModes", d.volumeLifecycleModes());
      spec.put("fsGroupPolicy", d.fsGroupPolicy());
      spec.put("storageCapacity", d.capacity() != null);
      api.client("cluster-setup").create(decode(Map.of("apiVersion", "storage.k8s.io/v1", "kind", "CSIDriver",
          "metadata", Map.of("name", d.name()), "spec", spec), "cluster.csiDrivers"));
    }
    for (ClusterNode n : nodes) {
      List<Object> entries = new ArrayList<>();
      for (CsiDriverProfile d : drivers) {
        if (!d.runsOn(n.name())) {
          continue;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", d.name());
        entry.put("nodeID", n.name());
        if (d.topologyKey() != null) {
          entry.put("topologyKeys", List.of(d.topologyKey()));
        }
        if (d.maxVolumesPerNode() != null) {
          entry.put("allocatable", Map.of("count", d.maxVolumesPerNode()));
        }
        entries.add(entry);
      }
      api.client("kubelet").create(decode(Map.of("apiVersion", "storage.k8s.io/v1", "kind", "CSINode",
          "metadata", Map.of("name", n.name()), "spec", Map.of("drivers", entries)), "cluster.nodes"));
    }
  }

  /**
   * Starts the control plane's controllers, each registered so a scenario can pause it. One line
   * per controller; the order is the order they start in, and so part of the story.
   */
  private void startControlPlane() {
    // control-plane controllers: add one line each below this comment
    { var c = new dev.volsim.core.controller.protection.PvcProtectionController(context); c.start(); register(c); }
    { var c = new dev.volsim.core.controller.protection.PvProtectionController(context); c.start(); register(c); }
    { var c = new dev.volsim.core.controller.workload.StatefulSetController(context); c.start(); register(c); }
    { var c = new dev.volsim.core.controller.workload.DeploymentController(context); c.start(); register(c); }
    { var c = new dev.volsim.core.controller.workload.ReplicaSetController(context); c.start(); register(c); }
    { var c = new dev.volsim.core.controller.workload.DaemonSetController(context); c.start(); register(c); }
    { var s = new dev.volsim.scheduler.Scheduler(context); s.start(); register(s); }
    register(new dev.volsim.core.controller.persistentvolume.PersistentVolumeController(context).start()); register(new dev.volsim.core.controller.persistentvolume.ExternalProvisioner(context).start());
    { var c = new dev.volsim.core.controller.attachdetach.AttachDetachController(context); c.start(); register(c); }
    { var c = new dev.volsim.core.controller.attachdetach.ExternalAttacher(context); c.start(); register(c); }
    { var c = new dev.volsim.core.controller.ephemeral.EphemeralVolumeController(context); c.start(); register(c); }
    register(new dev.volsim.core.controller.nodelifecycle.NodeLifecycleController(context).start());
    register(new dev.volsim.core.controller.nodelifecycle.TaintEvictionController(context).start());
    register(new dev.volsim.core.controller.nodelifecycle.PodGcController(context).start());
    // The node side: one kubelet per node, with the node's disk and what is installed on it.
    for (int i = 0; i < nodes.size(); i++) {
      ClusterNode n = nodes.get(i);
      var disk = dev.volsim.core.world.NodeDisk.create(n.name(), dev.volsim.core.world.FileTree.UNLIMITED,
          worldSpec.nodeFiles(n.name()));
      context.world().addNode(n.name(), nodeAddress(n, i), disk);
      var node = new dev.volsim.core.kubelet.ApiNodeContext(context, n.name(), disk, nodeAddress(n, i), n.packages());
      var k = new dev.volsim.core.kubelet.Kubelet(context, n.name(), node, volumeSetUpsFor(n.name()));
      k.setContainerBehaviors(containerBehaviors);
      k.start();
      kubelets.put(n.name(), k);
    }
    // The rest of the world outside the API, once every node (and so every NFS-serving node) is known.
    worldSpec.applyTo(context.world());
  }

  /** How a node fails ({@code fail: {node, mode}}). */
  public enum NodeFailure {
    /** The node stops: kubelet and containers gone, tmpfs lost, disks kept. */
    CRASH,
    /** The node runs on but cannot reach the API server. */
    PARTITION,
    /**
     * A shutdown. Graceful node shutdown needs {@code shutdownGracePeriod}, which is 0 (off) by
     * default, so the node goes down as in a crash.
     */
    SHUTDOWN
  }

  private final TreeMap<String, NodeFailure> failedNodes = new TreeMap<>();
  /**
   * A node's kubelet volume plugins: CSI (and CSI migration) first, then the in-tree families over
   * the world. Their data lives in the cluster's world, not in the plugins, so a new kubelet of the
   * node (a restart, a boot) finds it.
   */
  private dev.volsim.core.kubelet.VolumeSetUps volumeSetUpsFor(String node) {
    return dev.volsim.core.kubelet.BackendVolumeSetUps.withBackendPlugins(context,
        dev.volsim.core.kubelet.VolumeSetUps.forNode(context, node));
  }

  /**
   * Fails a node: see {@link NodeFailure}. The control plane learns of it only as real
   * Kubernetes does, from the missing heartbeats.
   *
   * @throws IllegalArgumentException for an unknown node
   * @throws IllegalStateException if the node has already failed
   */
  public void failNode(String node, NodeFailure mode) {
    var k = kubelets.get(node);
    checkArgument(k != null, "no node %s (nodes: %s)", node, String.join(", ", kubelets.keySet()));
    if (failedNodes.containsKey(node)) {
      throw new IllegalStateException("node " + node + " has already failed (" + failedNodes.get(node) + ")");
    }
    failedNodes.put(node, mode);
    switch (mode) {
      case CRASH, SHUTDOWN -> {
        k.stop();
        // replicas on the node are gone with it until it boots again
        context.world().replicatedVolumes().nodeDown(node);
      }
      case PARTITION -> k.setPartitioned(true);
    }
    engine.trace().record("volsim", "NodeFailed", "node/" + node, "node " + node + " fails ("
        + mode.name().toLowerCase(java.util.Locale.ROOT) + ")",
        dev.volsim.core.trace.TraceEntry.attrs("node", node, "mode", mode.name().toLowerCase(java.util.Locale.ROOT)));
  }

  /**
   * Undoes {@link #failNode}: a partitioned node reaches the API again; a crashed or shut down
   * node boots, with a fresh kubelet on its disk that starts its Pods' containers again.
   *
   * @throws IllegalStateException if the node has not failed
   */
  public void recoverNode(String node) {
    NodeFailure mode = failedNodes.remove(node);
    if (mode == null) {
      throw new IllegalStateException("node " + node + " has not failed");
    }
    engine.trace().record("volsim", "NodeRecovered", "node/" + node, "node " + node + " recovers",
        dev.volsim.core.trace.TraceEntry.attrs("node", node));
    switch (mode) {
      case PARTITION -> kubelets.get(node).setPartitioned(false);
      case CRASH, SHUTDOWN -> {
        context.world().replicatedVolumes().nodeUp(node);
        bootKubelet(node);
      }
    }
  }

  /** The nodes that have failed and not recovered, with how. */
  public ImmutableSortedMap<String, NodeFailure> failedNodes() {
    return ImmutableSortedMap.copyOfSorted(failedNodes);
  }

  /**
   * Restarts a node's kubelet process: the new kubelet has nothing in memory, rebuilds its caches
   * from the API, adopts the containers the runtime still runs and reconstructs its volumes'
   * state from the node's disk ({@link dev.volsim.core.kubelet.Kubelet#reconstructFrom}).
   *
   * @throws IllegalArgumentException for an unknown node
   * @throws IllegalStateException if the node has failed
   */
  public void restartKubelet(String name) {
    var old = kubelets.get(name);
    checkArgument(old != null, "no node %s (nodes: %s)", name, String.join(", ", kubelets.keySet()));
    if (failedNodes.containsKey(name)) {
      throw new IllegalStateException("node " + name + " has failed (" + failedNodes.get(name) + ")");
    }
    var k = new dev.volsim.core.kubelet.Kubelet(context, name, old.nodeContext(), volumeSetUpsFor(name));
    k.setContainerBehaviors(containerBehaviors);
    k.reconstructFrom(old);
    old.stop();
    k.start();
    kubelets.put(name, k);
    engine.trace().record("volsim", "KubeletRestarted", "node/" + name, "kubelet on " + name + " restarts",
        dev.volsim.core.trace.TraceEntry.attrs("node", name));
  }

  /** The controllers {@link #restartController} can restart, by their full names. */
  public static final com.google.common.collect.ImmutableSortedSet<String> RESTARTABLE_CONTROLLERS =
      com.google.common.collect.ImmutableSortedSet.of("attachdetach-controller", "node-lifecycle-controller",
          "persistentvolume-controller", "pod-garbage-collector", "taint-eviction-controller");

  /** The full name of a controller {@link #restartController} can restart, given with or without {@code -controller}. */
  public static Optional<String> restartableController(String name) {
    if (RESTARTABLE_CONTROLLERS.contains(name)) {
      return Optional.of(name);
    }
    return RESTARTABLE_CONTROLLERS.contains(name + "-controller") ? Optional.of(name + "-controller") : Optional.empty();
  }

  /** A node boots: a new kubelet, mount table empty (tmpfs gone), on the node's kept disk. */
  private void bootKubelet(String name) {
    int i = 0;
    while (!nodes.get(i).name().equals(name)) {
      i++;
    }
    ClusterNode n = nodes.get(i);
    var disk = context.world().nodeDisk(name).orElseThrow();
    var node = new dev.volsim.core.kubelet.ApiNodeContext(context, name, disk, nodeAddress(n, i), n.packages());
    var k = new dev.volsim.core.kubelet.Kubelet(context, name, node, volumeSetUpsFor(name));
    k.setContainerBehaviors(containerBehaviors);
    k.adoptTerminatingPods();
    k.start();
    kubelets.put(name, k);
  }

  /**
   * Restarts a controller: the running one stops for good and a new one, with nothing in memory,
   * starts and rebuilds its caches from the API. {@code name} as in {@link #controllers()}, or
   * without its {@code -controller} suffix ({@code persistentvolume}).
   *
   * @throws IllegalArgumentException for a controller volsim cannot restart
   */
  public void restartController(String name) {
    String full = restartableController(name).orElse(controllers.containsKey(name) ? name : name + "-controller");
    Controller old = controllers.get(full);
    checkArgument(old != null, "unknown controller \"%s\" (known: %s)", name, String.join(", ", controllers.keySet()));
    Controller fresh = switch (full) {
      case dev.volsim.core.controller.persistentvolume.PersistentVolumeController.NAME ->
          new dev.volsim.core.controller.persistentvolume.PersistentVolumeController(context).start();
      case dev.volsim.core.controller.attachdetach.AttachDetachController.NAME -> {
        var c = new dev.volsim.core.controller.attachdetach.AttachDetachController(context);
        c.start();
        yield c;
      }
      case dev.volsim.core.controller.nodelifecycle.NodeLifecycleController.NAME ->
          new dev.volsim.core.controller.nodelifecycle.NodeLifecycleController(context).start();
      case dev.volsim.core.controller.nodelifecycle.TaintEvictionController.NAME ->
          new dev.volsim.core.controller.nodelifecycle.TaintEvictionController(context).start();
      case dev.volsim.core.controller.nodelifecycle.PodGcController.NAME ->
          new dev.volsim.core.controller.nodelifecycle.PodGcController(context).start();
      default -> throw new IllegalArgumentException("restarting \"" + full + "\" is not supported yet (supported: "
          + "attachdetach-controller, node-lifecycle-controller, persistentvolume-controller, "
          + "pod-garbage-collector, taint-eviction-controller)");
    };
    // The old process is gone: paused for good, it neither acts nor watches.
    old.pause();
    controllers.put(full, fresh);
    engine.trace().record("volsim", "ControllerRestarted", null, "controller " + full + " restarts",
        dev.volsim.core.trace.TraceEntry.attrs("component", full));
  }

  public static Builder builder() {
    return new Builder();
  }

  private void register(Controller c) {
    controllers.put(c.name(), c);
  }

  /**
   * The labels a CSI driver's node registration adds: the kubelet's nodeinfomanager puts the
   * accessible topology NodeGetInfo returns on the Node, {@code <topologyKey>: <the node's zone>}
   * for a zonal driver running there (a label the node already has is left alone). Upstream:
   * pkg/volume/csi/nodeinfomanager (updateNodeLabels).
   */
  private void addCsiTopologyLabels(ClusterNode n, Map<String, Object> labels) {
    if (n.zone() == null) {
      return;
    }
    for (CsiDriverProfile d : context.csiDrivers()) {
      if (d.topologyKey() != null && d.runsOn(n.name())) {
        labels.putIfAbsent(d.topologyKey(), n.zone());
      }
    }
  }

  private void registerNode(ClusterNode n, int index) {
    Map<String, Object> labels = new TreeMap<>();
    labels.put("kubernetes.io/hostname", n.name());
    labels.put("kubernetes.io/os", "linux");
    labels.put("kubernetes.io/arch", "amd64");
    if (n.zone() != null) {
      labels.put("topology.kubernetes.io/zone", n.zone());
    }
    labels.putAll(n.labels());
    addCsiTopologyLabels(n, labels);
    Map<String, Object> capacity = new TreeMap<>();
    n.capacity().forEach((k, v) -> capacity.put(k, v.toString()));
    String address = nodeAddress(n, index);
    List<Object> taints = new ArrayList<>();
    for (var t : n.taints()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", t.key());
      if (t.value() != null) {
        m.put("value", t.value());
      }
      m.put("effect", t.effect().wire());
      taints.add(m);
    }
    String now = engine.wallTime().toString();
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("apiVersion", "v1");
    node.put("kind", "Node");
    node.put("metadata", Map.of("name", n.name(), "labels", labels,
        "annotations", Map.of("volumes.kubernetes.io/controller-managed-attach-detach", "true")));
    Map<String, Object> spec = new LinkedHashMap<>();
    if (n.unschedulable()) {
      spec.put("unschedulable", true);
    }
    if (!taints.isEmpty()) {
      spec.put("taints", taints);
    }
    node.put("spec", spec);
    node.put("status", Map.of(
        "capacity", capacity, "allocatable", capacity,
        "conditions", List.of(Map.of("type", "Ready", "status", "True", "reason", "KubeletReady",
            "message", "kubelet is posting ready status", "lastHeartbeatTime", now, "lastTransitionTime", now)),
        "addresses", List.of(Map.of("type", "InternalIP", "address", address), Map.of("type", "Hostname", "address", n.name())),
        "nodeInfo", Map.of("kubeletVersion", "v" + version + ".0", "operatingSystem", "linux", "architecture", "amd64",
            "containerRuntimeVersion", "containerd://1.7.0", "osImage", "volsim node")));
    KubeObject object = decode(node, "cluster.nodes[" + index + "]");
    api.client("kubelet").create(object);
  }

  /** The node's InternalIP: as declared, else derived from its position. */
  private static String nodeAddress(ClusterNode n, int index) {
    return n.address() != null ? n.address() : "10.0.0." + (11 + index);
  }

  /** What images and containers' processes do; every kubelet gets it (also a restarted one). */
  public dev.volsim.core.kubelet.ContainerBehaviors containerBehaviors() {
    return containerBehaviors;
  }

  /** The world outside the API: nodes' disks, NFS and git servers, backing storage. */
  public dev.volsim.core.world.ClusterWorld world() {
    return context.world();
  }

  /** The kubelet of a node, if the cluster has that node. */
  public Optional<dev.volsim.core.kubelet.Kubelet> kubelet(String node) {
    return Optional.ofNullable(kubelets.get(node));
  }

  /** Decodes a plain manifest tree, failing loudly: callers build these trees themselves. */
  static KubeObject decode(Map<String, Object> tree, String where) {
    LoadResult r = ManifestLoader.strict().decode(Trees.fromPlain(tree, Location.startOf(where)));
    if (!r.ok() || r.objects().size() != 1) {
      throw new IllegalArgumentException(where + ": " + r.problems().stream().map(Problem::message)
          .collect(Collectors.joining("; ")));
    }
    return r.objects().get(0);
  }

  public Engine engine() {
    return engine;
  }

  public ApiServer api() {
    return api;
  }

  public Trace trace() {
    return engine.trace();
  }

  public KubernetesVersion version() {
    return version;
  }

  public ImmutableSortedMap<String, Boolean> featureGates() {
    return featureGates;
  }

  /** Whether a feature gate is on. */
  public boolean featureGate(String name) {
    Boolean v = featureGates.get(name);
    if (v == null) {
      throw new IllegalArgumentException("unrecognized feature gate: " + name);
    }
    return v;
  }

  /** What the cluster's components are built with. */
  public ClusterContext context() {
    return context;
  }

  public ComponentConfig config() {
    return config;
  }

  public Latencies latencies() {
    return latencies;
  }

  public ImmutableList<ClusterNode> nodes() {
    return nodes;
  }

  /** A client acting as {@code component}. */
  public ApiClient client(String component) {
    return api.client(component);
  }

  /** The controllers a scenario can pause, by name. */
  public ImmutableSortedMap<String, Controller> controllers() {
    return ImmutableSortedMap.copyOfSorted(controllers);
  }

  public Optional<Controller> controller(String name) {
    return Optional.ofNullable(controllers.get(name));
  }

  /** Adds a controller to those a scenario can address (for components assembled later). */
  public void addController(Controller c) {
    checkArgument(!controllers.containsKey(c.name()), "controller %s exists", c.name());
    controllers.put(c.name(), c);
  }

  /**
   * Creates the object, or replaces an existing one's spec and metadata as {@code kubectl apply}
   * does (its status and server-set metadata kept).
   *
   * @throws ApiException when the API server refuses it
   */
  public KubeObject apply(KubeObject object) {
    ApiClient user = api.client(USER);
    ObjectKey key = keyOf(object);
    Optional<KubeObject> existing = api.get(key);
    if (existing.isEmpty()) {
      return user.create(object);
    }
    ObjectMeta current = existing.get().metadata();
    ObjectMeta wanted = object.metadata().toBuilder().resourceVersion(current.resourceVersion()).build();
    return user.update(Records.withMetadata(object, wanted));
  }

  private static ObjectKey keyOf(KubeObject o) {
    var info = dev.volsim.model.Kinds.of(o);
    String ns = info.namespaced() ? (o.metadata().namespace() == null ? "default" : o.metadata().namespace()) : "";
    return new ObjectKey(o.kind(), ns, o.metadata().name() == null ? "" : o.metadata().name());
  }

  public long runUntilQuiescent() {
    return engine.runUntilQuiescent();
  }

  public long runFor(Duration d) {
    return engine.runFor(d);
  }

  /** Builds a {@link Simulation}; every setting has Kubernetes' default. */
  public static final class Builder {
    private long seed = 1;
    private KubernetesVersion version = KubernetesVersion.DEFAULT;
    private final Map<String, Boolean> featureGates = new TreeMap<>();
    private final Map<String, Object> config = new TreeMap<>();
    private final Map<String, LatencyModel> latencies = new TreeMap<>();
    private List<ClusterNode> nodes;
    private List<CsiDriverProfile> csiDrivers;
    private long eventBudget;
    private dev.volsim.core.kubelet.ContainerBehaviors containerBehaviors = dev.volsim.core.kubelet.ContainerBehaviors.NONE;
    private final List<dev.volsim.core.trace.TraceListener> traceListeners = new ArrayList<>();
    private WorldSpec world = WorldSpec.EMPTY;

    private Builder() {}

    /** A listener that sees the whole trace, from the cluster's setup on. */
    public Builder traceListener(dev.volsim.core.trace.TraceListener listener) {
      traceListeners.add(requireNonNull(listener, "listener is null"));
      return this;
    }

    public Builder seed(long s) {
      seed = s;
      return this;
    }

    public Builder version(KubernetesVersion v) {
      version = requireNonNull(v);
      return this;
    }

    public Builder featureGate(String name, boolean on) {
      featureGates.put(name, on);
      return this;
    }

    public Builder config(String key, Object value) {
      config.put(key, value);
      return this;
    }

    public Builder latency(String operation, LatencyModel model) {
      latencies.put(operation, model);
      return this;
    }

    /** The cluster's nodes, replacing the embedded default cluster (and its class and driver). */
    public Builder nodes(List<ClusterNode> n) {
      nodes = List.copyOf(n);
      return this;
    }

    /** The cluster's CSI drivers (with {@link #nodes}, none unless given). */
    public Builder csiDrivers(List<CsiDriverProfile> drivers) {
      csiDrivers = List.copyOf(drivers);
      return this;
    }

    /** What images and containers' processes do (image users, behaviors at start). */
    public Builder containerBehaviors(dev.volsim.core.kubelet.ContainerBehaviors b) {
      containerBehaviors = requireNonNull(b, "behaviors is null");
      return this;
    }

    /**
     * The world outside the API: node files, NFS servers, git repositories, URLs, backing storage
     * (by default, nothing declared and not strict).
     */
    public Builder world(WorldSpec w) {
      world = requireNonNull(w, "world is null");
      return this;
    }

    public Builder eventBudget(long budget) {
      eventBudget = budget;
      return this;
    }

    /**
     * @throws IllegalArgumentException for an unknown feature gate, config key or operation
     */
    public Simulation build() {
      return new Simulation(this);
    }
  }
}
