package dev.volsim.core.api;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.engine.Engine;
import dev.volsim.core.engine.LatencyModel;
import dev.volsim.model.KindInfo;
import dev.volsim.model.Kinds;
import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.OwnerReference;
import dev.volsim.model.Records;
import dev.volsim.model.core.Namespace;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodPhase;
import dev.volsim.model.validation.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The in-memory API server every component talks through: an object store with
 * resourceVersions, uids and generated names; admission (validation from the model,
 * {@link DefaultStorageClass}, {@link StorageObjectInUseProtection}, NamespaceLifecycle);
 * finalizers and graceful deletion; owner references with garbage collection; watches delivered
 * as engine events after a latency. Reads return the current state; components that should see
 * a possibly stale state read through an {@link Informer}.
 *
 * <p>Writes come from an {@link ApiClient}, which names the component making them: the trace
 * says who did what, and injected failures can target a component.
 */
public final class ApiServer {
  /** The component name the API server's own trace entries carry. */
  public static final String COMPONENT = "api-server";
  /** The finalizer a foreground deletion puts on the owner. */
  public static final String FOREGROUND_DELETION = "foregroundDeletion";
  /** The finalizer an orphaning deletion puts on the owner. */
  public static final String ORPHAN = "orphan";
  /** Namespaces that exist from the start, as in a new cluster. */
  public static final ImmutableList<String> INITIAL_NAMESPACES =
      ImmutableList.of("default", "kube-node-lease", "kube-public", "kube-system");

  private final Engine engine;
  private final Map<String, TreeMap<ObjectKey, KubeObject>> store = new HashMap<>();
  private final Map<String, List<Watch>> watches = new HashMap<>();
  private final Map<String, TreeSet<ObjectKey>> dependentsByOwnerUid = new HashMap<>();
  private final List<AdmissionPlugin> admission = new ArrayList<>();
  private final ApiFaults faults = new ApiFaults();
  private final GarbageCollector garbageCollector;
  private final EventRecorderIndex eventIndex = new EventRecorderIndex();
  private LatencyModel watchLatency = LatencyModel.fixed(Duration.ofMillis(1));
  private long revision;

  /** An API server on this engine with the default admission chain and the initial namespaces. */
  public ApiServer(Engine engine) {
    this.engine = requireNonNull(engine, "engine is null");
    admission.add(new DefaultStorageClass());
    admission.add(new StorageObjectInUseProtection());
    this.garbageCollector = new GarbageCollector(this);
    ApiClient system = client(COMPONENT);
    for (String ns : INITIAL_NAMESPACES) {
      system.create(Namespace.named(ns));
    }
  }

  public Engine engine() {
    return engine;
  }

  /** A client acting as {@code component}. */
  public ApiClient client(String component) {
    return new ApiClient(this, component);
  }

  /** The garbage collector, as a controller a scenario can pause. */
  public dev.volsim.core.controller.Controller garbageCollector() {
    return garbageCollector.gcController();
  }

  /** The namespace controller (empties and removes deleted namespaces), pausable. */
  public dev.volsim.core.controller.Controller namespaceController() {
    return garbageCollector.namespaceController();
  }

  /** Adds an admission plugin at the end of the chain (those configured by component flags). */
  public void addAdmissionPlugin(AdmissionPlugin plugin) {
    admission.add(requireNonNull(plugin, "plugin is null"));
  }

  /** The failures injected into writes (the scenario step {@code inject: apiUpdate}). */
  public ApiFaults faults() {
    return faults;
  }

  /** How long watch notifications take to arrive (scenario {@code timing.watch}). */
  public void setWatchLatency(LatencyModel latency) {
    this.watchLatency = requireNonNull(latency, "latency is null");
  }

  /** The current resourceVersion of the whole store. */
  public long revision() {
    return revision;
  }

  EventRecorderIndex eventIndex() {
    return eventIndex;
  }

  // ------------------------------------------------------------------ reads

  /** The object under a key, as it is now. */
  public Optional<KubeObject> get(ObjectKey key) {
    TreeMap<ObjectKey, KubeObject> byKey = store.get(key.kind());
    return Optional.ofNullable(byKey == null ? null : byKey.get(key));
  }

  /** The object of a type with this namespace and name. */
  public <T extends KubeObject> Optional<T> get(Class<T> type, String namespace, String name) {
    KindInfo<T> info = Kinds.of(type);
    return get(new ObjectKey(info.kind(), info.namespaced() ? namespace : "", name)).map(type::cast);
  }

  /** Every object of a type, in key order. */
  public <T extends KubeObject> ImmutableList<T> list(Class<T> type) {
    TreeMap<ObjectKey, KubeObject> byKey = store.get(Kinds.of(type).kind());
    if (byKey == null) {
      return ImmutableList.of();
    }
    ImmutableList.Builder<T> out = ImmutableList.builderWithExpectedSize(byKey.size());
    for (KubeObject o : byKey.values()) {
      out.add(type.cast(o));
    }
    return out.build();
  }

  /** Every object of a type in one namespace, in key order. */
  public <T extends KubeObject> ImmutableList<T> list(Class<T> type, String namespace) {
    TreeMap<ObjectKey, KubeObject> byKey = store.get(Kinds.of(type).kind());
    if (byKey == null) {
      return ImmutableList.of();
    }
    ObjectKey from = new ObjectKey(Kinds.of(type).kind(), namespace, "");
    ImmutableList.Builder<T> out = ImmutableList.builder();
    for (Map.Entry<ObjectKey, KubeObject> e : byKey.tailMap(from, true).entrySet()) {
      if (!e.getKey().namespace().equals(namespace)) {
        break;
      }
      out.add(type.cast(e.getValue()));
    }
    return out.build();
  }

  /** Every object of a kind name ({@code Pod}), in key order. */
  public ImmutableList<KubeObject> listKind(String kind) {
    TreeMap<ObjectKey, KubeObject> byKey = store.get(kind);
    return byKey == null ? ImmutableList.of() : ImmutableList.copyOf(byKey.values());
  }

  /** How many objects of a kind exist. */
  public int count(String kind) {
    TreeMap<ObjectKey, KubeObject> byKey = store.get(kind);
    return byKey == null ? 0 : byKey.size();
  }

  // ------------------------------------------------------------------ watches

  /**
   * Subscribes {@code handler} to changes of a kind; each change arrives as an engine event of
   * {@code subscriber} after the watch latency, in the order the changes happened.
   */
  public Watch watch(String kind, String subscriber, Consumer<WatchEvent> handler) {
    Watch w = new Watch(this, kind, subscriber, handler);
    watches.computeIfAbsent(kind, k -> new ArrayList<>()).add(w);
    return w;
  }

  void stopWatch(Watch w) {
    List<Watch> list = watches.get(w.kind());
    if (list != null) {
      list.remove(w);
    }
  }

  private void notifyWatchers(WatchEvent.Type type, KubeObject object) {
    List<Watch> list = watches.get(object.kind());
    if (list == null || list.isEmpty()) {
      return;
    }
    WatchEvent event = new WatchEvent(type, object);
    for (Watch w : List.copyOf(list)) {
      long latency = watchLatency.sampleMicros(engine.random("watch/" + w.subscriber()));
      w.deliverAfter(latency, event);
    }
  }

  // ------------------------------------------------------------------ writes (through ApiClient)

  KubeObject create(String component, KubeObject object) {
    requireNonNull(object, "object is null");
    KindInfo<?> info = kindOf(object);
    ObjectMeta meta = object.metadata();
    ObjectMeta.Builder b = meta.toBuilder();
    if (info.namespaced()) {
      String ns = meta.namespace() == null || meta.namespace().isEmpty() ? "default" : meta.namespace();
      b.namespace(ns);
      checkNamespaceAcceptsContent(ns);
    } else {
      b.namespace(null);
    }
    if ((meta.name() == null || meta.name().isEmpty()) && meta.generateName() != null && !meta.generateName().isEmpty()) {
      b.name(generateName(info, meta.generateName(), meta.namespace()));
    }
    // Fields the server owns are never taken from the request.
    b.uid(null).resourceVersion(null).creationTimestamp(null).deletionTimestamp(null)
        .deletionGracePeriodSeconds(null).generation(null);
    KubeObject candidate = Records.withMetadata(object, b.build());
    for (AdmissionPlugin plugin : admission) {
      candidate = plugin.admitCreate(candidate, this);
    }
    List<FieldError> errors = info.validate(candidate);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(info.kind(), nameForMessage(candidate), errors);
    }
    ObjectKey key = ObjectKey.of(candidate);
    if (get(key).isPresent()) {
      throw ApiException.alreadyExists(info.plural(), key.name());
    }
    ObjectMeta stored = candidate.metadata().toBuilder()
        .uid(engine.random(COMPONENT + "/uid").nextUuid())
        .resourceVersion(Long.toString(++revision))
        .creationTimestamp(nowSeconds())
        .generation(1L)
        .build();
    KubeObject created = Records.withMetadata(candidate, stored);
    put(key, created);
    indexOwners(null, created);
    trace(component, "ObjectCreated", key, "created " + key.ref(), created);
    notifyWatchers(WatchEvent.Type.ADDED, created);
    return created;
  }

  KubeObject update(String component, KubeObject object, boolean status) {
    KindInfo<?> info = kindOf(object);
    ObjectKey key = keyOf(info, object);
    KubeObject old = get(key).orElseThrow(() -> ApiException.notFound(info.plural(), key.name()));
    String rv = object.metadata().resourceVersion();
    if (rv != null && !rv.isEmpty() && !rv.equals(old.metadata().resourceVersion())) {
      throw ApiException.conflict(info.plural(), key.name());
    }
    KubeObject candidate = merge(old, object, status);
    if (old.metadata().isTerminating()) {
      for (String f : candidate.metadata().finalizers()) {
        if (!old.metadata().hasFinalizer(f)) {
          throw ApiException.invalid(info.kind(), key.name(), List.of(FieldError.forbidden(
              dev.volsim.model.validation.FieldPath.of("metadata", "finalizers"),
              "no new finalizers can be added if the object is being deleted, found new finalizers [\"" + f + "\"]")));
        }
      }
    }
    List<FieldError> errors = new ArrayList<>(info.validate(candidate));
    if (!status) {
      errors.addAll(dev.volsim.model.validation.UpdateValidation.validateUpdate(old, candidate));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(info.kind(), key.name(), errors);
    }
    if (!status) {
      PersistentVolumeClaimResize.validateUpdate(old, candidate, this);
    }
    if (candidate.equals(old)) {
      return old; // a no-op update changes nothing, not even the resourceVersion
    }
    ObjectMeta.Builder mb = candidate.metadata().toBuilder().resourceVersion(Long.toString(++revision));
    if (!status && !sameSpec(old, candidate)) {
      mb.generation(old.metadata().generation() == null ? 1L : old.metadata().generation() + 1);
    }
    KubeObject updated = Records.withMetadata(candidate, mb.build());
    for (String f : old.metadata().finalizers()) {
      if (!updated.metadata().hasFinalizer(f)) {
        trace(component, "FinalizerRemoved", key, "removed finalizer " + f + " from " + key.ref(), updated,
            "finalizer", f);
      }
    }
    if (updated.metadata().isTerminating() && updated.metadata().finalizers().isEmpty()
        && !awaitsGracefulConfirmation(updated)) {
      remove(component, key, updated);
      return updated;
    }
    put(key, updated);
    indexOwners(old, updated);
    trace(component, "ObjectUpdated", key, (status ? "updated status of " : "updated ") + key.ref(), updated,
        "subresource", status ? "status" : null);
    notifyWatchers(WatchEvent.Type.MODIFIED, updated);
    return updated;
  }

  /**
   * Deletes as {@code kubectl delete} does: Pods on a node get their grace period (the kubelet
   * confirms with grace 0); objects with finalizers are only marked; others go at once.
   *
   * @return the object's state after the request (marked, or as it was when removed)
   */
  KubeObject delete(String component, ObjectKey key, DeleteOptions options) {
    KindInfo<?> info = Kinds.lookup(kindApiVersion(key.kind()), key.kind())
        .orElseThrow(() -> ApiException.notFound(key.kind().toLowerCase(java.util.Locale.ROOT), key.name()));
    KubeObject old = get(key).orElseThrow(() -> ApiException.notFound(info.plural(), key.name()));
    if (options.preconditionUid() != null && !options.preconditionUid().equals(old.metadata().uid())) {
      throw ApiException.conflict(info.plural(), key.name());
    }
    PropagationPolicy policy = options.propagationPolicy() == null ? PropagationPolicy.BACKGROUND : options.propagationPolicy();
    ObjectMeta meta = old.metadata();
    List<String> finalizers = new ArrayList<>(meta.finalizers());
    if (!meta.isTerminating()) {
      if (policy == PropagationPolicy.FOREGROUND && !finalizers.contains(FOREGROUND_DELETION)) {
        finalizers.add(FOREGROUND_DELETION);
      } else if (policy == PropagationPolicy.ORPHAN && !finalizers.contains(ORPHAN)) {
        finalizers.add(ORPHAN);
      }
    }
    long grace = gracePeriod(old, options);
    if (old instanceof Namespace) {
      return markNamespaceTerminating(component, key, (Namespace) old);
    }
    if (grace == 0 && finalizers.isEmpty()) {
      remove(component, key, old);
      return old;
    }
    Instant deletionTimestamp = meta.deletionTimestamp();
    Long deletionGrace = meta.deletionGracePeriodSeconds();
    Instant requested = nowSeconds().plusSeconds(grace);
    if (deletionTimestamp == null || requested.isBefore(deletionTimestamp)) {
      // A second delete may shorten the grace period, never lengthen it.
      deletionTimestamp = requested;
      deletionGrace = grace;
    }
    if (meta.isTerminating() && Objects.equals(deletionTimestamp, meta.deletionTimestamp())
        && finalizers.equals(meta.finalizers())) {
      return old;
    }
    ObjectMeta marked = meta.toBuilder().deletionTimestamp(deletionTimestamp)
        .deletionGracePeriodSeconds(deletionGrace).finalizers(finalizers)
        .resourceVersion(Long.toString(++revision)).build();
    KubeObject updated = Records.withMetadata(old, marked);
    put(key, updated);
    trace(component, "ObjectDeleting", key, "deleting " + key.ref()
        + (old instanceof Pod ? " (grace period " + deletionGrace + "s)" : ""), updated);
    notifyWatchers(WatchEvent.Type.MODIFIED, updated);
    if (finalizers.contains(FOREGROUND_DELETION) || finalizers.contains(ORPHAN)) {
      garbageCollector.ownerDeleting(updated);
    }
    return updated;
  }

  private KubeObject markNamespaceTerminating(String component, ObjectKey key, Namespace ns) {
    if (ns.metadata().isTerminating()) {
      return ns;
    }
    ObjectMeta marked = ns.metadata().toBuilder().deletionTimestamp(nowSeconds()).deletionGracePeriodSeconds(0L)
        .resourceVersion(Long.toString(++revision)).build();
    Namespace updated = new Namespace(marked, ns.spec(), new Namespace.Status("Terminating"));
    put(key, updated);
    trace(component, "ObjectDeleting", key, "deleting " + key.ref(), updated);
    notifyWatchers(WatchEvent.Type.MODIFIED, updated);
    garbageCollector.namespaceDeleting(key.name());
    return updated;
  }

  /** Removes a terminating namespace once nothing is left in it. */
  void removeNamespaceIfEmpty(String namespace) {
    ObjectKey key = ObjectKey.cluster("Namespace", namespace);
    KubeObject ns = get(key).orElse(null);
    if (ns == null || !ns.metadata().isTerminating()) {
      return;
    }
    for (KindInfo<?> k : Kinds.all()) {
      if (k.namespaced() && !list(k.type(), namespace).isEmpty()) {
        return;
      }
    }
    remove("namespace-controller", key, ns);
  }

  private long gracePeriod(KubeObject o, DeleteOptions options) {
    if (!(o instanceof Pod pod)) {
      return 0;
    }
    // A Pod that never reached a node, or has finished, has nothing to shut down.
    if (pod.spec() == null || pod.spec().nodeName() == null || pod.spec().nodeName().isEmpty()) {
      return 0;
    }
    if (pod.status() != null && (pod.status().phase() == PodPhase.SUCCEEDED || pod.status().phase() == PodPhase.FAILED)) {
      return 0;
    }
    if (options.gracePeriodSeconds() != null) {
      return Math.max(0, options.gracePeriodSeconds());
    }
    Long own = pod.spec().terminationGracePeriodSeconds();
    return own == null ? 30 : Math.max(0, own);
  }

  /** A terminating Pod on a node stays until its kubelet confirms, even with no finalizers left. */
  private static boolean awaitsGracefulConfirmation(KubeObject o) {
    return o instanceof Pod p && p.metadata().deletionGracePeriodSeconds() != null
        && p.metadata().deletionGracePeriodSeconds() > 0;
  }

  private void remove(String component, ObjectKey key, KubeObject last) {
    store.get(key.kind()).remove(key);
    indexOwners(last, null);
    if (last instanceof Pod) {
      trace(component, "PodRemoved", key, "removed " + key.ref(), last);
    } else {
      trace(component, "ObjectDeleted", key, "deleted " + key.ref(), last);
    }
    notifyWatchers(WatchEvent.Type.DELETED, last);
    garbageCollector.objectRemoved(last);
    if (!key.namespace().isEmpty()) {
      KubeObject ns = get(ObjectKey.cluster("Namespace", key.namespace())).orElse(null);
      if (ns != null && ns.metadata().isTerminating()) {
        garbageCollector.namespaceDeleting(key.namespace());
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  private void put(ObjectKey key, KubeObject o) {
    store.computeIfAbsent(key.kind(), k -> new TreeMap<>()).put(key, o);
  }

  /** The objects whose ownerReferences name this uid, in key order. */
  ImmutableList<ObjectKey> dependentsOf(String ownerUid) {
    TreeSet<ObjectKey> keys = dependentsByOwnerUid.get(ownerUid);
    return keys == null ? ImmutableList.of() : ImmutableList.copyOf(keys);
  }

  private void indexOwners(KubeObject before, KubeObject after) {
    if (before != null) {
      for (OwnerReference ref : before.metadata().ownerReferences()) {
        TreeSet<ObjectKey> set = dependentsByOwnerUid.get(ref.uid());
        if (set != null) {
          set.remove(ObjectKey.of(before));
          if (set.isEmpty()) {
            dependentsByOwnerUid.remove(ref.uid());
          }
        }
      }
    }
    if (after != null) {
      for (OwnerReference ref : after.metadata().ownerReferences()) {
        if (ref.uid() != null) {
          dependentsByOwnerUid.computeIfAbsent(ref.uid(), u -> new TreeSet<>()).add(ObjectKey.of(after));
        }
      }
    }
  }

  /** The object by uid among a kind, if it exists (owner lookups). */
  Optional<KubeObject> findByUid(String kind, String namespace, String uid) {
    TreeMap<ObjectKey, KubeObject> byKey = store.get(kind);
    if (byKey == null) {
      return Optional.empty();
    }
    for (KubeObject o : byKey.values()) {
      if (uid.equals(o.metadata().uid()) && (namespace == null || namespace.equals(o.metadata().namespace())
          || o.metadata().namespace() == null)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  private KubeObject merge(KubeObject old, KubeObject requested, boolean status) {
    ObjectMeta om = old.metadata();
    ObjectMeta rm = requested.metadata();
    boolean hasStatus = Records.has((Record) old, "status");
    if (status) {
      // The status subresource changes status only.
      KubeObject out = hasStatus ? (KubeObject) Records.with((Record) old, "status", Records.get((Record) requested, "status")) : old;
      return out;
    }
    ObjectMeta meta = rm.toBuilder()
        .name(om.name()).namespace(om.namespace()).uid(om.uid()).resourceVersion(om.resourceVersion())
        .creationTimestamp(om.creationTimestamp()).deletionTimestamp(om.deletionTimestamp())
        .deletionGracePeriodSeconds(om.deletionGracePeriodSeconds()).generation(om.generation())
        .generateName(om.generateName()).build();
    KubeObject out = Records.withMetadata(requested, meta);
    if (hasStatus) {
      out = (KubeObject) Records.with((Record) out, "status", Records.get((Record) old, "status"));
    }
    return out;
  }

  private static boolean sameSpec(KubeObject a, KubeObject b) {
    ObjectMeta empty = ObjectMeta.builder().build();
    Record ra = (Record) Records.withMetadata(a, empty);
    Record rb = (Record) Records.withMetadata(b, empty);
    if (Records.has(ra, "status")) {
      ra = Records.with(ra, "status", null);
      rb = Records.with(rb, "status", null);
    }
    return ra.equals(rb);
  }

  private void checkNamespaceAcceptsContent(String ns) {
    KubeObject namespace = get(ObjectKey.cluster("Namespace", ns)).orElseThrow(() -> ApiException.notFound("namespaces", ns));
    if (namespace.metadata().isTerminating()) {
      throw ApiException.forbidden("unable to create new content in namespace " + ns
          + " because it is being terminated");
    }
  }

  private String generateName(KindInfo<?> info, String prefix, String namespace) {
    // The API server retries on a clash; so does this, with more draws from the same stream.
    for (int attempt = 0; attempt < 16; attempt++) {
      String base = prefix.length() > 58 ? prefix.substring(0, 58) : prefix;
      String candidate = base + engine.random(COMPONENT + "/names").nextNameSuffix();
      ObjectKey key = new ObjectKey(info.kind(), info.namespaced() ? (namespace == null ? "default" : namespace) : "", candidate);
      if (get(key).isEmpty()) {
        return candidate;
      }
    }
    throw ApiException.alreadyExists(info.plural(), prefix);
  }

  private static String nameForMessage(KubeObject o) {
    String n = o.metadata().name();
    return n == null ? "" : n;
  }

  private static KindInfo<?> kindOf(KubeObject o) {
    return Kinds.of(o);
  }

  private static ObjectKey keyOf(KindInfo<?> info, KubeObject o) {
    String ns = info.namespaced()
        ? (o.metadata().namespace() == null || o.metadata().namespace().isEmpty() ? "default" : o.metadata().namespace())
        : "";
    if (o.metadata().name() == null) {
      throw ApiException.badRequest("resource name may not be empty");
    }
    return new ObjectKey(info.kind(), ns, o.metadata().name());
  }

  private static String kindApiVersion(String kind) {
    for (KindInfo<?> k : Kinds.all()) {
      if (k.kind().equals(kind)) {
        return k.apiVersion();
      }
    }
    return "v1";
  }

  Instant nowSeconds() {
    return engine.wallTime().truncatedTo(ChronoUnit.SECONDS);
  }

  void trace(String component, String type, ObjectKey key, String message, KubeObject object, String... extra) {
    if (!engine.trace().enabled()) {
      engine.trace().record(component, type, null, null, null);
      return;
    }
    if (key.kind().equals("Lease")) {
      message = null; // heartbeats: in the JSON trace, out of the timeline
    }
    if (key.kind().equals("Event")) {
      // The recorder's own "Event" entry tells the story; the Event object's bookkeeping stays
      // in the JSON trace but out of the timeline.
      message = null;
    }
    List<String> attrs = new ArrayList<>(List.of("kind", key.kind(), "name", key.name()));
    if (!key.namespace().isEmpty()) {
      attrs.add("namespace");
      attrs.add(key.namespace());
    }
    switch (key.kind()) {
      case "Pod" -> {
        attrs.add("pod");
        attrs.add(key.name());
        if (object instanceof Pod p && p.spec() != null && p.spec().nodeName() != null) {
          attrs.add("node");
          attrs.add(p.spec().nodeName());
        }
      }
      case "PersistentVolumeClaim" -> {
        attrs.add("claim");
        attrs.add(key.name());
      }
      case "PersistentVolume" -> {
        attrs.add("volume");
        attrs.add(key.name());
      }
      case "Node" -> {
        attrs.add("node");
        attrs.add(key.name());
      }
      default -> { }
    }
    for (int i = 0; i + 1 < extra.length; i += 2) {
      if (extra[i + 1] != null) {
        attrs.add(extra[i]);
        attrs.add(extra[i + 1]);
      }
    }
    engine.trace().record(component, type, key.ref(), message,
        dev.volsim.core.trace.TraceEntry.attrs(attrs.toArray(new String[0])));
  }

  /** Objects of a kind matching a predicate, in key order (a scan: for tests and tools). */
  public <T extends KubeObject> ImmutableList<T> list(Class<T> type, Predicate<T> filter) {
    return list(type).stream().filter(filter).collect(ImmutableList.toImmutableList());
  }

  /** Used by the garbage collector and namespace controller: a client acting as the API server's helpers. */
  ApiClient systemClient(String component) {
    return client(component);
  }
}
