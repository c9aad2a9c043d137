package dev.volsim.core.api;

import dev.volsim.model.KubeObject;
import dev.volsim.model.Records;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.storage.StorageClass;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code DefaultStorageClass} admission plugin: a claim created without
 * {@code storageClassName} (and without the beta class annotation) gets the default class. A
 * claim with {@code storageClassName: ""} keeps it: it asked for no class. With several default
 * classes the newest wins (then the name), as {@code GetDefaultClass} chooses since 1.26; with
 * none the field stays unset.
 */
public final class DefaultStorageClass implements AdmissionPlugin {
  /** The annotation that marks a default class. */
  public static final String IS_DEFAULT_CLASS = "storageclass.kubernetes.io/is-default-class";
  /** Its beta spelling, still honoured. */
  public static final String BETA_IS_DEFAULT_CLASS = "storageclass.beta.kubernetes.io/is-default-class";
  /** The claim annotation that named a class before {@code storageClassName} existed. */
  public static final String BETA_STORAGE_CLASS = "volume.beta.kubernetes.io/storage-class";

  @Override
  public String name() {
    return "DefaultStorageClass";
  }

  @Override
  public KubeObject admitCreate(KubeObject object, ApiServer api) {
    if (!(object instanceof PersistentVolumeClaim pvc)) {
      return object;
    }
    if (pvc.spec().storageClassName() != null || pvc.metadata().annotations().containsKey(BETA_STORAGE_CLASS)) {
      return object;
    }
    StorageClass def = defaultClass(api.list(StorageClass.class));
    if (def == null) {
      return object;
    }
    return Records.with(pvc, "spec", Records.with(pvc.spec(), "storageClassName", def.metadata().name()));
  }

  /** The default class among these, or null. */
  public static StorageClass defaultClass(List<StorageClass> classes) {
    return classes.stream()
        .filter(DefaultStorageClass::isDefault)
        .min(Comparator.comparing((StorageClass c) -> c.metadata().creationTimestamp(),
                Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(c -> c.metadata().name()))
        .orElse(null);
  }

  /** Whether the class carries the default annotation with value "true". */
  public static boolean isDefault(StorageClass c) {
    return "true".equals(c.metadata().annotations().get(IS_DEFAULT_CLASS))
        || "true".equals(c.metadata().annotations().get(BETA_IS_DEFAULT_CLASS));
  }
}
