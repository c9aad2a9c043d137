package dev.volsim.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.time.Instant;

/**
 * Standard object metadata, as {@code metav1.ObjectMeta}. Fields the API server assigns (uid,
 * resourceVersion, creationTimestamp, deletionTimestamp) are null until it does.
 *
 * @param name the object's name; may be null when {@code generateName} is set
 * @param generateName a prefix from which the API server generates a unique name
 * @param namespace the namespace, null for cluster-scoped objects (and before defaulting)
 * @param uid the unique id the API server assigns
 * @param resourceVersion the version of this object, for optimistic concurrency
 * @param generation the spec generation the API server counts
 * @param creationTimestamp when the object was created
 * @param deletionTimestamp when deletion was requested; set means "terminating"
 * @param deletionGracePeriodSeconds the grace period of a pending graceful deletion
 * @param labels labels, sorted by key
 * @param annotations annotations, sorted by key
 * @param ownerReferences the objects that own this one
 * @param finalizers the finalizers that hold deletion back, in order
 */
public record ObjectMeta(
    String name,
    String generateName,
    String namespace,
    String uid,
    String resourceVersion,
    Long generation,
    Instant creationTimestamp,
    Instant deletionTimestamp,
    Long deletionGracePeriodSeconds,
    ImmutableSortedMap<String, String> labels,
    ImmutableSortedMap<String, String> annotations,
    ImmutableList<OwnerReference> ownerReferences,
    ImmutableList<String> finalizers) {

  public ObjectMeta {
    labels = Immutables.map(labels);
    annotations = Immutables.map(annotations);
    ownerReferences = Immutables.list(ownerReferences);
    finalizers = Immutables.list(finalizers);
  }

  /** Metadata with only a name. */
  public static ObjectMeta named(String name) {
    return builder().name(name).build();
  }

  /** Metadata with a namespace and a name. */
  public static ObjectMeta named(String namespace, String name) {
    return builder().namespace(namespace).name(name).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding a copy of this metadata. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.generateName = generateName;
    b.namespace = namespace;
    b.uid = uid;
    b.resourceVersion = resourceVersion;
    b.generation = generation;
    b.creationTimestamp = creationTimestamp;
    b.deletionTimestamp = deletionTimestamp;
    b.deletionGracePeriodSeconds = deletionGracePeriodSeconds;
    b.labels = labels;
    b.annotations = annotations;
    b.ownerReferences = ownerReferences;
    b.finalizers = finalizers;
    return b;
  }

  /** Copy with another namespace. */
  public ObjectMeta withNamespace(String ns) {
    return toBuilder().namespace(ns).build();
  }

  /** Whether the given finalizer is present. */
  public boolean hasFinalizer(String finalizer) {
    return finalizers.contains(finalizer);
  }

  /** Whether deletion has been requested. */
  public boolean isTerminating() {
    return deletionTimestamp != null;
  }

  /** A mutable builder of {@link ObjectMeta}; {@link #build()} gives the immutable record. */
  public static final class Builder {
    private String name;
    private String generateName;
    private String namespace;
    private String uid;
    private String resourceVersion;
    private Long generation;
    private Instant creationTimestamp;
    private Instant deletionTimestamp;
    private Long deletionGracePeriodSeconds;
    private java.util.Map<String, String> labels;
    private java.util.Map<String, String> annotations;
    private java.util.List<OwnerReference> ownerReferences;
    private java.util.List<String> finalizers;

    private Builder() {}

    public Builder name(String v) { name = v; return this; }
    public Builder generateName(String v) { generateName = v; return this; }
    public Builder namespace(String v) { namespace = v; return this; }
    public Builder uid(String v) { uid = v; return this; }
    public Builder resourceVersion(String v) { resourceVersion = v; return this; }
    public Builder generation(Long v) { generation = v; return this; }
    public Builder creationTimestamp(Instant v) { creationTimestamp = v; return this; }
    public Builder deletionTimestamp(Instant v) { deletionTimestamp = v; return this; }
    public Builder deletionGracePeriodSeconds(Long v) { deletionGracePeriodSeconds = v; return this; }
    public Builder labels(java.util.Map<String, String> v) { labels = v; return this; }
    public Builder annotations(java.util.Map<String, String> v) { annotations = v; return this; }
    public Builder ownerReferences(java.util.List<OwnerReference> v) { ownerReferences = v; return this; }
    public Builder finalizers(java.util.List<String> v) { finalizers = v; return this; }

    /** Adds or replaces one label. */
    public Builder label(String key, String value) {
      java.util.Map<String, String> m = labels == null ? new java.util.TreeMap<>() : new java.util.TreeMap<>(labels);
      m.put(key, value);
      labels = m;
      return this;
    }

    /** Adds or replaces one annotation. */
    public Builder annotation(String key, String value) {
      java.util.Map<String, String> m = annotations == null ? new java.util.TreeMap<>() : new java.util.TreeMap<>(annotations);
      m.put(key, value);
      annotations = m;
      return this;
    }

    public ObjectMeta build() {
      return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
          creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, Immutables.map(labels),
          Immutables.map(annotations), Immutables.list(ownerReferences), Immutables.list(finalizers));
    }
  }
}
