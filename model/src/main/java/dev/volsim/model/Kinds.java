package dev.volsim.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.volsim.model.core.ConfigMap;
import dev.volsim.model.core.Namespace;
import dev.volsim.model.validation.CoreValidation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every kind the model knows, looked up by (apiVersion, kind), by record class, or by any name
 * kubectl accepts ({@code pvc}, {@code persistentvolumeclaims}). The table is immutable.
 */
public final class Kinds {
  private static final ImmutableList<KindInfo<?>> ALL = ImmutableList.of(
      // core/v1
      new KindInfo<>("v1", "Namespace", Namespace.class, "namespaces", ImmutableList.of("ns"), false, CoreValidation::validateNamespace),
      new KindInfo<>("v1", "ConfigMap", ConfigMap.class, "configmaps", ImmutableList.of("cm"), true, CoreValidation::validateConfigMap)
      // storage.k8s.io/v1
      // apps/v1
  );

  private static final ImmutableMap<String, KindInfo<?>> BY_VERSION_KIND;
  private static final ImmutableMap<Class<?>, KindInfo<?>> BY_CLASS;

  static {
    Map<String, KindInfo<?>> byVersionKind = new LinkedHashMap<>();
    Map<Class<?>, KindInfo<?>> byClass = new LinkedHashMap<>();
    for (KindInfo<?> k : ALL) {
      byVersionKind.put(k.apiVersion() + "/" + k.kind(), k);
      byClass.put(k.type(), k);
    }
    BY_VERSION_KIND = ImmutableMap.copyOf(byVersionKind);
    BY_CLASS = ImmutableMap.copyOf(byClass);
  }

  private Kinds() {}

  /** All kinds, in a fixed order. */
  public static ImmutableList<KindInfo<?>> all() {
    return ALL;
  }

  /** The kind served at this apiVersion under this name, if any. */
  public static Optional<KindInfo<?>> lookup(String apiVersion, String kind) {
    return Optional.ofNullable(BY_VERSION_KIND.get(apiVersion + "/" + kind));
  }

  /** The kind of a record class. */
  @SuppressWarnings("unchecked")
  public static <T extends KubeObject> KindInfo<T> of(Class<T> type) {
    KindInfo<?> k = BY_CLASS.get(type);
    if (k == null) {
      throw new IllegalArgumentException("not a registered kind: " + type.getName());
    }
    return (KindInfo<T>) k;
  }

  /** The kind of an object. */
  public static KindInfo<?> of(KubeObject object) {
    return of(object.getClass());
  }

  /** The kind kubectl would resolve this resource name to ({@code po}, {@code pods}, {@code Pod}). */
  public static Optional<KindInfo<?>> resolve(String name) {
    for (KindInfo<?> k : ALL) {
      if (k.answersTo(name) || k.kind().equalsIgnoreCase(name)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** Whether any version of this kind exists (to word "no matches for kind" errors). */
  static boolean knownKind(String kind) {
    return ALL.stream().anyMatch(k -> k.kind().equals(kind));
  }
}
