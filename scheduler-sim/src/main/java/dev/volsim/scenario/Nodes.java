package dev.volsim.scenario;

import dev.volsim.core.engine.Durations;
import dev.volsim.model.io.YNode;
import dev.volsim.model.io.YNode.Entry;
import dev.volsim.model.io.YNode.ScalarKind;
import dev.volsim.model.io.YNode.YList;
import dev.volsim.model.io.YNode.YMap;
import dev.volsim.model.io.YNode.YScalar;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reading of located YAML trees for the scenario parser: every accessor reports a wrong
 * type to {@link ScenarioErrors} at the value's {@code file:line:col} and returns null, so the
 * parser goes on and reports every problem of a file at once.
 */
final class Nodes {
  /** The ending of every message about a contract key this version does not implement. */
  static final String NOT_SUPPORTED = "not supported yet by this version of volsim";

  private Nodes() {}

  /** The node as a mapping, or null (reported) when it is something else. */
  static YMap map(YNode node, String what, ScenarioErrors errors) {
    if (node instanceof YMap m) {
      return m;
    }
    errors.add(node, what + " must be a mapping, got " + describe(node));
    return null;
  }

  /** The node as a sequence, or null (reported) when it is something else. */
  static YList list(YNode node, String what, ScenarioErrors errors) {
    if (node instanceof YList l) {
      return l;
    }
    errors.add(node, what + " must be a list, got " + describe(node));
    return null;
  }

  /**
   * The entries of a mapping by key, reporting unknown keys ({@code unknown key "stpes" in spec
   * (known: ...)}), keys of the contract this version does not support yet, and duplicates. Only
   * known keys are returned, in document order.
   *
   * @param where how the mapping is named in messages ({@code spec}, {@code steps[2].delete})
   * @param known the keys this version reads
   * @param unsupported keys of the contract this version refuses as not supported yet
   */
  static Map<String, Entry> entries(YMap map, String where, Collection<String> known,
      Collection<String> unsupported, ScenarioErrors errors) {
    Map<String, Entry> out = new LinkedHashMap<>();
    for (Entry e : map.entries()) {
      if (out.containsKey(e.key())) {
        errors.add(e.keyLocation(), "duplicate key \"" + e.key() + "\" in " + where);
      } else if (known.contains(e.key())) {
        out.put(e.key(), e);
      } else if (unsupported.contains(e.key())) {
        errors.add(e.keyLocation(), where + "." + e.key() + " is " + NOT_SUPPORTED);
      } else {
        errors.add(e.keyLocation(), "unknown key \"" + e.key() + "\" in " + where
            + " (known: " + String.join(", ", known) + ")");
      }
    }
    return out;
  }

  /** As {@link #entries(YMap, String, Collection, Collection, ScenarioErrors)} without unsupported keys. */
  static Map<String, Entry> entries(YMap map, String where, Collection<String> known, ScenarioErrors errors) {
    return entries(map, where, known, Set.of(), errors);
  }

  /** Reports a required key that is missing; returns whether it is present. */
  static boolean require(Map<String, Entry> entries, String key, YNode owner, String where, ScenarioErrors errors) {
    if (entries.containsKey(key)) {
      return true;
    }
    errors.add(owner, where + "." + key + " is required");
    return false;
  }

  /** A string scalar (numbers and booleans as written, so {@code version: 1.30} stays "1.30"). */
  static String string(YNode node, String what, ScenarioErrors errors) {
    if (node instanceof YScalar s && s.kind() != ScalarKind.NULL) {
      return s.text();
    }
    errors.add(node, what + " must be a string, got " + describe(node));
    return null;
  }

  /** A non-empty string. */
  static String nonEmptyString(YNode node, String what, ScenarioErrors errors) {
    String s = string(node, what, errors);
    if (s != null && s.isBlank()) {
      errors.add(node, what + " must not be empty");
      return null;
    }
    return s;
  }

  /** A boolean scalar. */
  static Boolean bool(YNode node, String what, ScenarioErrors errors) {
    if (node instanceof YScalar s && s.kind() == ScalarKind.BOOL) {
      String t = s.text().toLowerCase(java.util.Locale.ROOT);
      return t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y");
    }
    errors.add(node, what + " must be true or false, got " + describe(node));
    return null;
  }

  /** An integer scalar within {@code [min, max]}. */
  static Long integer(YNode node, String what, long min, long max, ScenarioErrors errors) {
    if (node instanceof YScalar s && s.kind() == ScalarKind.INT) {
      try {
        BigInteger v = new BigInteger(s.text().replace("_", ""));
        if (v.compareTo(BigInteger.valueOf(min)) >= 0 && v.compareTo(BigInteger.valueOf(max)) <= 0) {
          return v.longValueExact();
        }
      } catch (NumberFormatException | ArithmeticException e) {
        // reported below
      }
      errors.add(node, what + " must be an integer from " + min + " to " + max + ", got " + s.text());
      return null;
    }
    errors.add(node, what + " must be an integer, got " + describe(node));
    return null;
  }

  /** A Go duration ({@code 500ms}, {@code 30s}, {@code 1h30m}), not negative. */
  static Duration duration(YNode node, String what, ScenarioErrors errors) {
    String text = node instanceof YScalar s && s.kind() != ScalarKind.NULL ? s.text() : null;
    if (text == null) {
      errors.add(node, what + " must be a duration such as 30s, got " + describe(node));
      return null;
    }
    try {
      Duration d = Durations.parse(text);
      if (d.isNegative()) {
        errors.add(node, what + " must not be negative, got " + text);
        return null;
      }
      return d;
    } catch (IllegalArgumentException e) {
      errors.add(node, "bad duration for " + what + ": " + e.getMessage());
      return null;
    }
  }

  /** A list of strings. */
  static List<String> strings(YNode node, String what, ScenarioErrors errors) {
    YList l = list(node, what, errors);
    if (l == null) {
      return null;
    }
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < l.items().size(); i++) {
      String s = string(l.items().get(i), what + "[" + i + "]", errors);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /** Whether any scalar or key of the tree holds a run-time reference {@code ${...}}. */
  static boolean hasReference(YNode node) {
    if (node instanceof YMap m) {
      for (Entry e : m.entries()) {
        if (e.key().contains("${") || hasReference(e.value())) {
          return true;
        }
      }
      return false;
    } else if (node instanceof YList l) {
      return l.items().stream().anyMatch(Nodes::hasReference);
    } else {
      return ((YScalar) node).text().contains("${");
    }
  }

  /** {@code a mapping}, {@code a list}, {@code the string "x"}, {@code nothing}: for type errors. */
  static String describe(YNode node) {
    if (node instanceof YMap) {
      return "a mapping";
    } else if (node instanceof YList) {
      return "a list";
    }
    YScalar s = (YScalar) node;
    return switch (s.kind()) {
      case NULL -> "nothing";
      case STRING -> "the string \"" + s.text() + "\"";
      case INT, FLOAT -> "the number " + s.text();
      case BOOL -> s.text();
    };
  }
}
