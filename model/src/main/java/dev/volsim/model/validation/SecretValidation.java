package dev.volsim.model.validation;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.volsim.model.Bytes;
import dev.volsim.model.core.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ValidateSecret} and {@code ValidateSecretUpdate}: keys, total size, and the keys each
 * built-in type requires, with the API server's paths and words.
 */
public final class SecretValidation {
  /** {@code MaxSecretSize}: 1 MiB of data in all. */
  public static final int MAX_SECRET_SIZE = CoreValidation.MAX_DATA_SIZE;
  /** Shown instead of a Secret's value in messages. */
  private static final String REDACTED = "<secret contents redacted>";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SecretValidation() {}

  /** {@code ValidateSecret}. */
  public static List<FieldError> validateSecret(Secret secret) {
    List<FieldError> errs = new ArrayList<>(
        ObjectMetaValidation.validate(secret.metadata(), true, Names::dns1123Subdomain));
    FieldPath dataPath = FieldPath.of("data");
    long total = 0;
    for (Map.Entry<String, Bytes> e : secret.data().entrySet()) {
      for (String msg : CoreValidation.configMapKey(e.getKey())) {
        errs.add(FieldError.invalid(dataPath.key(e.getKey()), e.getKey(), msg));
      }
      total += e.getValue().size();
    }
    if (total > MAX_SECRET_SIZE) {
      errs.add(FieldError.tooLong(dataPath, MAX_SECRET_SIZE));
    }
    Map<String, Bytes> data = secret.data();
    switch (secret.type()) {
      case Secret.TYPE_SERVICE_ACCOUNT_TOKEN -> {
        String sa = secret.metadata().annotations().get("kubernetes.io/service-account.name");
        if (sa == null || sa.isEmpty()) {
          errs.add(FieldError.required(FieldPath.of("metadata", "annotations")
              .key("kubernetes.io/service-account.name"), ""));
        }
      }
      case Secret.TYPE_DOCKERCFG -> requireJsonObject(data, ".dockercfg", dataPath, errs);
      case Secret.TYPE_DOCKER_CONFIG_JSON -> requireJsonObject(data, ".dockerconfigjson", dataPath, errs);
      case Secret.TYPE_BASIC_AUTH -> {
        if (!data.containsKey("username") && !data.containsKey("password")) {
          errs.add(FieldError.required(dataPath.key("username"), ""));
          errs.add(FieldError.required(dataPath.key("password"), ""));
        }
      }
      case Secret.TYPE_SSH_AUTH -> {
        Bytes key = data.get("ssh-privatekey");
        if (key == null || key.size() == 0) {
          errs.add(FieldError.required(dataPath.key("ssh-privatekey"), ""));
        }
      }
      case Secret.TYPE_TLS -> {
        if (!data.containsKey("tls.crt")) {
          errs.add(FieldError.required(dataPath.key("tls.crt"), ""));
        }
        if (!data.containsKey("tls.key")) {
          errs.add(FieldError.required(dataPath.key("tls.key"), ""));
        }
      }
      default -> { }
    }
    return errs;
  }

  /**
   * {@code ValidateSecretUpdate}: the type never changes; an immutable Secret's data and
   * {@code immutable} flag cannot change; the new object must be valid.
   */
  public static List<FieldError> validateSecretUpdate(Secret updated, Secret old) {
    List<FieldError> errs = new ArrayList<>();
    if (!updated.type().equals(old.type())) {
      errs.add(FieldError.invalid(FieldPath.of("type"), updated.type(), "field is immutable"));
    }
    if (old.isImmutable()) {
      if (!updated.isImmutable()) {
        errs.add(FieldError.forbidden(FieldPath.of("immutable"), "field is immutable when `immutable` is set"));
      }
      if (!updated.data().equals(old.data())) {
        errs.add(FieldError.forbidden(FieldPath.of("data"), "field is immutable when `immutable` is set"));
      }
    }
    errs.addAll(validateSecret(updated));
    return errs;
  }

  private static void requireJsonObject(Map<String, Bytes> data, String key, FieldPath dataPath, List<FieldError> errs) {
    Bytes value = data.get(key);
    if (value == null) {
      errs.add(FieldError.required(dataPath.key(key), ""));
      return;
    }
    String problem = jsonObjectError(value.asUtf8());
    if (problem != null) {
      errs.add(FieldError.invalid(dataPath.key(key), REDACTED, problem));
    }
  }

  /** Why the text is not a JSON object, in Go's {@code encoding/json} words; null when it is one. */
  static String jsonObjectError(String text) {
    if (text.isBlank()) {
      return "unexpected end of JSON input";
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonParseException e) {
      String t = text.strip();
      char c = t.charAt(0);
      if ("{[\"-0123456789tfn".indexOf(c) < 0) {
        return "invalid character '" + c + "' looking for beginning of value";
      }
      return "unexpected end of JSON input";
    } catch (JsonProcessingException e) {
      return "unexpected end of JSON input";
    }
    if (node == null || node.isMissingNode()) {
      return "unexpected end of JSON input";
    }
    if (node.isObject() || node.isNull()) {
      return null;
    }
    String type = node.isArray() ? "array" : node.isTextual() ? "string" : node.isNumber() ? "number" : "bool";
    return "json: cannot unmarshal " + type + " into Go value of type map[string]interface {}";
  }
}
