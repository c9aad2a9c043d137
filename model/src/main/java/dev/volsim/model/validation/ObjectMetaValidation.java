package dev.volsim.model.validation;

import dev.volsim.model.ObjectMeta;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code ValidateObjectMeta}: name or generateName, the name's form, namespace, labels,
 * annotations, finalizers.
 */
public final class ObjectMetaValidation {
  /** Total size of all annotations ({@code TotalAnnotationSizeLimitB}). */
  public static final int TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

  private ObjectMetaValidation() {}

  /**
   * Validates metadata.
   *
   * @param namespaced whether the kind lives in a namespace (cluster-scoped objects must not name one)
   * @param nameCheck the kind's name rule, usually {@link Names#dns1123Subdomain}
   */
  public static List<FieldError> validate(
      ObjectMeta meta, boolean namespaced, Function<String, List<String>> nameCheck) {
    List<FieldError> errs = new ArrayList<>();
    FieldPath path = FieldPath.of("metadata");
    if (meta == null) {
      errs.add(FieldError.required(path.child("name"), "name or generateName is required"));
      return errs;
    }
    if (meta.generateName() != null && !meta.generateName().isEmpty()) {
      // generateName is a prefix: it is checked with its random suffix's room left (MaskTrailingDash).
      String prefix = meta.generateName().endsWith("-") && meta.generateName().length() > 1
          ? meta.generateName().substring(0, meta.generateName().length() - 1) : meta.generateName();
      for (String msg : nameCheck.apply(prefix)) {
        errs.add(FieldError.invalid(path.child("generateName"), meta.generateName(), msg));
      }
    }
    if (meta.name() == null || meta.name().isEmpty()) {
      if (meta.generateName() == null || meta.generateName().isEmpty()) {
        errs.add(FieldError.required(path.child("name"), "name or generateName is required"));
      }
    } else {
      for (String msg : nameCheck.apply(meta.name())) {
        errs.add(FieldError.invalid(path.child("name"), meta.name(), msg));
      }
    }
    if (namespaced) {
      if (meta.namespace() != null && !meta.namespace().isEmpty()) {
        for (String msg : Names.dns1123Label(meta.namespace())) {
          errs.add(FieldError.invalid(path.child("namespace"), meta.namespace(), msg));
        }
      }
    } else if (meta.namespace() != null && !meta.namespace().isEmpty()) {
      errs.add(FieldError.forbidden(path.child("namespace"), "not allowed on this type"));
    }
    validateLabels(meta.labels(), path.child("labels"), errs);
    validateAnnotations(meta.annotations(), path.child("annotations"), errs);
    for (int i = 0; i < meta.finalizers().size(); i++) {
      String f = meta.finalizers().get(i);
      for (String msg : Names.qualifiedName(f)) {
        errs.add(FieldError.invalid(path.child("finalizers"), f, msg));
      }
    }
    for (int i = 0; i < meta.ownerReferences().size(); i++) {
      var ref = meta.ownerReferences().get(i);
      FieldPath p = path.child("ownerReferences").index(i);
      if (ref.apiVersion() == null || ref.apiVersion().isEmpty()) {
        errs.add(FieldError.invalid(p.child("apiVersion"), ref.apiVersion() == null ? "" : ref.apiVersion(),
            "version must not be empty"));
      }
      if (ref.kind() == null || ref.kind().isEmpty()) {
        errs.add(FieldError.invalid(p.child("kind"), "", "kind must not be empty"));
      }
      if (ref.name() == null || ref.name().isEmpty()) {
        errs.add(FieldError.invalid(p.child("name"), "", "name must not be empty"));
      }
      if (ref.uid() == null || ref.uid().isEmpty()) {
        errs.add(FieldError.invalid(p.child("uid"), "", "uid must not be empty"));
      }
    }
    return errs;
  }

  /** {@code ValidateLabels}: keys are qualified names, values label values. */
  public static void validateLabels(Map<String, String> labels, FieldPath path, List<FieldError> errs) {
    for (Map.Entry<String, String> e : labels.entrySet()) {
      for (String msg : Names.qualifiedName(e.getKey())) {
        errs.add(FieldError.invalid(path, e.getKey(), msg));
      }
      for (String msg : Names.labelValue(e.getValue())) {
        errs.add(FieldError.invalid(path, e.getValue(), msg));
      }
    }
  }

  private static void validateAnnotations(Map<String, String> annotations, FieldPath path, List<FieldError> errs) {
    long total = 0;
    for (Map.Entry<String, String> e : annotations.entrySet()) {
      for (String msg : Names.qualifiedName(e.getKey().toLowerCase(java.util.Locale.ROOT))) {
        errs.add(FieldError.invalid(path, e.getKey(), msg));
      }
      total += e.getKey().getBytes(StandardCharsets.UTF_8).length
          + e.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    if (total > TOTAL_ANNOTATION_SIZE_LIMIT) {
      errs.add(FieldError.tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
    }
  }
}
