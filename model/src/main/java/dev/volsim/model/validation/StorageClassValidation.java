package dev.volsim.model.validation;

import dev.volsim.model.core.PersistentVolumeReclaimPolicy;
import dev.volsim.model.storage.StorageClass;
import dev.volsim.model.storage.TopologySelectorLabelRequirement;
import dev.volsim.model.storage.TopologySelectorTerm;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code ValidateStorageClass} (pkg/apis/storage/validation). */
public final class StorageClassValidation {
  private static final int MAX_PARAMETERS = 512;
  private static final int MAX_PARAMETERS_SIZE = 256 * 1024;

  private StorageClassValidation() {}

  /**
   * The metadata (cluster-scoped, DNS-1123 subdomain name), the provisioner (required, a
   * qualified name), the parameters (at most 512, 256 KiB in all, no empty key), the reclaim
   * policy (Delete or Retain), the binding mode and the allowed topologies.
   */
  public static List<FieldError> validateStorageClass(StorageClass sc) {
    List<FieldError> errs = new ArrayList<>(
        ObjectMetaValidation.validate(sc.metadata(), false, Names::dns1123Subdomain));
    validateProvisioner(sc.provisioner(), FieldPath.of("provisioner"), errs);
    validateParameters(sc.parameters(), FieldPath.of("parameters"), errs);
    if (sc.reclaimPolicy() == PersistentVolumeReclaimPolicy.RECYCLE) {
      errs.add(FieldError.notSupported(FieldPath.of("reclaimPolicy"), sc.reclaimPolicy().wire(),
          List.of("Delete", "Retain")));
    }
    if (sc.volumeBindingMode() == null) {
      errs.add(FieldError.required(FieldPath.of("volumeBindingMode"), ""));
    }
    validateAllowedTopologies(sc.allowedTopologies(), FieldPath.of("allowedTopologies"), errs);
    return errs;
  }

  private static void validateProvisioner(String provisioner, FieldPath p, List<FieldError> errs) {
    String v = provisioner == null ? "" : provisioner;
    if (v.isEmpty()) {
      errs.add(FieldError.required(p, ""));
      return;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    for (String msg : Names.qualifiedName(lower)) {
      errs.add(FieldError.invalid(p, lower, msg));
    }
  }

  private static void validateParameters(Map<String, String> params, FieldPath p, List<FieldError> errs) {
    if (params.size() > MAX_PARAMETERS) {
      errs.add(FieldError.tooLong(p, MAX_PARAMETERS));
      return;
    }
    long total = 0;
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (e.getKey().isEmpty()) {
        errs.add(FieldError.invalid(p, e.getKey(), "field can not be empty."));
      }
      total += e.getKey().getBytes(StandardCharsets.UTF_8).length
          + e.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    if (total > MAX_PARAMETERS_SIZE) {
      errs.add(FieldError.tooLong(p, MAX_PARAMETERS_SIZE));
    }
  }

  /**
   * {@code validateAllowedTopologies}: each term's requirements have a qualified key, at least one
   * value, no duplicate value or key; no two terms are the same.
   */
  public static void validateAllowedTopologies(List<TopologySelectorTerm> terms, FieldPath p, List<FieldError> errs) {
    List<Map<String, Set<String>>> seen = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      FieldPath idx = p.index(i);
      Map<String, Set<String>> exprs = validateTopologySelectorTerm(terms.get(i), idx, errs);
      for (Map<String, Set<String>> other : seen) {
        if (other.equals(exprs)) {
          errs.add(FieldError.duplicate(idx.child("matchLabelExpressions"), ""));
        }
      }
      seen.add(exprs);
    }
  }

  /** {@code ValidateTopologySelectorTerm}: returns the term's values by key. */
  public static Map<String, Set<String>> validateTopologySelectorTerm(
      TopologySelectorTerm term, FieldPath p, List<FieldError> errs) {
    Map<String, Set<String>> exprs = new HashMap<>();
    FieldPath exprPath = p.child("matchLabelExpressions");
    for (int i = 0; i < term.matchLabelExpressions().size(); i++) {
      TopologySelectorLabelRequirement r = term.matchLabelExpressions().get(i);
      FieldPath idx = exprPath.index(i);
      Set<String> values = new HashSet<>();
      FieldPath valuesPath = idx.child("values");
      if (r.values().isEmpty()) {
        errs.add(FieldError.required(valuesPath, ""));
      }
      for (int j = 0; j < r.values().size(); j++) {
        if (!values.add(r.values().get(j))) {
          errs.add(FieldError.duplicate(valuesPath.index(j), r.values().get(j)));
        }
      }
      String key = r.key() == null ? "" : r.key();
      for (String msg : Names.qualifiedName(key)) {
        errs.add(FieldError.invalid(idx.child("key"), key, msg));
      }
      if (exprs.containsKey(key)) {
        errs.add(FieldError.duplicate(idx.child("key"), key));
      }
      exprs.put(key, values);
    }
    return exprs;
  }
}
