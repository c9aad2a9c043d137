package dev.volsim.model.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.volsim.model.KubeObject;
import dev.volsim.model.Quantity;
import dev.volsim.model.Records;
import dev.volsim.model.apps.DaemonSet;
import dev.volsim.model.apps.Deployment;
import dev.volsim.model.apps.ReplicaSet;
import dev.volsim.model.apps.StatefulSet;
import dev.volsim.model.core.ConfigMap;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.PersistentVolumeClaimPhase;
import dev.volsim.model.core.PersistentVolumeClaimSpec;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodSpec;
import dev.volsim.model.core.Secret;
import dev.volsim.model.io.Codec;
import dev.volsim.model.storage.StorageClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The API server's update validation ({@code Validate*Update}): what may not change once an
 * object exists. Create validation of the new object runs as well; this adds the rules that
 * compare it with the old one, with upstream's paths and words.
 */
public final class UpdateValidation {
  private static final String BETA_STORAGE_CLASS = "volume.beta.kubernetes.io/storage-class";
  private static final String IMMUTABLE = "field is immutable";

  private UpdateValidation() {}

  /** The errors of replacing {@code oldObject} with {@code newObject} (same kind). */
  public static List<FieldError> validateUpdate(KubeObject oldObject, KubeObject newObject) {
    List<FieldError> errs = new ArrayList<>();
    if (newObject instanceof PersistentVolumeClaim n && oldObject instanceof PersistentVolumeClaim o) {
      claim(o, n, errs);
    } else if (newObject instanceof PersistentVolume n && oldObject instanceof PersistentVolume o) {
      volume(o, n, errs);
    } else if (newObject instanceof StorageClass n && oldObject instanceof StorageClass o) {
      storageClass(o, n, errs);
    } else if (newObject instanceof ConfigMap n && oldObject instanceof ConfigMap o) {
      if (Boolean.TRUE.equals(o.immutable())) {
        immutableData(n.immutable(), !n.data().equals(o.data()), !n.binaryData().equals(o.binaryData()), "binaryData", errs);
      }
    } else if (newObject instanceof Secret n && oldObject instanceof Secret o) {
      if (!Objects.equals(n.type(), o.type())) {
        errs.add(FieldError.invalid(FieldPath.of("type"), n.type(), IMMUTABLE));
      }
      if (Boolean.TRUE.equals(o.immutable())) {
        immutableData(n.immutable(), !n.data().equals(o.data()), false, null, errs);
      }
    } else if (newObject instanceof StatefulSet n && oldObject instanceof StatefulSet o) {
      statefulSet(o, n, errs);
    } else if (newObject instanceof Deployment n && oldObject instanceof Deployment o) {
      selector(o.spec().selector(), n.spec().selector(), errs);
    } else if (newObject instanceof ReplicaSet n && oldObject instanceof ReplicaSet o) {
      selector(o.spec().selector(), n.spec().selector(), errs);
    } else if (newObject instanceof DaemonSet n && oldObject instanceof DaemonSet o) {
      selector(o.spec().selector(), n.spec().selector(), errs);
    } else if (newObject instanceof Pod n && oldObject instanceof Pod o) {
      pod(o, n, errs);
    } else {
      // Other kinds have no rules beyond create validation here.
    }
    return errs;
  }

  /** {@code ValidatePersistentVolumeClaimUpdate}. */
  private static void claim(PersistentVolumeClaim o, PersistentVolumeClaim n, List<FieldError> errs) {
    PersistentVolumeClaimSpec oldSpec = o.spec();
    PersistentVolumeClaimSpec newSpec = n.spec();
    if (oldSpec.volumeName() == null || oldSpec.volumeName().isEmpty()) {
      // The PV controller writes volumeName once.
      oldSpec = Records.with(oldSpec, "volumeName", newSpec.volumeName());
    }
    String oldBeta = o.metadata().annotations().get(BETA_STORAGE_CLASS);
    String newBeta = n.metadata().annotations().get(BETA_STORAGE_CLASS);
    boolean classUpgrade = oldBeta != null && oldSpec.storageClassName() == null
        && newSpec.storageClassName() != null && newSpec.storageClassName().equals(oldBeta)
        && (newBeta == null || newBeta.equals(oldBeta));
    if (classUpgrade) {
      newSpec = Records.with(newSpec, "storageClassName", null);
    } else if (!Objects.equals(oldBeta, newBeta)) {
      errs.add(FieldError.invalid(FieldPath.of("metadata", "annotations").key(BETA_STORAGE_CLASS),
          newBeta == null ? "" : newBeta, IMMUTABLE));
    }
    boolean bound = n.status() != null && n.status().phase() == PersistentVolumeClaimPhase.BOUND;
    if (bound) {
      // Bound claims may change their storage request (expansion) and volumeAttributesClassName.
      newSpec = Records.with(newSpec, "resources", oldSpec.resources());
      newSpec = Records.with(newSpec, "volumeAttributesClassName", oldSpec.volumeAttributesClassName());
    }
    if (!newSpec.equals(oldSpec)) {
      errs.add(FieldError.forbidden(FieldPath.of("spec"),
          "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims"));
    }
    Quantity oldSize = storage(o.spec());
    Quantity newSize = storage(n.spec());
    if (oldSize != null && newSize != null && newSize.compareTo(oldSize) < 0) {
      // RecoverVolumeExpansionFailure (on by default): a request may shrink back, never to or below status.capacity.
      Quantity statusSize = o.status() == null || o.status().capacity() == null ? null : o.status().capacity().get("storage");
      if (statusSize == null || newSize.compareTo(statusSize) <= 0) {
        errs.add(FieldError.forbidden(FieldPath.of("spec", "resources", "requests", "storage"),
            "field can not be less than status.capacity"));
      }
    }
    if (!Objects.equals(n.spec().volumeMode(), o.spec().volumeMode())) {
      // Upstream's path lacks "spec." here; kept as the API server reports it.
      errs.add(FieldError.invalid(FieldPath.of("volumeMode"), wire(n.spec().volumeMode()), IMMUTABLE));
    }
  }

  private static Quantity storage(PersistentVolumeClaimSpec spec) {
    return spec.resources() == null || spec.resources().requests() == null ? null : spec.resources().requests().get("storage");
  }

  /** {@code ValidatePersistentVolumeUpdate}. */
  private static void volume(PersistentVolume o, PersistentVolume n, List<FieldError> errs) {
    if (!Objects.equals(o.spec().source(), n.spec().source())) {
      errs.add(FieldError.forbidden(FieldPath.of("spec", "persistentvolumesource"),
          "spec.persistentvolumesource is immutable after creation"));
    }
    if (!Objects.equals(n.spec().volumeMode(), o.spec().volumeMode())) {
      errs.add(FieldError.invalid(FieldPath.of("volumeMode"), wire(n.spec().volumeMode()), IMMUTABLE));
    }
    if (o.spec().nodeAffinity() != null && !Objects.equals(o.spec().nodeAffinity(), n.spec().nodeAffinity())) {
      errs.add(FieldError.invalid(FieldPath.of("spec", "nodeAffinity"), json(n.spec().nodeAffinity()), IMMUTABLE));
    }
  }

  /** {@code ValidateStorageClassUpdate}. */
  private static void storageClass(StorageClass o, StorageClass n, List<FieldError> errs) {
    if (!o.parameters().equals(n.parameters())) {
      errs.add(FieldError.forbidden(FieldPath.of("parameters"), "updates to parameters are forbidden."));
    }
    if (!Objects.equals(o.provisioner(), n.provisioner())) {
      errs.add(FieldError.forbidden(FieldPath.of("provisioner"), "updates to provisioner are forbidden."));
    }
    if (!Objects.equals(o.reclaimPolicy(), n.reclaimPolicy())) {
      errs.add(FieldError.forbidden(FieldPath.of("reclaimPolicy"), "updates to reclaimPolicy are forbidden."));
    }
    if (!Objects.equals(o.volumeBindingMode(), n.volumeBindingMode())) {
      errs.add(FieldError.invalid(FieldPath.of("volumeBindingMode"), wire(n.volumeBindingMode()), IMMUTABLE));
    }
  }

  private static void immutableData(Boolean newImmutable, boolean dataChanged, boolean binaryChanged, String binaryField,
      List<FieldError> errs) {
    String msg = "field is immutable when `immutable` is set";
    if (!Boolean.TRUE.equals(newImmutable)) {
      errs.add(FieldError.forbidden(FieldPath.of("immutable"), msg));
    }
    if (dataChanged) {
      errs.add(FieldError.forbidden(FieldPath.of("data"), msg));
    }
    if (binaryChanged) {
      errs.add(FieldError.forbidden(FieldPath.of(binaryField), msg));
    }
  }

  /** {@code ValidateStatefulSetUpdate}: only some spec fields may change. */
  private static void statefulSet(StatefulSet o, StatefulSet n, List<FieldError> errs) {
    StatefulSet.Spec a = o.spec();
    StatefulSet.Spec b = n.spec();
    StatefulSet.Spec bWithAllowedFromA = Records.with(Records.with(Records.with(Records.with(Records.with(
        Records.with(Records.with(b, "replicas", a.replicas()), "ordinals", a.ordinals()), "template", a.template()),
        "updateStrategy", a.updateStrategy()), "revisionHistoryLimit", a.revisionHistoryLimit()),
        "persistentVolumeClaimRetentionPolicy", a.persistentVolumeClaimRetentionPolicy()), "minReadySeconds", a.minReadySeconds());
    if (!bWithAllowedFromA.equals(a)) {
      errs.add(FieldError.forbidden(FieldPath.of("spec"), "updates to statefulset spec for fields other than "
          + "'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', "
          + "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"));
    }
  }

  private static void selector(Object oldSelector, Object newSelector, List<FieldError> errs) {
    if (!Objects.equals(oldSelector, newSelector)) {
      errs.add(new FieldError(ErrorType.INVALID, FieldPath.of("spec", "selector"), new Raw(json(newSelector)), IMMUTABLE));
    }
  }

  /**
   * {@code ValidatePodUpdate}: a Pod's spec may change only in container images, activeDeadlineSeconds,
   * additions to tolerations and a negative grace period raised to 1; a scheduler may set
   * {@code nodeName} once (what the binding subresource does).
   */
  private static void pod(Pod o, Pod n, List<FieldError> errs) {
    PodSpec a = o.spec();
    PodSpec b = n.spec();
    if (a == null || b == null) {
      return;
    }
    PodSpec mungedB = b;
    List<dev.volsim.model.core.Container> containers = new ArrayList<>();
    for (int i = 0; i < b.containers().size(); i++) {
      var c = b.containers().get(i);
      containers.add(i < a.containers().size() ? Records.with(c, "image", a.containers().get(i).image()) : c);
    }
    List<dev.volsim.model.core.Container> inits = new ArrayList<>();
    for (int i = 0; i < b.initContainers().size(); i++) {
      var c = b.initContainers().get(i);
      inits.add(i < a.initContainers().size() ? Records.with(c, "image", a.initContainers().get(i).image()) : c);
    }
    mungedB = Records.with(mungedB, "containers", com.google.common.collect.ImmutableList.copyOf(containers));
    mungedB = Records.with(mungedB, "initContainers", com.google.common.collect.ImmutableList.copyOf(inits));
    mungedB = Records.with(mungedB, "activeDeadlineSeconds", a.activeDeadlineSeconds());
    if (b.tolerations().containsAll(a.tolerations())) {
      mungedB = Records.with(mungedB, "tolerations", a.tolerations());
    }
    if (a.terminationGracePeriodSeconds() != null && a.terminationGracePeriodSeconds() < 0
        && Long.valueOf(1).equals(b.terminationGracePeriodSeconds())) {
      mungedB = Records.with(mungedB, "terminationGracePeriodSeconds", a.terminationGracePeriodSeconds());
    }
    if ((a.nodeName() == null || a.nodeName().isEmpty()) && b.nodeName() != null) {
      mungedB = Records.with(mungedB, "nodeName", a.nodeName());
    }
    if (!mungedB.equals(a)) {
      errs.add(FieldError.forbidden(FieldPath.of("spec"), "pod updates may not change fields other than "
          + "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,"
          + "`spec.tolerations` (only additions to existing tolerations),"
          + "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"));
    }
  }

  private static String wire(dev.volsim.model.WireEnum e) {
    return e == null ? "" : e.wire();
  }

  private static String json(Object value) {
    try {
      return new ObjectMapper().writeValueAsString(Codec.encodeValue(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain trees always serialize", e);
    }
  }

  /** A bad value printed as it is (JSON), not quoted. */
  private record Raw(String text) {
    @Override
    public String toString() {
      return text;
    }
  }
}
