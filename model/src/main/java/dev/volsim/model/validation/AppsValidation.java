package dev.volsim.model.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.volsim.model.IntOrString;
import dev.volsim.model.apps.DaemonSet;
import dev.volsim.model.apps.Deployment;
import dev.volsim.model.apps.ReplicaSet;
import dev.volsim.model.apps.StatefulSet;
import dev.volsim.model.core.LabelSelector;
import dev.volsim.model.core.LabelSelectorRequirement;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.PodSpec;
import dev.volsim.model.core.PodTemplateSpec;
import dev.volsim.model.core.RestartPolicy;
import dev.volsim.model.io.Codec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validation of the apps/v1 workloads (StatefulSet, Deployment, ReplicaSet, DaemonSet), as
 * {@code pkg/apis/apps/validation}, and the label-selector checks they share with other kinds
 * ({@code metav1validation.ValidateLabelSelector}).
 */
public final class AppsValidation {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String IS_NEGATIVE = "must be greater than or equal to 0";
  private static final String SELECTOR_MISMATCH = "`selector` does not match template `labels`";
  private static final String PERCENT_FMT = "[0-9]+%";
  private static final Pattern PERCENT = Pattern.compile(PERCENT_FMT);
  private static final List<String> ALWAYS = List.of(RestartPolicy.ALWAYS.wire());

  private AppsValidation() {}

  // ------------------------------------------------------------------ StatefulSet

  /** {@code ValidateStatefulSet}: a DNS-label name (Pod names append {@code -<ordinal>}) and the spec. */
  public static List<FieldError> validateStatefulSet(StatefulSet set) {
    List<FieldError> errs = new ArrayList<>(
        ObjectMetaValidation.validate(set.metadata(), true, Names::dns1123Label));
    validateStatefulSetSpec(set.spec(), FieldPath.of("spec"), errs);
    return errs;
  }

  /**
   * {@code ValidateStatefulSetSpec}. Like upstream, the pod template is checked only for its labels
   * and annotations and the restart policy (the full Pod spec check is left to Pod creation), and
   * the volumeClaimTemplates are not checked (see {@link #validateVolumeClaimTemplates}).
   */
  public static void validateStatefulSetSpec(StatefulSet.Spec spec, FieldPath path, List<FieldError> errs) {
    if (spec.podManagementPolicy() == null) {
      errs.add(FieldError.required(path.child("podManagementPolicy"), ""));
    }
    StatefulSet.UpdateStrategy strategy = spec.updateStrategy();
    if (strategy.type() == null) {
      errs.add(FieldError.required(path.child("updateStrategy"), ""));
    } else if (strategy.type() == StatefulSet.UpdateStrategyType.ON_DELETE) {
      if (strategy.rollingUpdate() != null) {
        // The value printed is the internal struct, whose fields have no JSON names.
        StatefulSet.RollingUpdate ru = strategy.rollingUpdate();
        IntOrString mu = ru.maxUnavailable();
        String shown = "{\"Partition\":" + (ru.partition() == null ? 0 : ru.partition())
            + ",\"MaxUnavailable\":" + (mu == null ? "null" : mu.isInt() ? mu.intValue().toString()
                : FieldError.quote(mu.stringValue())) + "}";
        errs.add(FieldError.invalid(path.child("updateStrategy").child("rollingUpdate"),
            new RawJson(shown), "only allowed for updateStrategy 'RollingUpdate'"));
      }
    } else if (strategy.rollingUpdate() != null) {
      validateRollingUpdateStatefulSet(strategy.rollingUpdate(),
          path.child("updateStrategy").child("rollingUpdate"), errs);
    }
    nonNegative(spec.replicas(), path.child("replicas"), errs);
    nonNegative(spec.minReadySeconds(), path.child("minReadySeconds"), errs);
    if (spec.ordinals() != null) {
      nonNegative(spec.ordinals().start(), path.child("ordinals").child("start"), errs);
    }
    validateWorkloadSelector(spec.selector(), "statefulset", path.child("selector"), errs);
    PodTemplateSpec template = spec.template();
    if (!isConvertible(spec.selector())) {
      errs.add(FieldError.invalid(path.child("selector"), jsonValue(spec.selector()), ""));
    } else {
      FieldPath tp = path.child("template");
      checkSelectorMatchesTemplate(spec.selector(), template, tp, errs);
      ObjectMetaValidation.validateLabels(template.metadata().labels(), tp.child("labels"), errs);
      validateAnnotations(template.metadata().annotations(), tp.child("annotations"), errs);
    }
    checkTemplateRestartAndDeadline(template.spec(), "StatefulSet", path.child("template").child("spec"), errs);
  }

  /**
   * The volumeClaimTemplates checked as claims' specs would be when the controller creates them.
   * {@link #validateStatefulSetSpec} does not call this: the API server accepts a StatefulSet
   * whose claim templates are invalid, and its Pods' claims are then refused one by one.
   */
  public static void validateVolumeClaimTemplates(StatefulSet.Spec spec, FieldPath path, List<FieldError> errs) {
    for (int i = 0; i < spec.volumeClaimTemplates().size(); i++) {
      PersistentVolumeClaim claim = spec.volumeClaimTemplates().get(i);
      FieldPath p = path.index(i);
      String name = claim.metadata().name();
      if (name == null || name.isEmpty()) {
        errs.add(FieldError.required(p.child("metadata").child("name"), "name or generateName is required"));
      } else {
        for (String msg : Names.dns1123Subdomain(name)) {
          errs.add(FieldError.invalid(p.child("metadata").child("name"), name, msg));
        }
      }
      PersistentVolumeValidation.validatePersistentVolumeClaimSpec(claim.spec(), p.child("spec"), errs);
    }
  }

  /** {@code validateRollingUpdateStatefulSet}. */
  public static void validateRollingUpdateStatefulSet(
      StatefulSet.RollingUpdate ru, FieldPath path, List<FieldError> errs) {
    nonNegative(ru.partition() == null ? 0 : ru.partition(), path.child("partition"), errs);
    IntOrString maxUnavailable = ru.maxUnavailable();
    if (maxUnavailable != null) {
      FieldPath p = path.child("maxUnavailable");
      validatePositiveIntOrPercent(maxUnavailable, p, errs);
      if (intOrPercentValue(maxUnavailable) == 0) {
        errs.add(FieldError.invalid(p, badValue(maxUnavailable), "cannot be 0"));
      }
      notMoreThan100Percent(maxUnavailable, p, errs);
    }
  }

  // ------------------------------------------------------------------ Deployment

  /** {@code ValidateDeployment}: a DNS-subdomain name and the spec. */
  public static List<FieldError> validateDeployment(Deployment d) {
    List<FieldError> errs = new ArrayList<>(
        ObjectMetaValidation.validate(d.metadata(), true, Names::dns1123Subdomain));
    validateDeploymentSpec(d.spec(), FieldPath.of("spec"), errs);
    return errs;
  }

  /** {@code ValidateDeploymentSpec}. */
  public static void validateDeploymentSpec(Deployment.Spec spec, FieldPath path, List<FieldError> errs) {
    nonNegative(spec.replicas(), path.child("replicas"), errs);
    validateWorkloadSelector(spec.selector(), "deployment", path.child("selector"), errs);
    if (!isConvertible(spec.selector())) {
      errs.add(FieldError.invalid(path.child("selector"), jsonValue(spec.selector()), "invalid label selector"));
    } else {
      validatePodTemplateSpecForReplicaSet(spec.selector(), spec.template(), path.child("template"), errs);
    }
    validateDeploymentStrategy(spec.strategy(), path.child("strategy"), errs);
    nonNegative(spec.minReadySeconds(), path.child("minReadySeconds"), errs);
    if (spec.revisionHistoryLimit() != null) {
      nonNegative(spec.revisionHistoryLimit(), path.child("revisionHistoryLimit"), errs);
    }
    Integer deadline = spec.progressDeadlineSeconds();
    if (deadline != null) {
      nonNegative(deadline, path.child("progressDeadlineSeconds"), errs);
      if (deadline <= spec.minReadySeconds()) {
        errs.add(FieldError.invalid(path.child("progressDeadlineSeconds"), deadline,
            "must be greater than minReadySeconds"));
      }
    }
  }

  /** {@code ValidateDeploymentStrategy}. */
  public static void validateDeploymentStrategy(Deployment.Strategy strategy, FieldPath path, List<FieldError> errs) {
    if (strategy.type() == Deployment.StrategyType.RECREATE) {
      if (strategy.rollingUpdate() != null) {
        errs.add(FieldError.forbidden(path.child("rollingUpdate"),
            "may not be specified when strategy `type` is 'Recreate'"));
      }
    } else if (strategy.rollingUpdate() == null) {
      errs.add(FieldError.required(path.child("rollingUpdate"), "this should be defaulted and never be nil"));
    } else {
      validateRollingUpdateDeployment(strategy.rollingUpdate(), path.child("rollingUpdate"), errs);
    }
  }

  /** {@code ValidateRollingUpdateDeployment}. */
  public static void validateRollingUpdateDeployment(
      Deployment.RollingUpdate ru, FieldPath path, List<FieldError> errs) {
    IntOrString maxUnavailable = zeroIfNull(ru.maxUnavailable());
    IntOrString maxSurge = zeroIfNull(ru.maxSurge());
    validatePositiveIntOrPercent(maxUnavailable, path.child("maxUnavailable"), errs);
    validatePositiveIntOrPercent(maxSurge, path.child("maxSurge"), errs);
    if (intOrPercentValue(maxUnavailable) == 0 && intOrPercentValue(maxSurge) == 0) {
      errs.add(FieldError.invalid(path.child("maxUnavailable"), badValue(maxUnavailable),
          "may not be 0 when `maxSurge` is 0"));
    }
    notMoreThan100Percent(maxUnavailable, path.child("maxUnavailable"), errs);
  }

  // ------------------------------------------------------------------ ReplicaSet

  /** {@code ValidateReplicaSet}: a DNS-subdomain name and the spec. */
  public static List<FieldError> validateReplicaSet(ReplicaSet rs) {
    List<FieldError> errs = new ArrayList<>(
        ObjectMetaValidation.validate(rs.metadata(), true, Names::dns1123Subdomain));
    validateReplicaSetSpec(rs.spec(), FieldPath.of("spec"), errs);
    return errs;
  }

  /** {@code ValidateReplicaSetSpec} (whose empty-selector message names a deployment, as upstream's). */
  public static void validateReplicaSetSpec(ReplicaSet.Spec spec, FieldPath path, List<FieldError> errs) {
    nonNegative(spec.replicas(), path.child("replicas"), errs);
    nonNegative(spec.minReadySeconds(), path.child("minReadySeconds"), errs);
    validateWorkloadSelector(spec.selector(), "deployment", path.child("selector"), errs);
    if (!isConvertible(spec.selector())) {
      errs.add(FieldError.invalid(path.child("selector"), jsonValue(spec.selector()), "invalid label selector"));
    } else {
      validatePodTemplateSpecForReplicaSet(spec.selector(), spec.template(), path.child("template"), errs);
    }
  }

  /**
   * {@code ValidatePodTemplateSpecForReplicaSet}: the selector matches the template's labels, the
   * template is a valid Pod template, its restart policy is Always and it has no active deadline.
   */
  public static void validatePodTemplateSpecForReplicaSet(
      LabelSelector selector, PodTemplateSpec template, FieldPath path, List<FieldError> errs) {
    checkSelectorMatchesTemplate(selector, template, path, errs);
    PodValidation.validatePodTemplateSpec(template, path, errs);
    checkTemplateRestartAndDeadline(template.spec(), "ReplicaSet", path.child("spec"), errs);
  }

  // ------------------------------------------------------------------ DaemonSet

  /** {@code ValidateDaemonSet}: a DNS-subdomain name and the spec. */
  public static List<FieldError> validateDaemonSet(DaemonSet ds) {
    List<FieldError> errs = new ArrayList<>(
        ObjectMetaValidation.validate(ds.metadata(), true, Names::dns1123Subdomain));
    validateDaemonSetSpec(ds.spec(), FieldPath.of("spec"), errs);
    return errs;
  }

  /**
   * {@code ValidateDaemonSetSpec}. A missing selector is not reported as such: it selects nothing,
   * so it is reported as not matching the template's labels.
   */
  public static void validateDaemonSetSpec(DaemonSet.Spec spec, FieldPath path, List<FieldError> errs) {
    LabelSelector selector = spec.selector();
    validateLabelSelector(selector, path.child("selector"), errs);
    PodTemplateSpec template = spec.template();
    if (isConvertible(selector) && !matches(selector, template.metadata().labels())) {
      errs.add(FieldError.invalid(path.child("template").child("metadata").child("labels"),
          jsonValue(template.metadata().labels()), SELECTOR_MISMATCH));
    }
    if (selector != null && selector.isEmpty()) {
      errs.add(FieldError.invalid(path.child("selector"), jsonValue(selector), "empty selector is invalid for daemonset"));
    }
    PodValidation.validatePodTemplateSpec(template, path.child("template"), errs);
    checkTemplateRestartAndDeadline(template.spec(), "DaemonSet", path.child("template").child("spec"), errs);
    nonNegative(spec.minReadySeconds(), path.child("minReadySeconds"), errs);
    validateDaemonSetUpdateStrategy(spec.updateStrategy(), path.child("updateStrategy"), errs);
    if (spec.revisionHistoryLimit() != null) {
      nonNegative(spec.revisionHistoryLimit(), path.child("revisionHistoryLimit"), errs);
    }
  }

  /** {@code ValidateDaemonSetUpdateStrategy}. */
  public static void validateDaemonSetUpdateStrategy(
      DaemonSet.UpdateStrategy strategy, FieldPath path, List<FieldError> errs) {
    if (strategy.type() != DaemonSet.UpdateStrategyType.ROLLING_UPDATE) {
      return;
    }
    if (strategy.rollingUpdate() == null) {
      errs.add(FieldError.required(path.child("rollingUpdate"), ""));
      return;
    }
    validateRollingUpdateDaemonSet(strategy.rollingUpdate(), path.child("rollingUpdate"), errs);
  }

  /** {@code ValidateRollingUpdateDaemonSet}: exactly one of maxUnavailable and maxSurge is non-zero. */
  public static void validateRollingUpdateDaemonSet(
      DaemonSet.RollingUpdate ru, FieldPath path, List<FieldError> errs) {
    IntOrString maxUnavailable = zeroIfNull(ru.maxUnavailable());
    IntOrString maxSurge = zeroIfNull(ru.maxSurge());
    validatePositiveIntOrPercent(maxUnavailable, path.child("maxUnavailable"), errs);
    validatePositiveIntOrPercent(maxSurge, path.child("maxSurge"), errs);
    notMoreThan100Percent(maxUnavailable, path.child("maxUnavailable"), errs);
    notMoreThan100Percent(maxSurge, path.child("maxSurge"), errs);
    boolean hasUnavailable = intOrPercentValue(maxUnavailable) != 0;
    boolean hasSurge = intOrPercentValue(maxSurge) != 0;
    if (hasUnavailable && hasSurge) {
      errs.add(FieldError.invalid(path.child("maxSurge"), badValue(maxSurge),
          "may not be set when maxUnavailable is non-zero"));
    } else if (!hasUnavailable && !hasSurge) {
      errs.add(FieldError.required(path.child("maxUnavailable"), "cannot be 0 when maxSurge is 0"));
    }
  }

  // ------------------------------------------------------------------ int-or-percent

  /** {@code ValidatePositiveIntOrPercent}: a non-negative int or a {@code N%} string. */
  public static void validatePositiveIntOrPercent(IntOrString value, FieldPath path, List<FieldError> errs) {
    if (value.isInt()) {
      nonNegative(value.intValue(), path, errs);
    } else if (!PERCENT.matcher(value.stringValue()).matches()) {
      errs.add(FieldError.invalid(path, value.stringValue(), Names.regexError(
          "a valid percent string must be a numeric string followed by an ending '%'", PERCENT_FMT, "1%", "93%")));
    }
  }

  /** {@code IsNotMoreThan100Percent}. */
  public static void notMoreThan100Percent(IntOrString value, FieldPath path, List<FieldError> errs) {
    Integer percent = percentValue(value);
    if (percent != null && percent > 100) {
      errs.add(FieldError.invalid(path, value.stringValue(), "must not be greater than 100%"));
    }
  }

  /** {@code getIntOrPercentValue}: a percentage's number, an int, or a numeric string's value (else 0). */
  static int intOrPercentValue(IntOrString value) {
    Integer percent = percentValue(value);
    if (percent != null) {
      return percent;
    }
    if (value.isInt()) {
      return value.intValue();
    }
    try {
      return Integer.parseInt(value.stringValue());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Integer percentValue(IntOrString value) {
    if (value.isInt() || !PERCENT.matcher(value.stringValue()).matches()) {
      return null;
    }
    try {
      return Integer.parseInt(value.stringValue().substring(0, value.stringValue().length() - 1));
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  // ------------------------------------------------------------------ shared workload checks

  /**
   * The selector checks of Deployment, ReplicaSet and StatefulSet: required, valid, not empty
   * ("empty selector is invalid for {@code what}").
   */
  private static void validateWorkloadSelector(LabelSelector selector, String what, FieldPath path, List<FieldError> errs) {
    if (selector == null) {
      errs.add(FieldError.required(path, ""));
      return;
    }
    validateLabelSelector(selector, path, errs);
    if (selector.isEmpty()) {
      errs.add(FieldError.invalid(path, jsonValue(selector), "empty selector is invalid for " + what));
    }
  }

  /**
   * A non-empty selector (a missing one selects nothing) must select the template's labels; the
   * labels are printed as JSON, {@code null} when there are none.
   */
  private static void checkSelectorMatchesTemplate(
      LabelSelector selector, PodTemplateSpec template, FieldPath templatePath, List<FieldError> errs) {
    boolean everything = selector != null && selector.isEmpty();
    if (!everything && !matches(selector, template.metadata().labels())) {
      errs.add(FieldError.invalid(templatePath.child("metadata").child("labels"),
          jsonValue(template.metadata().labels()), SELECTOR_MISMATCH));
    }
  }

  private static void checkTemplateRestartAndDeadline(PodSpec spec, String kind, FieldPath specPath, List<FieldError> errs) {
    if (spec.restartPolicy() != RestartPolicy.ALWAYS) {
      errs.add(FieldError.notSupported(specPath.child("restartPolicy"),
          spec.restartPolicy() == null ? "" : spec.restartPolicy().wire(), ALWAYS));
    }
    if (spec.activeDeadlineSeconds() != null) {
      errs.add(FieldError.forbidden(specPath.child("activeDeadlineSeconds"),
          "activeDeadlineSeconds in " + kind + " is not Supported"));
    }
  }

  /** {@code ValidateAnnotations}: keys are qualified names in any case; 256 KiB in all. */
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

  private static void nonNegative(long value, FieldPath path, List<FieldError> errs) {
    if (value < 0) {
      errs.add(FieldError.invalid(path, value, IS_NEGATIVE));
    }
  }

  private static IntOrString zeroIfNull(IntOrString v) {
    return v == null ? IntOrString.of(0) : v;
  }

  /** An int-or-string as the API prints it: a number, or a quoted string. */
  private static Object badValue(IntOrString v) {
    return v.isInt() ? (Object) v.intValue() : v.stringValue();
  }

  // ------------------------------------------------------------------ label selectors

  /**
   * {@code ValidateLabelSelector} with label values in expressions checked strictly, as on create.
   * A null selector is valid.
   */
  public static void validateLabelSelector(LabelSelector selector, FieldPath path, List<FieldError> errs) {
    PersistentVolumeValidation.validateLabelSelector(selector, false, path, errs);
  }

  /**
   * Whether {@code metav1.LabelSelectorAsSelector} accepts the selector: every key a qualified
   * name, every value a label value, and value counts that fit the operators.
   */
  public static boolean isConvertible(LabelSelector selector) {
    if (selector == null) {
      return true;
    }
    List<FieldError> errs = new java.util.ArrayList<>();
    validateLabelSelector(selector, FieldPath.root(), errs);
    return errs.isEmpty();
  }

  /**
   * Whether a selector selects an object with these labels, as {@code labels.Selector.Matches}:
   * a null selector selects nothing, an empty one everything.
   */
  public static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    for (Map.Entry<String, String> e : selector.matchLabels().entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (LabelSelectorRequirement req : selector.matchExpressions()) {
      if (req.operator() == null) {
        return false;
      }
      String value = labels.get(req.key());
      boolean ok = switch (req.operator()) {
        case IN -> value != null && req.values().contains(value);
        case NOT_IN -> value == null || !req.values().contains(value);
        case EXISTS -> value != null;
        case DOES_NOT_EXIST -> value == null;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------------ helpers

  /**
   * A bad value the API server prints as JSON ({@code field.Error} marshals values that are not
   * strings, numbers or booleans): its {@code toString()} is the JSON text.
   */
  static Object jsonValue(Object modelValue) {
    Object tree = modelValue instanceof Map<?, ?> m && m.isEmpty() ? null : Codec.encodeValue(modelValue);
    try {
      return new RawJson(JSON.writeValueAsString(tree));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render " + modelValue, e);
    }
  }

  /** A value printed verbatim in a message. */
  private record RawJson(String text) {
    @Override
    public String toString() {
      return text;
    }
  }
}
