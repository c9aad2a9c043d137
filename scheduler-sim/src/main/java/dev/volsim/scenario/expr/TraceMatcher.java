package dev.volsim.scenario.expr;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.volsim.core.trace.TraceEntry;
import dev.volsim.model.io.Trees;
import dev.volsim.model.io.YNode;
import dev.volsim.model.io.YNode.YMap;
import dev.volsim.model.io.YNode.YScalar;
import dev.volsim.scenario.ScenarioErrors;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Picks trace entries: {@code {type: AttachVolume, volume: pv-1, node: node-1}}. An entry matches
 * when every key given equals the entry's value: {@code type}, {@code component} and
 * {@code object} are fields of the entry, the others ({@code volume}, {@code claim}, {@code pod},
 * {@code node}, {@code container}, {@code outcome}, {@code exitCode}, {@code reason},
 * {@code eventType}) its attributes.
 *
 * <p>A matcher without {@code outcome} matches only successes: entries whose {@code outcome} is
 * absent or {@code succeeded} ({@code outcome: succeeded} means the same). {@code object} may be
 * written as any object reference ({@code pvc/data}); it compares in the trace's canonical form
 * ({@code persistentvolumeclaim/default/data}).
 *
 * <p>Values may hold {@code ${...}}: they are kept as written and replaced by
 * {@link #interpolate(Interpolator)} when the step runs. Immutable.
 */
public final class TraceMatcher {
  /** The keys a matcher takes, in the order they are printed. */
  public static final ImmutableList<String> KEYS = ImmutableList.of("type", "volume", "claim", "pod",
      "node", "container", "object", "component", "outcome", "exitCode", "reason", "eventType");
  private static final String SUCCEEDED = "succeeded";

  private final ImmutableMap<String, String> values;

  private TraceMatcher(Map<String, String> values) {
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String k : KEYS) {
      if (values.containsKey(k)) {
        ordered.put(k, values.get(k));
      }
    }
    this.values = ImmutableMap.copyOf(ordered);
  }

  /**
   * A matcher from a plain map of scalar values (numbers such as {@code exitCode: 1} become their
   * text).
   *
   * @throws ExprException for an unknown key, a value that is not a scalar, an empty matcher or a
   *     bad {@code object} reference
   */
  public static TraceMatcher of(Map<String, ?> map) throws ExprException {
    requireNonNull(map, "map is null");
    if (map.isEmpty()) {
      throw new ExprException("a trace matcher needs at least one of " + String.join(", ", KEYS));
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : map.entrySet()) {
      if (!KEYS.contains(e.getKey())) {
        throw new ExprException(unknownKey(e.getKey()));
      }
      Object v = e.getValue();
      if (v == null || v instanceof Map<?, ?> || v instanceof java.util.List<?>) {
        throw new ExprException("trace matcher key \"" + e.getKey() + "\" needs a string value");
      }
      String text = FieldPathExpr.text(v);
      if (e.getKey().equals("object") && !Interpolator.hasReferences(text)) {
        text = ObjectRef.parse(text).toString();
      }
      values.put(e.getKey(), text);
    }
    return new TraceMatcher(values);
  }

  /**
   * A matcher from a located tree; problems go to {@code errors} at their location.
   *
   * @return the matcher, or null when there were problems
   */
  public static TraceMatcher parse(YNode node, ScenarioErrors errors) {
    if (!(node instanceof YMap map)) {
      errors.add(node, "a trace matcher must be an object (as {type: AttachVolume, volume: pv-1}), got " + node.typeName());
      return null;
    }
    if (map.entries().isEmpty()) {
      errors.add(node, "a trace matcher needs at least one of " + String.join(", ", KEYS));
      return null;
    }
    boolean ok = true;
    Map<String, String> values = new LinkedHashMap<>();
    for (YNode.Entry e : map.entries()) {
      if (!KEYS.contains(e.key())) {
        errors.add(e.keyLocation(), unknownKey(e.key()));
        ok = false;
        continue;
      }
      if (!(e.value() instanceof YScalar s) || s.kind() == YNode.ScalarKind.NULL) {
        errors.add(e.value(), "trace matcher key \"" + e.key() + "\" needs a string value, got " + e.value().typeName());
        ok = false;
        continue;
      }
      String text = FieldPathExpr.text(Trees.toPlain(s));
      if (e.key().equals("object")) {
        boolean refOk = Expectations.checkRef(e.value(), text, errors);
        if (refOk && !Interpolator.hasReferences(text)) {
          text = canonical(text);
        }
        ok &= refOk;
      } else {
        ok &= Expectations.checkTemplate(e.value(), text, errors);
      }
      values.put(e.key(), text);
    }
    return ok ? new TraceMatcher(values) : null;
  }

  private static String canonical(String ref) {
    try {
      return ObjectRef.parse(ref).toString();
    } catch (ExprException e) {
      throw new IllegalStateException("checked reference did not parse: " + ref, e);
    }
  }

  private static String unknownKey(String key) {
    return "unknown key \"" + key + "\" in trace matcher (known: " + String.join(", ", KEYS) + ")";
  }

  /** The values as written (possibly holding {@code ${...}}), in {@link #KEYS} order. */
  public ImmutableMap<String, String> values() {
    return values;
  }

  /**
   * This matcher with its {@code ${...}} references replaced and its {@code object} in canonical
   * form.
   *
   * @throws ExprException if a reference cannot be evaluated
   */
  public TraceMatcher interpolate(Interpolator interpolator) throws ExprException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      String v = interpolator.interpolate(e.getValue());
      if (e.getKey().equals("object")) {
        v = ObjectRef.parse(v).toString();
      }
      out.put(e.getKey(), v);
    }
    return new TraceMatcher(out);
  }

  /**
   * Whether the entry matches. Values are compared as they are; call on an
   * {@linkplain #interpolate interpolated} matcher (one without references needs none).
   */
  public boolean matches(TraceEntry entry) {
    requireNonNull(entry, "entry is null");
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (!e.getValue().equals(actual(entry, e.getKey()))) {
        if (!(e.getKey().equals("outcome") && e.getValue().equals(SUCCEEDED)
            && entry.attribute("outcome") == null)) {
          return false;
        }
      }
    }
    if (!values.containsKey("outcome")) {
      String outcome = entry.attribute("outcome");
      return outcome == null || outcome.equals(SUCCEEDED);
    }
    return true;
  }

  private String actual(TraceEntry entry, String key) {
    return switch (key) {
      case "type" -> entry.type();
      case "component" -> entry.component();
      case "object" -> entry.object();
      default -> entry.attribute(key);
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TraceMatcher other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** {@code {type: AttachVolume, volume: pv-1}}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("{");
    values.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(k).append(": ").append(v));
    return b.append('}').toString();
  }
}
