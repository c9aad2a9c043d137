package dev.volsim.core.volume;

import dev.volsim.core.world.NodeDisk;
import dev.volsim.model.Bytes;
import dev.volsim.model.Quantity;
import dev.volsim.model.core.ConfigMap;
import dev.volsim.model.core.Container;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.ResourceFieldSelector;
import dev.volsim.model.core.Secret;
import dev.volsim.model.volume.DownwardAPIVolumeFile;
import dev.volsim.model.volume.KeyToPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The {@code MakePayload} functions of the configMap, secret and downwardAPI plugins. */
final class Payloads {
  private Payloads() {}

  static String namespace(Pod pod) {
    String ns = pod.metadata().namespace();
    return ns == null || ns.isEmpty() ? "default" : ns;
  }

  /** Reads the ConfigMap; missing and optional: empty; missing: {@code configmap "x" not found}. */
  static Map<String, FileProjection> configMap(NodeContext node, Pod pod, String name, List<KeyToPath> items,
      int defaultMode, boolean optional) {
    Optional<ConfigMap> cm = node.configMap(namespace(pod), name);
    if (cm.isEmpty()) {
      if (optional) {
        return new TreeMap<>();
      }
      throw new VolumeSetUpException("configmap \"" + name + "\" not found");
    }
    SortedMap<String, Bytes> data = new TreeMap<>();
    cm.get().data().forEach((k, v) -> data.put(k, Bytes.utf8(v)));
    data.putAll(cm.get().binaryData());
    return make(data, items, defaultMode, optional, "configmap references non-existent config key: ");
  }

  /** Reads the Secret; missing and optional: empty; missing: {@code secret "x" not found}. */
  static Map<String, FileProjection> secret(NodeContext node, Pod pod, String name, List<KeyToPath> items,
      int defaultMode, boolean optional) {
    Optional<Secret> secret = node.secret(namespace(pod), name);
    if (secret.isEmpty()) {
      if (optional) {
        return new TreeMap<>();
      }
      throw new VolumeSetUpException("secret \"" + name + "\" not found");
    }
    return make(secret.get().data(), items, defaultMode, optional, "references non-existent secret key: ");
  }

  /** No items: every key with defaultMode; items: the listed keys at their paths and modes. */
  static Map<String, FileProjection> make(SortedMap<String, Bytes> data, List<KeyToPath> items, int defaultMode,
      boolean optional, String missingKey) {
    TreeMap<String, FileProjection> payload = new TreeMap<>();
    if (items.isEmpty()) {
      data.forEach((k, v) -> payload.put(k, new FileProjection(v, defaultMode)));
      return payload;
    }
    for (KeyToPath item : items) {
      Bytes content = data.get(item.key());
      if (content == null) {
        if (optional) {
          continue;
        }
        throw new VolumeSetUpException(missingKey + item.key());
      }
      payload.put(item.path(), new FileProjection(content, item.mode() == null ? defaultMode : item.mode()));
    }
    return payload;
  }

  /** downwardapi.go {@code CollectData}. */
  static Map<String, FileProjection> downwardApi(NodeContext node, Pod pod, List<DownwardAPIVolumeFile> items,
      int defaultMode) {
    TreeMap<String, FileProjection> payload = new TreeMap<>();
    for (DownwardAPIVolumeFile item : items) {
      String value;
      if (item.fieldRef() != null) {
        value = fieldValue(pod, item.fieldRef().fieldPath());
      } else if (item.resourceFieldRef() != null) {
        value = resourceValue(node, pod, item.resourceFieldRef());
      } else {
        continue;
      }
      payload.put(item.path(), new FileProjection(Bytes.utf8(value), item.mode() == null ? defaultMode : item.mode()));
    }
    return payload;
  }

  /** fieldpath.ExtractFieldPathAsString for the fields a downwardAPI volume may use. */
  static String fieldValue(Pod pod, String fieldPath) {
    var meta = pod.metadata();
    if (fieldPath.startsWith("metadata.labels['") && fieldPath.endsWith("']")) {
      return nullToEmpty(meta.labels().get(fieldPath.substring(17, fieldPath.length() - 2)));
    } else if (fieldPath.startsWith("metadata.annotations['") && fieldPath.endsWith("']")) {
      return nullToEmpty(meta.annotations().get(fieldPath.substring(22, fieldPath.length() - 2)));
    }
    return switch (fieldPath) {
      case "metadata.name" -> nullToEmpty(meta.name());
      case "metadata.namespace" -> namespace(pod);
      case "metadata.uid" -> nullToEmpty(meta.uid());
      case "metadata.labels" -> formatMap(meta.labels());
      case "metadata.annotations" -> formatMap(meta.annotations());
      case "spec.nodeName" -> pod.spec() == null ? "" : nullToEmpty(pod.spec().nodeName());
      case "spec.serviceAccountName" -> pod.spec() == null ? "" : nullToEmpty(pod.spec().serviceAccountName());
      default -> throw new VolumeSetUpException("unsupported fieldPath: " + fieldPath);
    };
  }

  /** fieldpath.FormatMap: sorted {@code key="value"} lines. */
  static String formatMap(Map<String, String> map) {
    StringBuilder b = new StringBuilder();
    new TreeMap<>(map).forEach((k, v) -> b.append(k).append('=').append(goQuote(v)).append('\n'));
    return b.length() == 0 ? "" : b.substring(0, b.length() - 1);
  }

  private static String goQuote(String v) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : v.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }

  /**
   * resource.ExtractContainerResourceValue: a limit falls back to the node's allocatable amount
   * (MergeContainerResourceLimits); values are divided by the divisor and rounded up.
   */
  static String resourceValue(NodeContext node, Pod pod, ResourceFieldSelector selector) {
    String containerName = selector.containerName();
    Container container = null;
    if (pod.spec() != null) {
      for (Container c : pod.spec().containers()) {
        if (containerName == null || containerName.isEmpty() || c.name().equals(containerName)) {
          container = c;
          break;
        }
      }
    }
    if (container == null) {
      throw new VolumeSetUpException("container " + containerName + " not found");
    }
    String resource = selector.resource();
    int dot = resource.indexOf('.');
    if (dot < 0) {
      throw new VolumeSetUpException("unsupported container resource : " + resource);
    }
    String kind = resource.substring(0, dot);
    String name = resource.substring(dot + 1);
    Quantity value = null;
    if (container.resources() != null) {
      value = kind.equals("limits") ? container.resources().limits().get(name)
          : container.resources().requests().get(name);
    }
    if (value == null && kind.equals("limits")) {
      value = node.allocatable(name).orElse(null);
    }
    BigDecimal amount = value == null ? BigDecimal.ZERO : value.value();
    BigDecimal divisor = selector.divisor() == null || selector.divisor().isZero()
        ? BigDecimal.ONE : selector.divisor().value();
    return amount.divide(divisor, 0, RoundingMode.CEILING).toPlainString();
  }

  /** A service account token's stand-in: deterministic, naming the Pod and audience. */
  static Bytes token(Pod pod, String audience, long expirationSeconds) {
    return Bytes.utf8("volsim-token." + namespace(pod) + "." + nullToEmpty(pod.metadata().name()) + "."
        + nullToEmpty(pod.metadata().uid()) + "." + nullToEmpty(audience) + "." + expirationSeconds);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  static String volumePath(Pod pod, String plugin, String volume) {
    return NodeDisk.podVolumeDirectory(pod.metadata().uid(), plugin, volume);
  }
}
