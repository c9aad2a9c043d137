package dev.volsim.model.validation;

import dev.volsim.model.Quantity;
import dev.volsim.model.core.Endpoints;
import dev.volsim.model.core.Event;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.Service;
import dev.volsim.model.core.Taint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Light validation of Nodes ({@code ValidateNode}: name, taints, resource quantities), and of the
 * core kinds the simulator keeps without behaviour: Services and Endpoints (metadata only) and
 * Events (metadata and the involved object's namespace).
 */
public final class NodeValidation {
  private static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DNS1035_LABEL = Pattern.compile(DNS1035_LABEL_FMT);

  private NodeValidation() {}

  /** {@code ValidateNode}. Taint problems are reported under {@code metadata.taints}, as upstream does. */
  public static List<FieldError> validateNode(Node node) {
    List<FieldError> errs = new ArrayList<>(
        ObjectMetaValidation.validate(node.metadata(), false, Names::dns1123Subdomain));
    validateNodeTaints(node.spec().taints(), FieldPath.of("metadata", "taints"), errs);
    if (node.status() != null) {
      validateQuantities(node.status().capacity(), FieldPath.of("status", "capacity"), errs);
      validateQuantities(node.status().allocatable(), FieldPath.of("status", "allocatable"), errs);
    }
    return errs;
  }

  /** {@code validateNodeTaints}: key, value, effect, and uniqueness by (key, effect). */
  public static void validateNodeTaints(List<Taint> taints, FieldPath path, List<FieldError> errs) {
    Map<String, Set<String>> unique = new HashMap<>();
    for (int i = 0; i < taints.size(); i++) {
      Taint t = taints.get(i);
      FieldPath idx = path.index(i);
      String key = t.key() == null ? "" : t.key();
      String value = t.value() == null ? "" : t.value();
      for (String msg : Names.qualifiedName(key)) {
        errs.add(FieldError.invalid(idx.child("key"), key, msg));
      }
      List<String> valueErrs = Names.labelValue(value);
      if (!valueErrs.isEmpty()) {
        errs.add(FieldError.invalid(idx.child("value"), value, String.join(";", valueErrs)));
      }
      String effect = t.effect() == null ? "" : t.effect().wire();
      if (effect.isEmpty()) {
        errs.add(FieldError.required(idx.child("effect"), ""));
      }
      Set<String> keys = unique.computeIfAbsent(effect, e -> new HashSet<>());
      if (keys.contains(key)) {
        Object shown = goTaint(key, value, effect);
        errs.add(new FieldError(ErrorType.DUPLICATE, idx, shown, "taints must be unique by key and effect pair"));
        continue;
      }
      keys.add(key);
    }
  }

  /** A taint as Go's {@code %#v} prints the internal type in a Duplicate error. */
  private static Object goTaint(String key, String value, String effect) {
    String text = "core.Taint{Key:" + FieldError.quote(key) + ", Value:" + FieldError.quote(value)
        + ", Effect:" + FieldError.quote(effect) + ", TimeAdded:(*v1.Time)(nil)}";
    return new Object() {
      @Override
      public String toString() {
        return text;
      }
    };
  }

  private static void validateQuantities(Map<String, Quantity> list, FieldPath path, List<FieldError> errs) {
    for (Map.Entry<String, Quantity> e : list.entrySet()) {
      if (e.getValue().signum() < 0) {
        errs.add(FieldError.invalid(path.key(e.getKey()), e.getValue().toString(), "must be greater than or equal to 0"));
      }
    }
  }

  /** {@code ValidateService}, reduced to metadata: the name is a DNS-1035 label. */
  public static List<FieldError> validateService(Service service) {
    return new ArrayList<>(ObjectMetaValidation.validate(service.metadata(), true, NodeValidation::dns1035Label));
  }

  /** {@code ValidateEndpoints}, reduced to metadata. */
  public static List<FieldError> validateEndpoints(Endpoints endpoints) {
    return new ArrayList<>(ObjectMetaValidation.validate(endpoints.metadata(), true, Names::dns1123Subdomain));
  }

  /**
   * Validation of a core/v1 Event without {@code eventTime} ({@code legacyValidateEvent}): the
   * involved object's namespace must be the event's (or, for a cluster-scoped object, the event's
   * namespace must be empty or {@code default}).
   */
  public static List<FieldError> validateEvent(Event event) {
    List<FieldError> errs = new ArrayList<>(
        ObjectMetaValidation.validate(event.metadata(), true, Names::dns1123Subdomain));
    String eventNs = event.metadata().namespace() == null ? "" : event.metadata().namespace();
    String objNs = event.involvedObject() == null || event.involvedObject().namespace() == null
        ? "" : event.involvedObject().namespace();
    if (event.eventTime() == null && !eventNs.isEmpty()) {
      boolean mismatch = objNs.isEmpty() ? !eventNs.equals("default") : !eventNs.equals(objNs);
      if (mismatch) {
        errs.add(FieldError.invalid(FieldPath.of("involvedObject", "namespace"), objNs,
            "does not match event.namespace"));
      }
    }
    return errs;
  }

  /** {@code IsDNS1035Label}. */
  static List<String> dns1035Label(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > Names.DNS1123_LABEL_MAX_LENGTH) {
      errs.add(Names.maxLenError(Names.DNS1123_LABEL_MAX_LENGTH));
    }
    if (!DNS1035_LABEL.matcher(value).matches()) {
      errs.add(Names.regexError("a DNS-1035 label must consist of lower case alphanumeric characters or "
          + "'-', start with an alphabetic character, and end with an alphanumeric character",
          DNS1035_LABEL_FMT, "my-name", "abc-123"));
    }
    return errs;
  }
}
