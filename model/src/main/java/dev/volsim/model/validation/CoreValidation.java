package dev.volsim.model.validation;

import dev.volsim.model.core.ConfigMap;
import dev.volsim.model.core.Namespace;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Validation of the small core/v1 kinds (Namespace, ConfigMap), as {@code validation.go}. */
public final class CoreValidation {
  /** {@code MaxSecretSize} and the ConfigMap limit: 1 MiB of data in all. */
  public static final int MAX_DATA_SIZE = 1024 * 1024;
  private static final String CONFIG_KEY_FMT = "[-._a-zA-Z0-9]+";
  private static final Pattern CONFIG_KEY = Pattern.compile(CONFIG_KEY_FMT);

  private CoreValidation() {}

  /** {@code ValidateNamespace}: the name is a DNS-1123 label. */
  public static List<FieldError> validateNamespace(Namespace ns) {
    return new ArrayList<>(ObjectMetaValidation.validate(ns.metadata(), false, Names::dns1123Label));
  }

  /** {@code ValidateConfigMap}. */
  public static List<FieldError> validateConfigMap(ConfigMap cm) {
    List<FieldError> errs = new ArrayList<>(
        ObjectMetaValidation.validate(cm.metadata(), true, Names::dns1123Subdomain));
    long total = 0;
    for (var e : cm.data().entrySet()) {
      for (String msg : configMapKey(e.getKey())) {
        errs.add(FieldError.invalid(FieldPath.of("data").key(e.getKey()), e.getKey(), msg));
      }
      if (cm.binaryData().containsKey(e.getKey())) {
        errs.add(FieldError.invalid(FieldPath.of("data").key(e.getKey()), e.getKey(),
            "duplicate of key present in binaryData"));
      }
      total += e.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    for (var e : cm.binaryData().entrySet()) {
      for (String msg : configMapKey(e.getKey())) {
        errs.add(FieldError.invalid(FieldPath.of("binaryData").key(e.getKey()), e.getKey(), msg));
      }
      total += e.getValue().size();
    }
    if (total > MAX_DATA_SIZE) {
      errs.add(FieldError.tooLong(FieldPath.root(), MAX_DATA_SIZE));
    }
    return errs;
  }

  /** {@code IsConfigMapKey}: also used for Secret keys and projected item keys. */
  public static List<String> configMapKey(String key) {
    List<String> errs = new ArrayList<>();
    if (key.length() > Names.DNS1123_SUBDOMAIN_MAX_LENGTH) {
      errs.add(Names.maxLenError(Names.DNS1123_SUBDOMAIN_MAX_LENGTH));
    }
    if (!CONFIG_KEY.matcher(key).matches()) {
      errs.add(Names.regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
          CONFIG_KEY_FMT, "key.name", "KEY_NAME", "key-name"));
    }
    if (key.equals(".")) {
      errs.add("must not be '.'");
    } else if (key.equals("..")) {
      errs.add("must not be '..'");
    } else if (key.startsWith("..")) {
      errs.add("must not start with '..'");
    }
    return errs;
  }
}
