package dev.volsim.model.core;

import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.model.Bytes;
import dev.volsim.model.Immutables;
import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Secret: sensitive values by key.
 *
 * <p>The compact constructor does what the API server does on write: {@code stringData} is
 * merged into {@code data} (its values, UTF-8 encoded, win over {@code data}'s for the same key)
 * and is then empty, as it is write-only; {@code type} defaults to {@code Opaque}
 * ({@code SetDefaults_Secret}).
 *
 * @param metadata the object's metadata
 * @param immutable when true, data can no longer be changed (null: unset)
 * @param data values by key, base64 in manifests
 * @param stringData plain-text values by key; write-only, merged into {@code data}
 * @param type the secret's type, as {@code Opaque} or {@code kubernetes.io/tls}
 */
public record Secret(
    ObjectMeta metadata,
    Boolean immutable,
    ImmutableSortedMap<String, Bytes> data,
    ImmutableSortedMap<String, String> stringData,
    String type) implements KubeObject {

  /** The default type. */
  public static final String TYPE_OPAQUE = "Opaque";
  /** A service account token. */
  public static final String TYPE_SERVICE_ACCOUNT_TOKEN = "kubernetes.io/service-account-token";
  /** A legacy {@code ~/.dockercfg}. */
  public static final String TYPE_DOCKERCFG = "kubernetes.io/dockercfg";
  /** A {@code ~/.docker/config.json}. */
  public static final String TYPE_DOCKER_CONFIG_JSON = "kubernetes.io/dockerconfigjson";
  /** Credentials for basic authentication. */
  public static final String TYPE_BASIC_AUTH = "kubernetes.io/basic-auth";
  /** An SSH private key. */
  public static final String TYPE_SSH_AUTH = "kubernetes.io/ssh-auth";
  /** A TLS certificate and key. */
  public static final String TYPE_TLS = "kubernetes.io/tls";
  /** A bootstrap token. */
  public static final String TYPE_BOOTSTRAP_TOKEN = "bootstrap.kubernetes.io/token";

  public Secret {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    stringData = Immutables.map(stringData);
    if (stringData.isEmpty()) {
      data = Immutables.map(data);
    } else {
      Map<String, Bytes> merged = new TreeMap<>(Immutables.map(data));
      for (Map.Entry<String, String> e : stringData.entrySet()) {
        merged.put(e.getKey(), Bytes.utf8(e.getValue()));
      }
      data = ImmutableSortedMap.copyOf(merged);
      stringData = ImmutableSortedMap.of();
    }
    type = type == null || type.isEmpty() ? TYPE_OPAQUE : type;
  }

  /** A Secret with these values. */
  public static Secret of(ObjectMeta metadata, Map<String, Bytes> data) {
    return new Secret(metadata, null, Immutables.map(data), null, null);
  }

  /** Whether {@code immutable} is set to true. */
  public boolean isImmutable() {
    return Boolean.TRUE.equals(immutable);
  }

  @Override
  public String apiVersion() {
    return "v1";
  }

  @Override
  public String kind() {
    return "Secret";
  }
}
