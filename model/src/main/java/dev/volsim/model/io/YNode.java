package dev.volsim.model.io;

import com.google.common.collect.ImmutableList;

/**
 * A parsed YAML or JSON value that remembers where it came from. The readers build this tree and
 * the codec decodes it, so every error can name its file, line and column.
 */
public sealed interface YNode permits YNode.YMap, YNode.YList, YNode.YScalar {

  /** Where this value starts. */
  Location location();

  /** A short name of this node's JSON type, for type errors ("object", "array", "string"...). */
  String typeName();

  /** A mapping, entries in document order; duplicate keys are kept so the decoder can report them. */
  record YMap(Location location, ImmutableList<Entry> entries) implements YNode {
    @Override
    public String typeName() {
      return "object";
    }
  }

  /** One key of a mapping, with the location of the key itself. */
  record Entry(String key, Location keyLocation, YNode value) {}

  /** A sequence. */
  record YList(Location location, ImmutableList<YNode> items) implements YNode {
    @Override
    public String typeName() {
      return "array";
    }
  }

  /** A scalar with its text and the type YAML (or JSON) resolved it to. */
  record YScalar(Location location, String text, ScalarKind kind) implements YNode {
    @Override
    public String typeName() {
      return kind.jsonName();
    }
  }

  /** The JSON type a scalar resolves to. */
  enum ScalarKind {
    STRING("string"), INT("number"), FLOAT("number"), BOOL("bool"), NULL("null");

    private final String jsonName;

    ScalarKind(String jsonName) {
      this.jsonName = jsonName;
    }

    public String jsonName() {
      return jsonName;
    }
  }
}
