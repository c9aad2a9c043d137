package dev.volsim.core.api;

import static java.util.Objects.requireNonNull;

import dev.volsim.model.KubeObject;
import java.util.Comparator;
import java.util.Locale;

/**
 * Where an object lives in the API: its kind, namespace (empty for cluster-scoped kinds) and
 * name. Ordered by kind, namespace, name, the order lists return.
 *
 * @param kind the kind, as in the object ({@code PersistentVolumeClaim})
 * @param namespace the namespace, or "" for cluster-scoped objects
 * @param name the name
 */
public record ObjectKey(String kind, String namespace, String name) implements Comparable<ObjectKey> {
  private static final Comparator<ObjectKey> ORDER = Comparator.comparing(ObjectKey::kind)
      .thenComparing(ObjectKey::namespace).thenComparing(ObjectKey::name);

  public ObjectKey {
    requireNonNull(kind, "kind is null");
    namespace = namespace == null ? "" : namespace;
    requireNonNull(name, "name is null");
  }

  /** The key of an object (namespace as the object says). */
  public static ObjectKey of(KubeObject o) {
    return new ObjectKey(o.kind(), o.metadata().namespace(), o.metadata().name());
  }

  public static ObjectKey namespaced(String kind, String namespace, String name) {
    return new ObjectKey(kind, namespace, name);
  }

  public static ObjectKey cluster(String kind, String name) {
    return new ObjectKey(kind, "", name);
  }

  /** {@code persistentvolumeclaim/default/data} or {@code node/node-1}: the trace's object reference. */
  public String ref() {
    String k = kind.toLowerCase(Locale.ROOT);
    return namespace.isEmpty() ? k + "/" + name : k + "/" + namespace + "/" + name;
  }

  /** {@code default/data} or {@code node-1}. */
  public String namespacedName() {
    return namespace.isEmpty() ? name : namespace + "/" + name;
  }

  @Override
  public int compareTo(ObjectKey o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return ref();
  }
}
