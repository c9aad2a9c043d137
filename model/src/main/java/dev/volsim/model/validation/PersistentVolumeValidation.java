package dev.volsim.model.validation;

import dev.volsim.model.ObjectMeta;
import dev.volsim.model.Quantity;
import dev.volsim.model.core.LabelSelector;
import dev.volsim.model.core.LabelSelectorRequirement;
import dev.volsim.model.core.NodeSelector;
import dev.volsim.model.core.NodeSelectorRequirement;
import dev.volsim.model.core.NodeSelectorTerm;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeAccessMode;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.PersistentVolumeClaimSpec;
import dev.volsim.model.core.PersistentVolumeReclaimPolicy;
import dev.volsim.model.core.PersistentVolumeSpec;
import dev.volsim.model.core.TypedLocalObjectReference;
import dev.volsim.model.core.TypedObjectReference;
import dev.volsim.model.volume.HostPathVolumeSource;
import dev.volsim.model.volume.PersistentVolumeClaimTemplate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Validation of PersistentVolumes and PersistentVolumeClaims ({@code ValidatePersistentVolume},
 * {@code ValidatePersistentVolumeClaim} and their spec checks), and of the selectors they use
 * (label selectors, node selectors), with the API server's field paths and messages.
 */
public final class PersistentVolumeValidation {
  private static final String NOT_POSITIVE = "must be greater than zero";
  private static final String STORAGE = "storage";

  private PersistentVolumeValidation() {}

  // ------------------------------------------------------------------ PersistentVolume

  /** {@code ValidatePersistentVolume}: metadata (cluster-scoped, DNS-1123 subdomain name) and spec. */
  public static List<FieldError> validatePersistentVolume(PersistentVolume pv) {
    List<FieldError> errs = new ArrayList<>(
        ObjectMetaValidation.validate(pv.metadata(), false, Names::dns1123Subdomain));
    validatePersistentVolumeSpec(pv.spec(), pv.metadata().name(), FieldPath.of("spec"), errs);
    return errs;
  }

  /**
   * {@code ValidatePersistentVolumeSpec} for a PersistentVolume object (not an inline spec).
   *
   * @param spec the spec
   * @param pvName the volume's name
   * @param path the spec's path, {@code spec}
   * @param errs where errors go
   */
  public static void validatePersistentVolumeSpec(
      PersistentVolumeSpec spec, String pvName, FieldPath path, List<FieldError> errs) {
    validateAccessModes(spec.accessModes(), path.child("accessModes"), "", errs);

    FieldPath capPath = path.child("capacity");
    if (spec.capacity().isEmpty()) {
      errs.add(FieldError.required(capPath, ""));
    }
    if (!spec.capacity().containsKey(STORAGE) || spec.capacity().size() > 1) {
      errs.add(FieldError.notSupported(capPath, resourceList(spec.capacity()), List.of(STORAGE)));
    }
    for (Map.Entry<String, Quantity> e : spec.capacity().entrySet()) {
      FieldPath p = capPath.key(e.getKey());
      if (e.getValue().signum() < 0) {
        errs.add(FieldError.invalid(p, e.getValue().longValueCeil(), "must be a valid resource quantity"));
      }
      if (e.getValue().signum() <= 0) {
        errs.add(FieldError.invalid(p, e.getValue().toString(), NOT_POSITIVE));
      }
    }
    // The reclaim policy is an enum: an unsupported value is reported by the decoder.

    boolean nodeAffinitySpecified = false;
    if (spec.nodeAffinity() != null) {
      nodeAffinitySpecified = true;
      FieldPath p = path.child("nodeAffinity");
      if (spec.nodeAffinity().required() != null) {
        validateNodeSelector(spec.nodeAffinity().required(), false, p.child("required"), errs);
      } else {
        errs.add(FieldError.required(p.child("required"), "must specify required node constraints"));
      }
    }

    VolumeValidation.validatePersistentVolumeSource(spec.source(), pvName, nodeAffinitySpecified, path, errs);

    if (spec.source() instanceof HostPathVolumeSource hp
        && cleanPath(VolumeValidation.nz(hp.path())).equals("/")
        && spec.persistentVolumeReclaimPolicy() == PersistentVolumeReclaimPolicy.RECYCLE) {
      errs.add(FieldError.forbidden(path.child("persistentVolumeReclaimPolicy"),
          "may not be 'recycle' for a hostPath mount of '/'"));
    }
    String className = VolumeValidation.nz(spec.storageClassName());
    if (!className.isEmpty()) {
      for (String msg : Names.dns1123Subdomain(className)) {
        errs.add(FieldError.invalid(path.child("storageClassName"), className, msg));
      }
    }
    if (spec.volumeAttributesClassName() != null) {
      String vac = spec.volumeAttributesClassName();
      if (vac.isEmpty()) {
        errs.add(FieldError.required(path.child("volumeAttributesClassName"), "an empty string is disallowed"));
      } else {
        for (String msg : Names.dns1123Subdomain(vac)) {
          errs.add(FieldError.invalid(path.child("volumeAttributesClassName"), vac, msg));
        }
      }
      if (!(spec.source() instanceof dev.volsim.model.volume.CSIPersistentVolumeSource)) {
        errs.add(FieldError.required(path.child("csi"), "has to be specified when using volumeAttributesClassName"));
      }
    }
  }

  // ------------------------------------------------------------------ PersistentVolumeClaim

  /** {@code ValidatePersistentVolumeClaim}: metadata (namespaced, DNS-1123 subdomain name) and spec. */
  public static List<FieldError> validatePersistentVolumeClaim(PersistentVolumeClaim pvc) {
    List<FieldError> errs = new ArrayList<>(
        ObjectMetaValidation.validate(pvc.metadata(), true, Names::dns1123Subdomain));
    validatePersistentVolumeClaimSpec(pvc.spec(), FieldPath.of("spec"), errs);
    return errs;
  }

  /**
   * {@code ValidatePersistentVolumeClaimSpec}, also used for ephemeral volumes' templates and
   * StatefulSet volumeClaimTemplates.
   *
   * @param spec the spec
   * @param path the spec's path ({@code spec}, {@code spec.volumes[0].ephemeral.volumeClaimTemplate.spec})
   * @param errs where errors go
   */
  public static void validatePersistentVolumeClaimSpec(
      PersistentVolumeClaimSpec spec, FieldPath path, List<FieldError> errs) {
    if (spec.accessModes().isEmpty()) {
      errs.add(FieldError.required(path.child("accessModes"), "at least 1 access mode is required"));
    }
    if (spec.selector() != null) {
      validateLabelSelector(spec.selector(), false, path.child("selector"), errs);
    }
    validateAccessModes(spec.accessModes(), path.child("accessModes"), null, errs);

    FieldPath storagePath = path.child("resources").key(STORAGE);
    Quantity storage = spec.resources().requests().get(STORAGE);
    if (storage == null) {
      errs.add(FieldError.required(storagePath, ""));
    } else if (storage.signum() <= 0) {
      errs.add(FieldError.invalid(storagePath, storage.toString(), NOT_POSITIVE));
    }

    String className = spec.storageClassName();
    if (className != null && !className.isEmpty()) {
      for (String msg : Names.dns1123Subdomain(className)) {
        errs.add(FieldError.invalid(path.child("storageClassName"), className, msg));
      }
    }
    if (spec.dataSource() != null) {
      TypedLocalObjectReference ds = spec.dataSource();
      validateDataSource(ds.apiGroup(), ds.kind(), ds.name(), path.child("dataSource"), errs);
    }
    TypedObjectReference ref = spec.dataSourceRef();
    if (ref != null) {
      FieldPath p = path.child("dataSourceRef");
      validateDataSource(ref.apiGroup(), ref.kind(), ref.name(), p, errs);
      if (ref.namespace() != null && !ref.namespace().isEmpty()) {
        for (String msg : Names.dns1123Label(ref.namespace())) {
          errs.add(FieldError.invalid(p.child("namespace"), ref.namespace(), msg));
        }
      }
    }
    if (ref != null && ref.namespace() != null && !ref.namespace().isEmpty()) {
      if (spec.dataSource() != null) {
        errs.add(FieldError.invalid(path, VolumeValidation.GoValue.of(path.child("dataSource").toString()),
            "may not be specified when dataSourceRef.namespace is specified"));
      }
    } else if (spec.dataSource() != null && ref != null) {
      TypedLocalObjectReference ds = spec.dataSource();
      if (!Objects.equals(ds.apiGroup(), ref.apiGroup()) || !Objects.equals(VolumeValidation.nz(ds.kind()),
          VolumeValidation.nz(ref.kind())) || !Objects.equals(VolumeValidation.nz(ds.name()), VolumeValidation.nz(ref.name()))) {
        errs.add(FieldError.invalid(path, VolumeValidation.GoValue.of(path.child("dataSource").toString()),
            "must match dataSourceRef"));
      }
    }
    String vac = spec.volumeAttributesClassName();
    if (vac != null && !vac.isEmpty()) {
      for (String msg : Names.dns1123Subdomain(vac)) {
        errs.add(FieldError.invalid(path.child("volumeAttributesClassName"), vac, msg));
      }
    }
  }

  /**
   * {@code ValidatePersistentVolumeClaimTemplate}: only labels and annotations may be set in the
   * template's metadata; the spec is a claim spec.
   */
  public static void validatePersistentVolumeClaimTemplate(
      PersistentVolumeClaimTemplate template, FieldPath path, List<FieldError> errs) {
    validateTemplateObjectMeta(template.metadata(), path.child("metadata"), errs);
    validatePersistentVolumeClaimSpec(template.spec(), path.child("spec"), errs);
  }

  /** {@code ValidateTemplateObjectMeta}: labels and annotations valid, no other field set. */
  public static void validateTemplateObjectMeta(ObjectMeta meta, FieldPath path, List<FieldError> errs) {
    validateAnnotations(meta.annotations(), path.child("annotations"), errs);
    ObjectMetaValidation.validateLabels(meta.labels(), path.child("labels"), errs);
    String cannot = "cannot be set";
    if (notEmpty(meta.name())) {
      errs.add(FieldError.forbidden(path.child("name"), cannot));
    }
    if (notEmpty(meta.generateName())) {
      errs.add(FieldError.forbidden(path.child("generateName"), cannot));
    }
    if (notEmpty(meta.namespace())) {
      errs.add(FieldError.forbidden(path.child("namespace"), cannot));
    }
    if (notEmpty(meta.uid())) {
      errs.add(FieldError.forbidden(path.child("uid"), cannot));
    }
    if (notEmpty(meta.resourceVersion())) {
      errs.add(FieldError.forbidden(path.child("resourceVersion"), cannot));
    }
    if (meta.generation() != null && meta.generation() != 0) {
      errs.add(FieldError.forbidden(path.child("generation"), cannot));
    }
    if (meta.creationTimestamp() != null) {
      errs.add(FieldError.forbidden(path.child("creationTimestamp"), cannot));
    }
    if (meta.deletionTimestamp() != null) {
      errs.add(FieldError.forbidden(path.child("deletionTimestamp"), cannot));
    }
    if (meta.deletionGracePeriodSeconds() != null) {
      errs.add(FieldError.forbidden(path.child("deletionGracePeriodSeconds"), cannot));
    }
    if (!meta.ownerReferences().isEmpty()) {
      errs.add(FieldError.forbidden(path.child("ownerReferences"), cannot));
    }
    if (!meta.finalizers().isEmpty()) {
      errs.add(FieldError.forbidden(path.child("finalizers"), cannot));
    }
  }

  // ------------------------------------------------------------------ selectors

  /**
   * {@code ValidateLabelSelector} (apimachinery): matchLabels are valid labels; each requirement
   * has a qualified key and values fitting its operator.
   *
   * @param selector the selector; null is valid
   * @param allowInvalidLabelValue skip the label-value check of requirement values
   */
  public static void validateLabelSelector(
      LabelSelector selector, boolean allowInvalidLabelValue, FieldPath path, List<FieldError> errs) {
    if (selector == null) {
      return;
    }
    ObjectMetaValidation.validateLabels(selector.matchLabels(), path.child("matchLabels"), errs);
    for (int i = 0; i < selector.matchExpressions().size(); i++) {
      LabelSelectorRequirement r = selector.matchExpressions().get(i);
      FieldPath p = path.child("matchExpressions").index(i);
      if (r.operator() == null) {
        errs.add(FieldError.invalid(p.child("operator"), "", "not a valid selector operator"));
      } else {
        switch (r.operator()) {
          case IN, NOT_IN -> {
            if (r.values().isEmpty()) {
              errs.add(FieldError.required(p.child("values"), "must be specified when `operator` is 'In' or 'NotIn'"));
            }
          }
          case EXISTS, DOES_NOT_EXIST -> {
            if (!r.values().isEmpty()) {
              errs.add(FieldError.forbidden(p.child("values"),
                  "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
            }
          }
        }
      }
      labelName(r.key(), p.child("key"), errs);
      if (!allowInvalidLabelValue) {
        labelValues(r.values(), p.child("values"), errs);
      }
    }
  }

  /**
   * {@code ValidateNodeSelector}: at least one term; each term's label requirements and field
   * requirements ({@code metadata.name} with In/NotIn and one value).
   *
   * @param allowInvalidLabelValue skip the label-value check of requirement values (upstream
   *     checks them for PV node affinity, not for Pod node affinity)
   */
  public static void validateNodeSelector(
      NodeSelector selector, boolean allowInvalidLabelValue, FieldPath path, List<FieldError> errs) {
    FieldPath termsPath = path.child("nodeSelectorTerms");
    if (selector.nodeSelectorTerms().isEmpty()) {
      errs.add(FieldError.required(termsPath, "must have at least one node selector term"));
      return;
    }
    for (int i = 0; i < selector.nodeSelectorTerms().size(); i++) {
      validateNodeSelectorTerm(selector.nodeSelectorTerms().get(i), allowInvalidLabelValue, termsPath.index(i), errs);
    }
  }

  /** {@code ValidateNodeSelectorTerm}. */
  public static void validateNodeSelectorTerm(
      NodeSelectorTerm term, boolean allowInvalidLabelValue, FieldPath path, List<FieldError> errs) {
    for (int j = 0; j < term.matchExpressions().size(); j++) {
      validateNodeSelectorRequirement(term.matchExpressions().get(j), allowInvalidLabelValue,
          path.child("matchExpressions").index(j), errs);
    }
    for (int j = 0; j < term.matchFields().size(); j++) {
      validateNodeFieldSelectorRequirement(term.matchFields().get(j), path.child("matchFields").index(j), errs);
    }
  }

  /** {@code ValidateNodeSelectorRequirement}. */
  public static void validateNodeSelectorRequirement(
      NodeSelectorRequirement r, boolean allowInvalidLabelValue, FieldPath p, List<FieldError> errs) {
    if (r.operator() == null) {
      errs.add(FieldError.invalid(p.child("operator"), "", "not a valid selector operator"));
    } else {
      switch (r.operator()) {
        case IN, NOT_IN -> {
          if (r.values().isEmpty()) {
            errs.add(FieldError.required(p.child("values"), "must be specified when `operator` is 'In' or 'NotIn'"));
          }
        }
        case EXISTS, DOES_NOT_EXIST -> {
          if (!r.values().isEmpty()) {
            errs.add(FieldError.forbidden(p.child("values"),
                "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
          }
        }
        case GT, LT -> {
          if (r.values().size() != 1) {
            errs.add(FieldError.required(p.child("values"),
                "must be specified single value when `operator` is 'Lt' or 'Gt'"));
          }
        }
      }
    }
    labelName(r.key(), p.child("key"), errs);
    if (!allowInvalidLabelValue) {
      labelValues(r.values(), p.child("values"), errs);
    }
  }

  /** {@code ValidateNodeFieldSelectorRequirement}: only {@code metadata.name}, In/NotIn, one value. */
  public static void validateNodeFieldSelectorRequirement(NodeSelectorRequirement r, FieldPath p, List<FieldError> errs) {
    if (r.operator() == dev.volsim.model.core.NodeSelectorOperator.IN
        || r.operator() == dev.volsim.model.core.NodeSelectorOperator.NOT_IN) {
      if (r.values().size() != 1) {
        errs.add(FieldError.required(p.child("values"),
            "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
      }
    } else {
      errs.add(FieldError.invalid(p.child("operator"), r.operator() == null ? "" : r.operator().wire(),
          "not a valid selector operator"));
    }
    if (!"metadata.name".equals(r.key())) {
      errs.add(FieldError.invalid(p.child("key"), VolumeValidation.nz(r.key()), "not a valid field selector key"));
    } else {
      for (int i = 0; i < r.values().size(); i++) {
        for (String msg : Names.dns1123Subdomain(r.values().get(i))) {
          errs.add(FieldError.invalid(p.child("values").index(i), r.values().get(i), msg));
        }
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  /**
   * Access modes: ReadWriteOncePod excludes the others. (Unsupported values are reported by the
   * decoder.) For a PV an empty list is Required with no detail; for a claim the caller reports it.
   */
  private static void validateAccessModes(
      List<PersistentVolumeAccessMode> modes, FieldPath p, String emptyDetail, List<FieldError> errs) {
    if (emptyDetail != null && modes.isEmpty()) {
      errs.add(FieldError.required(p, emptyDetail));
    }
    boolean rwop = false;
    boolean other = false;
    for (PersistentVolumeAccessMode m : modes) {
      if (m == PersistentVolumeAccessMode.READ_WRITE_ONCE_POD) {
        rwop = true;
      } else {
        other = true;
      }
    }
    if (rwop && other) {
      errs.add(FieldError.forbidden(p, "may not use ReadWriteOncePod with other access modes"));
    }
  }

  private static void validateDataSource(String apiGroup, String kind, String name, FieldPath p, List<FieldError> errs) {
    if (name == null || name.isEmpty()) {
      errs.add(FieldError.required(p.child("name"), ""));
    }
    if (kind == null || kind.isEmpty()) {
      errs.add(FieldError.required(p.child("kind"), ""));
    }
    String group = apiGroup == null ? "" : apiGroup;
    if (group.isEmpty() && !"PersistentVolumeClaim".equals(kind)) {
      errs.add(FieldError.invalid(p, VolumeValidation.nz(kind),
          "must be 'PersistentVolumeClaim' when referencing the default apiGroup"));
    }
    if (!group.isEmpty()) {
      for (String msg : Names.dns1123Subdomain(group)) {
        errs.add(FieldError.invalid(p.child("apiGroup"), group, msg));
      }
    }
  }

  private static void labelName(String key, FieldPath p, List<FieldError> errs) {
    String k = VolumeValidation.nz(key);
    for (String msg : Names.qualifiedName(k)) {
      errs.add(FieldError.invalid(p, k, msg));
    }
  }

  private static void labelValues(List<String> values, FieldPath p, List<FieldError> errs) {
    for (int i = 0; i < values.size(); i++) {
      for (String msg : Names.labelValue(values.get(i))) {
        errs.add(FieldError.invalid(p.index(i), values.get(i), msg));
      }
    }
  }

  private static void validateAnnotations(Map<String, String> annotations, FieldPath path, List<FieldError> errs) {
    long total = 0;
    for (Map.Entry<String, String> e : annotations.entrySet()) {
      for (String msg : Names.qualifiedName(e.getKey().toLowerCase(Locale.ROOT))) {
        errs.add(FieldError.invalid(path, e.getKey(), msg));
      }
      total += e.getKey().getBytes(StandardCharsets.UTF_8).length
          + e.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    if (total > ObjectMetaValidation.TOTAL_ANNOTATION_SIZE_LIMIT) {
      errs.add(FieldError.tooLong(path, ObjectMetaValidation.TOTAL_ANNOTATION_SIZE_LIMIT));
    }
  }

  private static boolean notEmpty(String s) {
    return s != null && !s.isEmpty();
  }

  /**
   * A capacity map as Go's {@code %#v} would start to print it; quantities are shown by their
   * canonical string (upstream prints the Quantity struct's internals).
   */
  private static Object resourceList(Map<String, Quantity> capacity) {
    if (capacity.isEmpty()) {
      return VolumeValidation.GoValue.of("core.ResourceList(nil)");
    }
    StringBuilder sb = new StringBuilder("core.ResourceList{");
    boolean first = true;
    for (Map.Entry<String, Quantity> e : capacity.entrySet()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      sb.append(FieldError.quote(e.getKey())).append(':').append(FieldError.quote(e.getValue().toString()));
    }
    return VolumeValidation.GoValue.of(sb.append('}').toString());
  }

  /** Go's {@code path.Clean}. */
  static String cleanPath(String p) {
    if (p.isEmpty()) {
      return ".";
    }
    boolean rooted = p.startsWith("/");
    Deque<String> out = new ArrayDeque<>();
    for (String part : p.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!out.isEmpty() && !out.peekLast().equals("..")) {
          out.removeLast();
        } else if (!rooted) {
          out.addLast("..");
        }
      } else {
        out.addLast(part);
      }
    }
    String joined = String.join("/", out);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }
}
