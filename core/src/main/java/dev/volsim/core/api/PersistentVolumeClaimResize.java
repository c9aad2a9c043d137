package dev.volsim.core.api;

import dev.volsim.model.KubeObject;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.PersistentVolumeClaimPhase;
import dev.volsim.model.Quantity;
import dev.volsim.model.storage.StorageClass;
import java.util.Optional;

/**
 * The {@code PersistentVolumeClaimResize} validating admission plugin (on by default): a claim's
 * storage request may grow only when the claim is Bound and its StorageClass, the same before and
 * after, says {@code allowVolumeExpansion: true}. Upstream:
 * plugin/pkg/admission/storage/persistentvolume/resize/admission.go.
 */
final class PersistentVolumeClaimResize {
  private PersistentVolumeClaimResize() {}

  /** Refuses a growing update the plugin forbids; runs after validation, as validating admission does. */
  static void validateUpdate(KubeObject old, KubeObject updated, ApiServer api) {
    if (!(old instanceof PersistentVolumeClaim o) || !(updated instanceof PersistentVolumeClaim n)) {
      return;
    }
    Quantity oldSize = storage(o);
    Quantity newSize = storage(n);
    if (oldSize == null || newSize == null || newSize.compareTo(oldSize) <= 0) {
      return;
    }
    String prefix = "persistentvolumeclaims \"" + n.metadata().name() + "\" is forbidden: ";
    if (o.status() == null || o.status().phase() != PersistentVolumeClaimPhase.BOUND) {
      throw ApiException.forbidden(prefix + "Only bound persistent volume claims can be expanded");
    }
    if (!allowResize(o, n, api)) {
      throw ApiException.forbidden(prefix + "only dynamically provisioned pvc can be resized and "
          + "the storageclass that provisions the pvc must support resize");
    }
  }

  private static boolean allowResize(PersistentVolumeClaim o, PersistentVolumeClaim n, ApiServer api) {
    String cls = claimClass(n);
    String oldCls = claimClass(o);
    if (cls.isEmpty() || oldCls.isEmpty() || !cls.equals(oldCls)) {
      return false;
    }
    Optional<StorageClass> sc = api.get(StorageClass.class, "", cls);
    return sc.map(s -> Boolean.TRUE.equals(s.allowVolumeExpansion())).orElse(false);
  }

  /** {@code GetPersistentVolumeClaimClass}: the beta annotation first, then spec.storageClassName. */
  private static String claimClass(PersistentVolumeClaim c) {
    String beta = c.metadata().annotations().get("volume.beta.kubernetes.io/storage-class");
    if (beta != null) {
      return beta;
    }
    return c.spec().storageClassName() == null ? "" : c.spec().storageClassName();
  }

  private static Quantity storage(PersistentVolumeClaim c) {
    return c.spec().resources() == null || c.spec().resources().requests() == null ? null
        : c.spec().resources().requests().get("storage");
  }
}
