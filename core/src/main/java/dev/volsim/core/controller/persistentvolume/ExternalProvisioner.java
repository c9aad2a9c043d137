package dev.volsim.core.controller.persistentvolume;

import static dev.volsim.core.controller.persistentvolume.PvHelpers.ANN_BETA_STORAGE_PROVISIONER;
import static dev.volsim.core.controller.persistentvolume.PvHelpers.ANN_DYNAMICALLY_PROVISIONED;
import static dev.volsim.core.controller.persistentvolume.PvHelpers.ANN_SELECTED_NODE;
import static dev.volsim.core.controller.persistentvolume.PvHelpers.ANN_STORAGE_PROVISIONER;
import static dev.volsim.core.controller.persistentvolume.PvHelpers.PV_DELETION_PROTECTION_FINALIZER;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.core.api.ApiClient;
import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.EventRecorder;
import dev.volsim.core.api.Informer;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.cluster.CsiDriverProfile;
import dev.volsim.core.cluster.OperationFaults;
import dev.volsim.core.controller.Controller;
import dev.volsim.core.controller.RateLimiters;
import dev.volsim.core.controller.SyncResult;
import dev.volsim.core.controller.WorkQueue;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.Quantity;
import dev.volsim.model.Records;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.NodeSelector;
import dev.volsim.model.core.NodeSelectorOperator;
import dev.volsim.model.core.NodeSelectorRequirement;
import dev.volsim.model.core.NodeSelectorTerm;
import dev.volsim.model.core.ObjectReference;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeAccessMode;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.PersistentVolumePhase;
import dev.volsim.model.core.PersistentVolumeReclaimPolicy;
import dev.volsim.model.core.PersistentVolumeSpec;
import dev.volsim.model.core.VolumeNodeAffinity;
import dev.volsim.model.storage.CSINode;
import dev.volsim.model.storage.StorageClass;
import dev.volsim.model.storage.TopologySelectorLabelRequirement;
import dev.volsim.model.storage.TopologySelectorTerm;
import dev.volsim.model.storage.VolumeBindingMode;
import dev.volsim.model.volume.CSIPersistentVolumeSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The CSI external-provisioner sidecars of the cluster's CSI drivers ({@code csi-provisioner} with
 * {@code sig-storage-lib-external-provisioner}), as one component: it provisions claims whose
 * {@code volume.kubernetes.io/storage-provisioner} names a driver of the cluster (for
 * WaitForFirstConsumer classes once the scheduler set {@code volume.kubernetes.io/selected-node}),
 * after the {@code provision} latency, honouring the driver's topology, access modes, volume modes
 * and capacity; and deletes the backend volume and the PV of Released volumes it provisioned with
 * reclaim policy Delete. Failures back off per claim as {@code --retry-interval-start} (1 s)
 * doubling to {@code --retry-interval-max} (5 m); a failure with a selected node removes that
 * annotation so the scheduler chooses again. A driver's {@code capacity} is per topology segment
 * (each zone it serves has that much; without topology it is the total), and its capacity
 * controller publishes it as CSIStorageCapacity objects ({@link StorageCapacityPublisher}).
 */
public final class ExternalProvisioner implements Controller {
  /** The component name of its writes and events. */
  public static final String NAME = "external-provisioner";
  /** csi-provisioner {@code --retry-interval-start}. */
  static final Duration RETRY_INTERVAL_START = Duration.ofSeconds(1);
  /** csi-provisioner {@code --retry-interval-max}. */
  static final Duration RETRY_INTERVAL_MAX = Duration.ofMinutes(5);

  private final ClusterContext ctx;
  private final ApiClient client;
  private final EventRecorder recorder;
  private final Informer<PersistentVolumeClaim> claimInformer;
  private final Informer<PersistentVolume> volumeInformer;
  private final Informer<StorageClass> classInformer;
  private final Informer<Node> nodeInformer;
  private final Informer<CSINode> csiNodeInformer;
  /**
   * Capacity in use per driver and topology segment (the zone; "" without topology), in bytes:
   * pre-existing volumes plus PVs of the driver.
   */
  private final TreeMap<String, TreeMap<String, BigDecimal>> used = new TreeMap<>();
  private final StorageCapacityPublisher capacityPublisher;
  private final TreeSet<String> inFlight = new TreeSet<>();
  private WorkQueue<String> claimQueue;
  private WorkQueue<String> volumeQueue;
  private boolean paused;

  public ExternalProvisioner(ClusterContext ctx) {
    this.ctx = requireNonNull(ctx, "ctx is null");
    this.client = ctx.api().client(NAME);
    this.recorder = new EventRecorder(client, null);
    this.claimInformer = new Informer<>(ctx.api(), PersistentVolumeClaim.class, NAME);
    this.volumeInformer = new Informer<>(ctx.api(), PersistentVolume.class, NAME);
    this.classInformer = new Informer<>(ctx.api(), StorageClass.class, NAME);
    this.nodeInformer = new Informer<>(ctx.api(), Node.class, NAME);
    this.csiNodeInformer = new Informer<>(ctx.api(), CSINode.class, NAME);
    for (CsiDriverProfile d : ctx.csiDrivers()) {
      TreeMap<String, BigDecimal> bySegment = new TreeMap<>();
      for (CsiDriverProfile.ExistingVolume v : d.volumes()) {
        String segment = d.topologyKey() == null || v.zone() == null ? "" : v.zone();
        bySegment.merge(segment, v.capacity() == null ? BigDecimal.ZERO : v.capacity().value(), BigDecimal::add);
      }
      used.put(d.name(), bySegment);
    }
    CsiBackends.registerExisting(ctx);
    this.capacityPublisher = new StorageCapacityPublisher(ctx, client, classInformer, nodeInformer, csiNodeInformer,
        this::usedIn);
  }

  /** Bytes in use by a driver's volumes in one topology segment ("" without topology). */
  private BigDecimal usedIn(String driver, String segment) {
    TreeMap<String, BigDecimal> bySegment = used.get(driver);
    return bySegment == null ? BigDecimal.ZERO : bySegment.getOrDefault(segment, BigDecimal.ZERO);
  }

  public ExternalProvisioner start() {
    claimQueue = WorkQueue.<String>builder(ctx.engine(), NAME)
        .rateLimiter(RateLimiters.itemExponentialFailure(RETRY_INTERVAL_START, RETRY_INTERVAL_MAX))
        .build(this::syncClaim);
    volumeQueue = WorkQueue.<String>builder(ctx.engine(), NAME)
        .rateLimiter(RateLimiters.itemExponentialFailure(RETRY_INTERVAL_START, RETRY_INTERVAL_MAX))
        .build(this::syncVolume);
    claimInformer.addHandler(new Informer.Handler<>() {
      @Override public void onAdd(PersistentVolumeClaim c) { claimQueue.add(PvHelpers.claimToClaimKey(c)); }
      @Override public void onUpdate(PersistentVolumeClaim o, PersistentVolumeClaim c) { claimQueue.add(PvHelpers.claimToClaimKey(c)); }
    });
    volumeInformer.addHandler(new Informer.Handler<>() {
      @Override public void onAdd(PersistentVolume v) { account(v, 1); volumeQueue.add(v.metadata().name()); }
      @Override public void onUpdate(PersistentVolume o, PersistentVolume v) { volumeQueue.add(v.metadata().name()); }
      @Override public void onDelete(PersistentVolume v) { account(v, -1); }
    });
    if (capacityPublisher.enabled()) {
      capacityPublisher.start();
    }
    classInformer.start();
    nodeInformer.start();
    csiNodeInformer.start();
    volumeInformer.start();
    claimInformer.start();
    return this;
  }

  private void account(PersistentVolume v, int sign) {
    if (v.spec().source() instanceof CSIPersistentVolumeSource csi && used.containsKey(csi.driver())) {
      CsiDriverProfile driver = ctx.csiDriver(csi.driver()).orElseThrow();
      BigDecimal size = PvHelpers.storageOf(v);
      used.get(csi.driver()).merge(segmentOf(driver, v), sign > 0 ? size : size.negate(), BigDecimal::add);
      capacityPublisher.driverChanged(csi.driver());
    } else {
      // not a volume of a driver of this cluster
    }
  }

  /** The topology segment of a driver's PV: the value of its node affinity for the driver's key ("" without). */
  static String segmentOf(CsiDriverProfile driver, PersistentVolume v) {
    if (driver.topologyKey() == null || v.spec().nodeAffinity() == null || v.spec().nodeAffinity().required() == null) {
      return "";
    }
    for (NodeSelectorTerm t : v.spec().nodeAffinity().required().nodeSelectorTerms()) {
      for (NodeSelectorRequirement r : t.matchExpressions()) {
        if (r.key().equals(driver.topologyKey()) && r.operator() == NodeSelectorOperator.IN && !r.values().isEmpty()) {
          return r.values().get(0);
        }
      }
    }
    return "";
  }

  // ------------------------------------------------------------------ provisioning

  private SyncResult syncClaim(String key) {
    if (paused || inFlight.contains(key)) {
      return SyncResult.HANDLED;
    }
    int slash = key.indexOf('/');
    Optional<PersistentVolumeClaim> found = claimInformer.get(key.substring(0, slash), key.substring(slash + 1));
    if (found.isEmpty()) {
      return SyncResult.FORGET;
    }
    PersistentVolumeClaim claim = found.get();
    String driverName = claim.metadata().annotations().getOrDefault(ANN_STORAGE_PROVISIONER,
        claim.metadata().annotations().get(ANN_BETA_STORAGE_PROVISIONER));
    Optional<CsiDriverProfile> driver = driverName == null ? Optional.empty() : ctx.csiDriver(driverName);
    if (!PvHelpers.isEmpty(claim.spec().volumeName()) || driver.isEmpty() || claim.metadata().deletionTimestamp() != null) {
      return SyncResult.FORGET; // bound, not ours, or being deleted
    }
    Optional<StorageClass> cls = classInformer.get("", PvHelpers.getPersistentVolumeClaimClass(claim));
    if (cls.isEmpty() || !driverName.equals(servingDriver(cls.get().provisioner()))) {
      return SyncResult.FORGET; // the class does not name this driver
    }
    String selectedNode = claim.metadata().annotations().get(ANN_SELECTED_NODE);
    if (cls.get().volumeBindingMode() == VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER && selectedNode == null) {
      return SyncResult.FORGET; // delayed binding: waits for the scheduler's choice
    }
    String pvName = "pvc-" + claim.metadata().uid();
    if (volumeInformer.get("", pvName).isPresent() || client.get(PersistentVolume.class, "", pvName).isPresent()) {
      return SyncResult.FORGET; // "persistentvolume already exists"
    }
    recorder.normal(claim, "Provisioning", "External provisioner is provisioning volume for claim \"" + key + "\"");
    // Topology is decided before the driver is called (csi-provisioner GenerateAccessibilityRequirements).
    String zone;
    try {
      zone = topology(driver.get(), cls.get(), selectedNode);
    } catch (NoChange e) {
      return failed(claim, cls.get(), e.getMessage(), false);
    } catch (IllegalStateException e) {
      return failed(claim, cls.get(), e.getMessage());
    }
    inFlight.add(key);
    long latency = ctx.latencyMicros("provision", NAME);
    long started = ctx.engine().nowMicros();
    ctx.engine().scheduleAfterMicros(latency, NAME, "provision", () -> {
      inFlight.remove(key);
      finishProvisioning(key, createVolume(claim, cls.get(), driver.get(), zone, pvName, started));
    });
    return SyncResult.HANDLED;
  }

  /** Requeues or forgets the claim after a CreateVolume; {@code HANDLED} means still waiting for it. */
  private void finishProvisioning(String key, SyncResult r) {
    if (r == SyncResult.HANDLED) {
      return;
    } else if (r == SyncResult.REQUEUE_RATE_LIMITED) {
      claimQueue.addRateLimited(key);
    } else {
      claimQueue.forget(key);
    }
  }

  /**
   * How long csi-provisioner waits for CreateVolume and DeleteVolume ({@code --timeout}, default
   * 10 s): a driver that does not answer fails with DeadlineExceeded only then.
   */
  static final long RPC_TIMEOUT_MICROS = 10_000_000L;

  /** The driver serving a class's provisioner: itself, or the CSI driver an in-tree name migrated to. */
  static String servingDriver(String provisioner) {
    return PvHelpers.CSI_MIGRATED.getOrDefault(provisioner, provisioner);
  }

  /** The topology value to put in the PV's node affinity (null: none), or a failure. */
  private String topology(CsiDriverProfile driver, StorageClass cls, String selectedNode) {
    if (selectedNode != null) {
      Node node = nodeInformer.get("", selectedNode).orElseThrow(() -> new IllegalStateException(
          "failed to get target node: node \"" + selectedNode + "\" not found"));
      if (driver.topologyKey() == null) {
        return null; // no topology: the requirements are not generated, any node will do
      }
      if (!driver.runsOn(selectedNode)) {
        // GenerateAccessibilityRequirements: the selected node's CSINode has no topology keys of the
        // driver; csi-provisioner returns ProvisioningNoChange, so the selected node stays.
        throw new NoChange("error generating accessibility requirements: no topology key found for node "
            + selectedNode);
      }
      String value = node.metadata().labels().get(driver.topologyKey());
      if (value == null) {
        StringBuilder labels = new StringBuilder("map[");
        new TreeMap<>(node.metadata().labels()).forEach((k, v) -> labels.append(labels.length() > 4 ? " " : "")
            .append(k).append(':').append(v));
        throw new NoChange("error generating accessibility requirements: topology labels from selected node "
            + labels + "] does not match topology keys from CSINode [" + driver.topologyKey() + "]");
      }
      return value; // a zone the driver does not serve fails in CreateVolume (ResourceExhausted)
    }
    if (driver.topologyKey() == null) {
      return null;
    }
    List<String> candidates = new ArrayList<>(driver.zones());
    if (candidates.isEmpty()) {
      TreeSet<String> values = new TreeSet<>();
      for (Node n : nodeInformer.list()) {
        String v = n.metadata().labels().get(driver.topologyKey());
        if (v != null && driver.runsOn(n.metadata().name())) {
          values.add(v);
        }
      }
      candidates.addAll(values);
    }
    if (!cls.allowedTopologies().isEmpty()) {
      TreeSet<String> allowed = new TreeSet<>();
      for (TopologySelectorTerm t : cls.allowedTopologies()) {
        for (TopologySelectorLabelRequirement r : t.matchLabelExpressions()) {
          if (r.key().equals(driver.topologyKey())) {
            allowed.addAll(r.values());
          }
        }
      }
      candidates.removeIf(z -> !allowed.contains(z));
    }
    if (candidates.isEmpty()) {
      throw new IllegalStateException("error generating accessibility requirements: no available topology found");
    }
    return candidates.get(0); // deterministic: the first zone the driver lists that the class allows
  }

  /** The driver's CreateVolume and saving the PV, after the latency. */
  private SyncResult createVolume(PersistentVolumeClaim claim, StorageClass cls, CsiDriverProfile driver, String zone,
      String pvName, long started) {
    Optional<PersistentVolumeClaim> now = client.get(PersistentVolumeClaim.class, claim.metadata().namespace(),
        claim.metadata().name());
    if (now.isEmpty() || !now.get().metadata().uid().equals(claim.metadata().uid())) {
      return SyncResult.FORGET; // the claim went away meanwhile
    }
    Map<String, String> facts = new TreeMap<>();
    facts.put("claim", PvHelpers.claimToClaimKey(claim));
    facts.put("volume", pvName);
    facts.put("driver", driver.name());
    Optional<OperationFaults.Injected> fault = ctx.faults().take("provision", facts);
    if (fault.isPresent() && fault.get().mode() == OperationFaults.Mode.TIMEOUT) {
      // No answer: the call ends at the deadline. DeadlineExceeded is not a final error, so the
      // claim keeps its selected node (no ProvisioningReschedule) and is tried again.
      String key = PvHelpers.claimToClaimKey(claim);
      long waited = ctx.engine().nowMicros() - started;
      inFlight.add(key);
      ctx.engine().scheduleAfterMicros(Math.max(0, RPC_TIMEOUT_MICROS - waited), NAME, "provision", () -> {
        inFlight.remove(key);
        Optional<PersistentVolumeClaim> still = client.get(PersistentVolumeClaim.class, claim.metadata().namespace(),
            claim.metadata().name());
        finishProvisioning(key, still.isEmpty() ? SyncResult.FORGET
            : failed(still.get(), cls, fault.get().message(), false, "timeout"));
      });
      return SyncResult.HANDLED;
    } else if (fault.isPresent()) {
      return failed(now.get(), cls, fault.get().message());
    }
    for (PersistentVolumeAccessMode m : claim.spec().accessModes()) {
      if (!driver.accessModes().contains(m)) {
        return failed(now.get(), cls, "rpc error: code = InvalidArgument desc = driver " + driver.name()
            + " does not support access mode " + m.wire());
      }
    }
    if (!driver.volumeModes().contains(claim.spec().volumeMode())) {
      return failed(now.get(), cls, "rpc error: code = InvalidArgument desc = driver " + driver.name()
          + " does not support volume mode " + claim.spec().volumeMode().wire());
    }
    if (zone != null && !driver.zones().isEmpty() && !driver.zones().contains(zone)) {
      // The driver honours the selected node's topology (as with --strict-topology) and cannot
      // provision there: ResourceExhausted, which with a selected node asks for rescheduling.
      return failed(now.get(), cls, "rpc error: code = ResourceExhausted desc = driver " + driver.name()
          + " cannot provision in topology " + driver.topologyKey() + "=" + zone);
    }
    Quantity size = roundUp(claim.spec().resources().requests().get("storage"), driver.allocationUnit());
    if (driver.capacity() != null) {
      BigDecimal available = driver.capacity().value().subtract(usedIn(driver.name(), zone == null ? "" : zone));
      if (size.value().compareTo(available) > 0) {
        return failed(now.get(), cls, "rpc error: code = ResourceExhausted desc = insufficient capacity: requested "
            + size + ", available " + Quantity.of(available.max(BigDecimal.ZERO), Quantity.Format.BINARY_SI));
      }
    }
    PersistentVolume pv = volumeFor(now.get(), cls, driver, zone, pvName, size);
    CSIPersistentVolumeSource created = (CSIPersistentVolumeSource) pv.spec().source();
    // The driver's CreateVolume made the storage (and, replicated, placed its replicas) before the PV is saved.
    List<String> replicas = CsiBackends.createVolume(ctx, driver, created.volumeHandle(), size, zone, cls.parameters());
    try {
      client.create(pv);
    } catch (ApiException e) {
      CsiBackends.deleteVolume(ctx, created); // upstream deletes a volume it cannot save a PV for
      if (e.reason() != ApiException.Reason.ALREADY_EXISTS) {
        return failed(now.get(), cls, e.getMessage());
      }
    }
    if (!replicas.isEmpty()) {
      client.trace("ReplicasScheduled", ObjectKey.cluster("PersistentVolume", pvName).ref(), "volume " + pvName
          + " has " + replicas.size() + " replica(s) on " + String.join(", ", replicas), "volume", pvName,
          "replicas", String.join(",", replicas));
    }
    client.trace("Provisioned", ObjectKey.cluster("PersistentVolume", pvName).ref(), "provisioned volume " + pvName
        + " (" + size + (zone == null ? "" : ", " + zone) + ") for claim " + PvHelpers.claimToClaimKey(claim)
        + " with " + driver.name(), "claim", PvHelpers.claimToClaimKey(claim), "volume", pvName);
    recorder.normal(now.get(), "ProvisioningSucceeded", "Successfully provisioned volume " + pvName);
    return SyncResult.FORGET;
  }

  private PersistentVolume volumeFor(PersistentVolumeClaim claim, StorageClass cls, CsiDriverProfile driver,
      String zone, String pvName, Quantity size) {
    ObjectMeta.Builder meta = ObjectMeta.builder().name(pvName).annotation(ANN_DYNAMICALLY_PROVISIONED, driver.name());
    if (cls.reclaimPolicy() == PersistentVolumeReclaimPolicy.DELETE && ctx.featureGate("HonorPVReclaimPolicy")) {
      meta.finalizers(List.of(PV_DELETION_PROTECTION_FINALIZER));
    }
    ObjectReference ref = new ObjectReference("PersistentVolumeClaim", claim.metadata().namespace(),
        claim.metadata().name(), claim.metadata().uid(), "v1", claim.metadata().resourceVersion(), null);
    VolumeNodeAffinity affinity = zone == null ? null : new VolumeNodeAffinity(new NodeSelector(ImmutableList.of(
        new NodeSelectorTerm(ImmutableList.of(new NodeSelectorRequirement(driver.topologyKey(),
            NodeSelectorOperator.IN, ImmutableList.of(zone))), null))));
    String handle = ctx.engine().random(NAME + "/volumeHandle").nextUuid();
    // csi-provisioner's --default-fstype is empty: a PV gets an fsType only from the class's
    // csi.storage.k8s.io/fstype parameter (and only then does fsGroupPolicy ReadWriteOnceWithFSType apply fsGroup).
    String fsType = cls.parameters() == null ? null : cls.parameters().get("csi.storage.k8s.io/fstype");
    CSIPersistentVolumeSource source = new CSIPersistentVolumeSource(driver.name(), handle, false, fsType,
        ImmutableSortedMap.of("storage.kubernetes.io/csiProvisionerIdentity", driver.name()),
        null, null, null, null, null);
    PersistentVolumeSpec spec = new PersistentVolumeSpec(ImmutableSortedMap.of("storage", size), source,
        claim.spec().accessModes(), ref, cls.reclaimPolicy(), cls.metadata().name(), cls.mountOptions(),
        claim.spec().volumeMode(), affinity, null);
    return new PersistentVolume(meta.build(), spec, null);
  }

  static Quantity roundUp(Quantity request, Quantity unit) {
    if (request == null || unit == null || unit.value().signum() <= 0) {
      return request;
    }
    BigDecimal units = request.value().divide(unit.value(), 0, RoundingMode.CEILING);
    BigDecimal rounded = units.multiply(unit.value());
    return rounded.compareTo(request.value()) == 0 ? request : Quantity.of(rounded, unit.format());
  }

  /** A failure csi-provisioner reports as {@code ProvisioningNoChange}: retried, the selected node kept. */
  private static final class NoChange extends IllegalStateException {
    NoChange(String message) {
      super(message);
    }
  }

  /** ProvisioningFailed; with a selected node the node is given back to the scheduler (no requeue). */
  private SyncResult failed(PersistentVolumeClaim claim, StorageClass cls, String error) {
    return failed(claim, cls, error, true);
  }

  /**
   * ProvisioningFailed; with {@code reschedule} ({@code ProvisioningReschedule}) and a selected
   * node the node is given back to the scheduler (no requeue), else the claim is retried with
   * back-off.
   */
  private SyncResult failed(PersistentVolumeClaim claim, StorageClass cls, String error, boolean reschedule) {
    return failed(claim, cls, error, reschedule, "failed");
  }

  /** As {@link #failed(PersistentVolumeClaim, StorageClass, String, boolean)}, traced with {@code outcome}. */
  private SyncResult failed(PersistentVolumeClaim claim, StorageClass cls, String error, boolean reschedule,
      String outcome) {
    client.trace("Provisioned", ObjectKey.of(claim).ref(), "provisioning for claim " + PvHelpers.claimToClaimKey(claim)
        + " failed: " + error, "claim", PvHelpers.claimToClaimKey(claim), "outcome", outcome);
    recorder.warning(claim, "ProvisioningFailed", "failed to provision volume with StorageClass \""
        + cls.metadata().name() + "\": " + error);
    if (reschedule && PvHelpers.hasAnnotation(claim, ANN_SELECTED_NODE)) {
      // ProvisioningReschedule: the scheduler must pick a node again.
      try {
        client.update(Records.withMetadata(claim, PvHelpers.withoutAnnotation(claim.metadata(), ANN_SELECTED_NODE)));
      } catch (ApiException e) {
        return SyncResult.REQUEUE_RATE_LIMITED;
      }
      return SyncResult.FORGET;
    } else {
      return SyncResult.REQUEUE_RATE_LIMITED;
    }
  }

  // ------------------------------------------------------------------ deletion

  private SyncResult syncVolume(String name) {
    String key = "volume/" + name;
    if (paused || inFlight.contains(key)) {
      return SyncResult.HANDLED;
    }
    Optional<PersistentVolume> found = volumeInformer.get("", name);
    if (found.isEmpty() || !shouldDelete(found.get())) {
      return SyncResult.FORGET;
    }
    PersistentVolume volume = found.get();
    inFlight.add(key);
    long latency = ctx.latencyMicros("delete", NAME);
    ctx.engine().scheduleAfterMicros(latency, NAME, "deleteVolume", () -> {
      inFlight.remove(key);
      if (deleteVolume(volume)) {
        volumeQueue.forget(name);
      } else {
        volumeQueue.addRateLimited(name);
      }
    });
    return SyncResult.HANDLED;
  }

  /** The library's {@code shouldDelete}: Released, Delete, provisioned by a driver of ours. */
  private boolean shouldDelete(PersistentVolume v) {
    String by = v.metadata().annotations().get(ANN_DYNAMICALLY_PROVISIONED);
    return v.status().phase() == PersistentVolumePhase.RELEASED
        && v.spec().persistentVolumeReclaimPolicy() == PersistentVolumeReclaimPolicy.DELETE
        && by != null && ctx.csiDriver(by).isPresent()
        && (v.metadata().deletionTimestamp() == null || v.metadata().hasFinalizer(PV_DELETION_PROTECTION_FINALIZER));
  }

  private boolean deleteVolume(PersistentVolume volume) {
    Optional<PersistentVolume> live = client.get(PersistentVolume.class, "", volume.metadata().name());
    if (live.isEmpty() || !live.get().metadata().uid().equals(volume.metadata().uid()) || !shouldDelete(live.get())) {
      return true; // gone, or no longer to delete
    }
    Map<String, String> facts = new TreeMap<>();
    facts.put("volume", volume.metadata().name());
    if (volume.spec().claimRef() != null) {
      facts.put("claim", PvHelpers.claimrefToClaimKey(volume.spec().claimRef()));
    }
    if (volume.spec().source() instanceof dev.volsim.model.volume.CSIPersistentVolumeSource csi) {
      facts.put("driver", csi.driver());
    }
    Optional<OperationFaults.Injected> fault = ctx.faults().take("delete", facts);
    if (fault.isPresent()) {
      client.trace("VolumeDeleted", ObjectKey.of(volume).ref(), "deleting volume " + volume.metadata().name()
          + " failed: " + fault.get().message(), "volume", volume.metadata().name(), "outcome", "failed");
      recorder.warning(live.get(), "VolumeFailedDelete", fault.get().message());
      return false;
    }
    if (volume.spec().source() instanceof CSIPersistentVolumeSource deleted) {
      CsiBackends.deleteVolume(ctx, deleted);
    }
    client.trace("VolumeDeleted", ObjectKey.of(volume).ref(), "deleted the backend volume of "
        + volume.metadata().name(), "volume", volume.metadata().name());
    try {
      PersistentVolume marked = (PersistentVolume) client.delete(ObjectKey.of(live.get()));
      Optional<PersistentVolume> still = client.get(PersistentVolume.class, "", volume.metadata().name());
      if (still.isPresent() && still.get().metadata().hasFinalizer(PV_DELETION_PROTECTION_FINALIZER)) {
        client.update(Records.withMetadata(still.get(),
            PvHelpers.withoutFinalizer(still.get().metadata(), PV_DELETION_PROTECTION_FINALIZER)));
      } else {
        // removed already, or no finalizer of ours
      }
      return marked != null;
    } catch (ApiException e) {
      return false;
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void pause() {
    if (paused) {
      return;
    }
    paused = true;
    claimInformer.pause();
    volumeInformer.pause();
    classInformer.pause();
    nodeInformer.pause();
    csiNodeInformer.pause();
    capacityPublisher.pause();
  }

  @Override
  public void resume() {
    if (!paused) {
      return;
    }
    paused = false;
    classInformer.resume();
    nodeInformer.resume();
    csiNodeInformer.resume();
    volumeInformer.resume();
    claimInformer.resume();
    for (PersistentVolumeClaim c : claimInformer.list()) {
      claimQueue.add(PvHelpers.claimToClaimKey(c));
    }
    for (PersistentVolume v : volumeInformer.list()) {
      volumeQueue.add(v.metadata().name());
    }
    capacityPublisher.resume();
  }

  @Override
  public boolean isPaused() {
    return paused;
  }
}
