package dev.volsim.core.api;

import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.Records;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeClaim;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code StorageObjectInUseProtection} admission plugin: every new claim gets the
 * {@code kubernetes.io/pvc-protection} finalizer and every new PV {@code kubernetes.io/pv-protection},
 * so neither disappears while in use; the protection controllers remove them.
 */
public final class StorageObjectInUseProtection implements AdmissionPlugin {
  public static final String PVC_PROTECTION = "kubernetes.io/pvc-protection";
  public static final String PV_PROTECTION = "kubernetes.io/pv-protection";

  @Override
  public String name() {
    return "StorageObjectInUseProtection";
  }

  @Override
  public KubeObject admitCreate(KubeObject object, ApiServer api) {
    if (object instanceof PersistentVolumeClaim) {
      return withFinalizer(object, PVC_PROTECTION);
    } else if (object instanceof PersistentVolume) {
      return withFinalizer(object, PV_PROTECTION);
    } else {
      return object;
    }
  }

  private static KubeObject withFinalizer(KubeObject o, String finalizer) {
    ObjectMeta meta = o.metadata();
    if (meta.hasFinalizer(finalizer)) {
      return o;
    }
    List<String> finalizers = new ArrayList<>(meta.finalizers());
    finalizers.add(finalizer);
    return Records.withMetadata(o, meta.toBuilder().finalizers(finalizers).build());
  }
}
