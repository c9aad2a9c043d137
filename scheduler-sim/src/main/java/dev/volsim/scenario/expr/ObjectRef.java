package dev.volsim.scenario.expr;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.api.ApiServer;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.model.KindInfo;
import dev.volsim.model.Kinds;
import dev.volsim.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A scenario's reference to an object: {@code kind/name} or {@code kind/namespace/name}
 * (namespace {@code default} when omitted for namespaced kinds; cluster-scoped kinds take only
 * {@code kind/name}), or {@code kind?<label selector>} / {@code kind/namespace?<selector>} for the
 * one object of that kind the selector matches. Kinds are named as kubectl accepts them
 * ({@code pvc}, {@code persistentvolumeclaims}, {@code PersistentVolumeClaim}). Immutable.
 */
public final class ObjectRef {
  private final KindInfo<?> kind;
  private final String namespace;
  private final String name;
  private final LabelSelectorExpr selector;

  private ObjectRef(KindInfo<?> kind, String namespace, String name, LabelSelectorExpr selector) {
    this.kind = kind;
    this.namespace = namespace;
    this.name = name;
    this.selector = selector;
  }

  /**
   * Parses a reference.
   *
   * @throws ExprException for an unknown kind (kubectl's words: {@code the server doesn't have a
   *     resource type "foo"}), a namespace on a cluster-scoped kind, or a malformed text
   */
  public static ObjectRef parse(String text) throws ExprException {
    requireNonNull(text, "text is null");
    String t = text.strip();
    int q = t.indexOf('?');
    String path = q >= 0 ? t.substring(0, q) : t;
    List<String> parts = List.of(path.split("/", -1));
    if (parts.get(0).isEmpty()) {
      throw new ExprException("bad object reference \"" + text + "\": expected kind/name, kind/namespace/name or kind?selector");
    }
    KindInfo<?> kind = kind(parts.get(0));
    if (q >= 0) {
      LabelSelectorExpr selector = LabelSelectorExpr.parse(t.substring(q + 1));
      if (parts.size() == 1) {
        return new ObjectRef(kind, kind.namespaced() ? "default" : "", null, selector);
      } else if (parts.size() == 2 && !parts.get(1).isEmpty()) {
        if (!kind.namespaced()) {
          throw clusterScoped(text, kind);
        }
        return new ObjectRef(kind, parts.get(1), null, selector);
      } else {
        throw new ExprException("bad object reference \"" + text + "\": expected kind?selector or kind/namespace?selector");
      }
    }
    for (String p : parts) {
      if (p.isEmpty()) {
        throw new ExprException("bad object reference \"" + text + "\": empty name or namespace");
      }
    }
    if (parts.size() == 2) {
      return new ObjectRef(kind, kind.namespaced() ? "default" : "", parts.get(1), null);
    } else if (parts.size() == 3) {
      if (!kind.namespaced()) {
        throw clusterScoped(text, kind);
      }
      return new ObjectRef(kind, parts.get(1), parts.get(2), null);
    } else {
      throw new ExprException("bad object reference \"" + text + "\": expected kind/name, kind/namespace/name or kind?selector");
    }
  }

  /** A reference to the object under this key. */
  public static ObjectRef of(ObjectKey key) {
    KindInfo<?> kind = Kinds.resolve(key.kind())
        .orElseThrow(() -> new IllegalArgumentException("unknown kind " + key.kind()));
    return new ObjectRef(kind, kind.namespaced() ? key.namespace() : "", key.name(), null);
  }

  /**
   * The kind kubectl resolves a resource name to.
   *
   * @throws ExprException in kubectl's words when there is none
   */
  public static KindInfo<?> kind(String resource) throws ExprException {
    Optional<KindInfo<?>> k = Kinds.resolve(resource.strip());
    if (k.isEmpty()) {
      throw new ExprException("the server doesn't have a resource type \"" + resource.strip() + "\"");
    }
    return k.get();
  }

  private static ExprException clusterScoped(String text, KindInfo<?> kind) {
    return new ExprException("bad object reference \"" + text + "\": " + kind.plural()
        + " are cluster-scoped and take no namespace");
  }

  /** The kind referred to. */
  public KindInfo<?> kind() {
    return kind;
  }

  /** The namespace ({@code default} unless given), or "" for cluster-scoped kinds. */
  public String namespace() {
    return namespace;
  }

  /** The name, or empty for a selector reference. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** The label selector, or empty for a reference by name. */
  public Optional<LabelSelectorExpr> selector() {
    return Optional.ofNullable(selector);
  }

  /** Whether this reference picks its object by label selector. */
  public boolean isSelector() {
    return selector != null;
  }

  /**
   * The key of the object named.
   *
   * @throws IllegalStateException for a selector reference
   */
  public ObjectKey key() {
    if (selector != null) {
      throw new IllegalStateException("a selector reference has no key: " + this);
    }
    return new ObjectKey(kind.kind(), namespace, name);
  }

  /**
   * Every object the reference matches now, in key order: zero or one for a reference by name,
   * any number for a selector.
   */
  public ImmutableList<KubeObject> matches(ApiServer api) {
    if (selector == null) {
      return api.get(key()).map(ImmutableList::of).orElse(ImmutableList.of());
    }
    List<? extends KubeObject> candidates = kind.namespaced()
        ? api.list(kind.type(), namespace) : api.list(kind.type());
    List<KubeObject> out = new ArrayList<>();
    for (KubeObject o : candidates) {
      if (selector.matches(o.metadata().labels())) {
        out.add(o);
      }
    }
    return ImmutableList.copyOf(out);
  }

  /**
   * The object referred to, if it exists.
   *
   * @throws ExprException if a selector matches several objects
   */
  public Optional<KubeObject> find(ApiServer api) throws ExprException {
    ImmutableList<KubeObject> found = matches(api);
    if (found.size() > 1) {
      throw new ExprException(severalMessage(found));
    }
    return found.stream().findFirst();
  }

  /**
   * The object referred to.
   *
   * @throws ExprException if it does not exist ({@code persistentvolumeclaims "data" not found}),
   *     or a selector matches none or several objects (the message gives the count and names)
   */
  public KubeObject resolve(ApiServer api) throws ExprException {
    Optional<KubeObject> found = find(api);
    if (found.isEmpty()) {
      throw new ExprException(notFoundMessage());
    }
    return found.get();
  }

  /** What {@link #resolve} says when nothing matches. */
  public String notFoundMessage() {
    if (selector == null) {
      return kind.plural() + " \"" + name + "\" not found";
    }
    return "no " + kind.plural() + where() + " match the selector \"" + selector + "\"";
  }

  /** What {@link #find} says when a selector matches several objects (given). */
  String severalMessage(List<KubeObject> found) {
    List<String> names = new ArrayList<>();
    for (KubeObject o : found) {
      names.add(o.metadata().name());
    }
    return found.size() + " " + kind.plural() + where() + " match the selector \"" + selector
        + "\" (" + Texts.names(names, 10) + "); expected exactly one";
  }

  private String where() {
    return kind.namespaced() ? " in namespace \"" + namespace + "\"" : "";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ObjectRef other && kind.equals(other.kind) && namespace.equals(other.namespace)
        && Objects.equals(name, other.name) && Objects.equals(selector, other.selector);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind.kind(), namespace, name, selector);
  }

  /**
   * The canonical text: {@code persistentvolumeclaim/default/data}, {@code persistentvolume/pv-1}
   * (as trace entries name objects), {@code pod/default?app=web}, {@code node?zone=a}.
   */
  @Override
  public String toString() {
    String ns = namespace.isEmpty() ? "" : "/" + namespace;
    return selector == null ? kind.singular() + ns + "/" + name : kind.singular() + ns + "?" + selector;
  }
}
