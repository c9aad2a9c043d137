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
      , new KindInfo<>("v1", "Pod", dev.volsim.model.core.Pod.class, "pods", ImmutableList.of("po"), true, dev.volsim.model.validation.PodValidation::validatePod)
      , new KindInfo<>("v1", "Node", dev.volsim.model.core.Node.class, "nodes", ImmutableList.of("no"), false, dev.volsim.model.validation.NodeValidation::validateNode)
      , new KindInfo<>("v1", "Secret", dev.volsim.model.core.Secret.class, "secrets", ImmutableList.of(), true, dev.volsim.model.validation.SecretValidation::validateSecret)
      , new KindInfo<>("v1", "Service", dev.volsim.model.core.Service.class, "services", ImmutableList.of("svc"), true, dev.volsim.model.validation.NodeValidation::validateService)
      , new KindInfo<>("v1", "Endpoints", dev.volsim.model.core.Endpoints.class, "endpoints", ImmutableList.of("ep"), true, dev.volsim.model.validation.NodeValidation::validateEndpoints)
      , new KindInfo<>("v1", "Event", dev.volsim.model.core.Event.class, "events", ImmutableList.of("ev"), true, dev.volsim.model.validation.NodeValidation::validateEvent)
      , new KindInfo<>("v1", "PersistentVolume", dev.volsim.model.core.PersistentVolume.class, "persistentvolumes", ImmutableList.of("pv"), false, dev.volsim.model.validation.PersistentVolumeValidation::validatePersistentVolume)
      , new KindInfo<>("v1", "PersistentVolumeClaim", dev.volsim.model.core.PersistentVolumeClaim.class, "persistentvolumeclaims", ImmutableList.of("pvc"), true, dev.volsim.model.validation.PersistentVolumeValidation::validatePersistentVolumeClaim)
      // storage.k8s.io/v1
      , new KindInfo<>("storage.k8s.io/v1", "StorageClass", dev.volsim.model.storage.StorageClass.class, "storageclasses", ImmutableList.of("sc"), false, dev.volsim.model.validation.StorageClassValidation::validateStorageClass)
      , new KindInfo<>("storage.k8s.io/v1", "CSIDriver", dev.volsim.model.storage.CSIDriver.class, "csidrivers", ImmutableList.of(), false, dev.volsim.model.validation.StorageValidation::validateCSIDriver)
      , new KindInfo<>("storage.k8s.io/v1", "CSINode", dev.volsim.model.storage.CSINode.class, "csinodes", ImmutableList.of(), false, dev.volsim.model.validation.StorageValidation::validateCSINode)
      , new KindInfo<>("storage.k8s.io/v1", "CSIStorageCapacity", dev.volsim.model.storage.CSIStorageCapacity.class, "csistoragecapacities", ImmutableList.of(), true, dev.volsim.model.validation.StorageValidation::validateCSIStorageCapacity)
      , new KindInfo<>("storage.k8s.io/v1", "VolumeAttachment", dev.volsim.model.storage.VolumeAttachment.class, "volumeattachments", ImmutableList.of(), false, dev.volsim.model.validation.StorageValidation::validateVolumeAttachment)
      // coordination.k8s.io/v1
      , new KindInfo<>("coordination.k8s.io/v1", "Lease", dev.volsim.model.coordination.Lease.class, "leases", ImmutableList.of(), true, l -> new java.util.ArrayList<>(dev.volsim.model.validation.ObjectMetaValidation.validate(l.metadata(), true, dev.volsim.model.validation.Names::dns1123Subdomain)))
      // apps/v1
      , new KindInfo<>("apps/v1", "StatefulSet", dev.volsim.model.apps.StatefulSet.class, "statefulsets", ImmutableList.of("sts"), true, dev.volsim.model.validation.AppsValidation::validateStatefulSet)
      , new KindInfo<>("apps/v1", "Deployment", dev.volsim.model.apps.Deployment.class, "deployments", ImmutableList.of("deploy"), true, dev.volsim.model.validation.AppsValidation::validateDeployment)
      , new KindInfo<>("apps/v1", "ReplicaSet", dev.volsim.model.apps.ReplicaSet.class, "replicasets", ImmutableList.of("rs"), true, dev.volsim.model.validation.AppsValidation::validateReplicaSet)
      , new KindInfo<>("apps/v1", "DaemonSet", dev.volsim.model.apps.DaemonSet.class, "daemonsets", ImmutableList.of("ds"), true, dev.volsim.model.validation.AppsValidation::validateDaemonSet)
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
