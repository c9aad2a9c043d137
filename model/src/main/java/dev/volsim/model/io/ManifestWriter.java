package dev.volsim.model.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.volsim.model.KubeObject;
import java.util.List;
import java.util.Map;

/**
 * Writes objects as canonical YAML or JSON: {@code apiVersion}, {@code kind}, then fields in the
 * API's order, maps sorted by key, empty fields left out. The same object always gives the same
 * text, and reading it back gives an equal object.
 */
public final class ManifestWriter {
  private ManifestWriter() {}

  /** One object as a YAML document (no {@code ---} marker). */
  public static String toYaml(KubeObject object) {
    StringBuilder sb = new StringBuilder();
    YamlEmitter.emit(Codec.encodeObject(object), sb);
    return sb.toString();
  }

  /** Several objects as a YAML stream, documents separated by {@code ---}. */
  public static String toYaml(List<? extends KubeObject> objects) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < objects.size(); i++) {
      if (i > 0) {
        sb.append("---\n");
      }
      YamlEmitter.emit(Codec.encodeObject(objects.get(i)), sb);
    }
    return sb.toString();
  }

  /** One object as compact JSON on one line. */
  public static String toJson(KubeObject object) {
    return json(Codec.encodeObject(object), false);
  }

  /** One object as indented JSON. */
  public static String toPrettyJson(KubeObject object) {
    return json(Codec.encodeObject(object), true);
  }

  private static String json(Map<String, Object> tree, boolean pretty) {
    ObjectMapper mapper = new ObjectMapper();
    if (pretty) {
      mapper.enable(SerializationFeature.INDENT_OUTPUT);
    }
    try {
      return mapper.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a plain tree always serializes", e);
    }
  }
}
