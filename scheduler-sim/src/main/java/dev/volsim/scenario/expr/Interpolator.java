package dev.volsim.scenario.expr;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.volsim.core.api.ApiServer;
import dev.volsim.model.KindInfo;
import dev.volsim.model.Kinds;
import dev.volsim.model.KubeObject;
import dev.volsim.model.WireName;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Replaces references to values known only at run time: {@code ${<object reference>.<field path>}}
 * (evaluated against the API server when called) and {@code ${name}} (a value captured by an
 * earlier step). {@code $${} writes a literal {@code ${}; nested references are not supported.
 *
 * <p>The object reference ends at the first {@code .} that is followed by a top-level field of
 * some kind ({@code metadata}, {@code spec}, {@code status}, {@code data}, ... every serialized
 * field of every kind volsim knows, see {@link #topLevelFields()}), so names with dots work:
 * {@code ${pv/pvc-1.2.spec.claimRef.name}}.
 *
 * <p>An interpolator reads the API server and the capture map at each call (the map is not copied,
 * so captures added later are seen).
 */
public final class Interpolator {
  private static final Pattern CAPTURE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  private static final ImmutableSortedSet<String> TOP_LEVEL_FIELDS = computeTopLevelFields();

  private final ApiServer api;
  private final Map<String, ?> captures;

  private Interpolator(ApiServer api, Map<String, ?> captures) {
    this.api = api;
    this.captures = captures;
  }

  /**
   * An interpolator reading this API server and these captures (a live view: the runner adds to
   * the map as {@code capture} steps run). Capture values are plain values (usually strings).
   */
  public static Interpolator of(ApiServer api, Map<String, ?> captures) {
    return new Interpolator(requireNonNull(api, "api is null"), requireNonNull(captures, "captures is null"));
  }

  /**
   * The fields that end an object reference inside {@code ${...}}: {@code apiVersion},
   * {@code kind}, the serialized top-level fields of every kind in {@link Kinds#all()}, and those
   * the scenario format names. Sorted.
   */
  public static ImmutableSortedSet<String> topLevelFields() {
    return TOP_LEVEL_FIELDS;
  }

  private static ImmutableSortedSet<String> computeTopLevelFields() {
    TreeSet<String> out = new TreeSet<>(List.of("apiVersion", "kind", "metadata", "spec", "status",
        "data", "stringData", "binaryData", "provisioner", "parameters", "reclaimPolicy",
        "volumeBindingMode", "allowedTopologies", "mountOptions", "allowVolumeExpansion", "type",
        "immutable", "driver", "nodeName", "involvedObject", "reason", "message", "count",
        "source", "subsets", "items"));
    for (KindInfo<?> k : Kinds.all()) {
      if (k.type().isRecord()) {
        for (RecordComponent c : k.type().getRecordComponents()) {
          WireName w = c.getAnnotation(WireName.class);
          out.add(w == null ? c.getName() : w.value());
        }
      }
    }
    return ImmutableSortedSet.copyOf(out);
  }

  // ------------------------------------------------------------------ templates

  /** A piece of a template: literal text or a {@code ${...}} reference (its inside). */
  private record Part(String text, boolean reference) {}

  private static List<Part> parts(String template) throws ExprException {
    List<Part> out = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      if (template.startsWith("$${", i)) {
        literal.append("${");
        i += 3;
      } else if (template.startsWith("${", i)) {
        int close = template.indexOf('}', i + 2);
        if (close < 0) {
          throw new ExprException("unterminated \"${\" in \"" + template + "\"");
        }
        String inner = template.substring(i + 2, close).strip();
        if (inner.isEmpty()) {
          throw new ExprException("empty \"${}\" in \"" + template + "\"");
        }
        if (literal.length() > 0) {
          out.add(new Part(literal.toString(), false));
          literal.setLength(0);
        }
        out.add(new Part(inner, true));
        i = close + 1;
      } else {
        literal.append(template.charAt(i));
        i++;
      }
    }
    if (literal.length() > 0 || out.isEmpty()) {
      out.add(new Part(literal.toString(), false));
    }
    return out;
  }

  /** Whether a string holds a {@code ${...}} reference (not counting {@code $${} escapes). */
  public static boolean hasReferences(String text) {
    int i = text.indexOf("${");
    while (i >= 0) {
      if (i == 0 || text.charAt(i - 1) != '$') {
        return true;
      }
      i = text.indexOf("${", i + 2);
    }
    return false;
  }

  /**
   * Checks a template's syntax without evaluating it: closed {@code ${}}, capture names, object
   * references with known kinds, field paths.
   *
   * @throws ExprException describing the first problem
   */
  public static void check(String template) throws ExprException {
    for (Part p : parts(template)) {
      if (p.reference()) {
        Reference r = reference(p.text());
        if (r.objectRef() != null) {
          ObjectRef.parse(r.objectRef());
          FieldPathExpr.parse(r.fieldPath());
        }
      }
    }
  }

  /** The inside of {@code ${...}}: a capture name, or an object reference and a field path. */
  private record Reference(String capture, String objectRef, String fieldPath) {}

  private static Reference reference(String inner) throws ExprException {
    if (inner.indexOf('/') < 0 && inner.indexOf('?') < 0) {
      if (!CAPTURE_NAME.matcher(inner).matches()) {
        throw new ExprException("\"${" + inner + "}\" is neither a captured value's name nor"
            + " <object reference>.<field path>");
      }
      return new Reference(inner, null, null);
    }
    for (int dot = inner.indexOf('.'); dot >= 0; dot = inner.indexOf('.', dot + 1)) {
      if (startsWithTopLevelField(inner, dot + 1)) {
        return new Reference(null, inner.substring(0, dot), inner.substring(dot + 1));
      }
    }
    throw new ExprException("\"${" + inner + "}\" has no field path: write <object reference>.<field path>,"
        + " as ${pvc/data.spec.volumeName}");
  }

  private static boolean startsWithTopLevelField(String s, int from) {
    int end = from;
    while (end < s.length() && s.charAt(end) != '.' && s.charAt(end) != '[') {
      end++;
    }
    return end > from && TOP_LEVEL_FIELDS.contains(s.substring(from, end));
  }

  // ------------------------------------------------------------------ evaluation

  /**
   * The value of the inside of one {@code ${...}}: a captured value as captured, or the plain
   * value of a field (a string, number, boolean, map or list).
   *
   * @throws ExprException for an unknown capture, a missing object or a missing field
   */
  public Object evaluate(String inner) throws ExprException {
    Reference r = reference(inner.strip());
    if (r.capture() != null) {
      if (!captures.containsKey(r.capture())) {
        throw new ExprException("no value was captured as \"" + r.capture() + "\" (captured so far: "
            + (captures.isEmpty() ? "none" : String.join(", ", new TreeSet<>(captures.keySet()))) + ")");
      }
      Object v = captures.get(r.capture());
      return v == null ? "" : v;
    }
    ObjectRef ref;
    FieldPathExpr path;
    KubeObject object;
    try {
      ref = ObjectRef.parse(r.objectRef());
      path = FieldPathExpr.parse(r.fieldPath());
      object = ref.resolve(api);
    } catch (ExprException e) {
      throw new ExprException("${" + inner.strip() + "}: " + e.getMessage());
    }
    Optional<Object> value = path.evaluate(object);
    if (value.isEmpty()) {
      throw new ExprException("${" + inner.strip() + "}: " + ref + " has no field " + path);
    }
    return value.get();
  }

  /**
   * The template with every reference replaced by the serialized text of its value
   * ({@link FieldPathExpr#text}).
   *
   * @throws ExprException for bad syntax, an unknown capture, a missing object or field
   */
  public String interpolate(String template) throws ExprException {
    return interpolate(template, UnaryOperator.identity());
  }

  /**
   * As {@link #interpolate(String)}, passing each replacement through {@code escape} first (for
   * example {@link Pattern#quote} to insert values into a regular expression literally).
   */
  public String interpolate(String template, UnaryOperator<String> escape) throws ExprException {
    requireNonNull(template, "template is null");
    StringBuilder out = new StringBuilder();
    for (Part p : parts(template)) {
      out.append(p.reference() ? escape.apply(FieldPathExpr.text(evaluate(p.text()))) : p.text());
    }
    return out.toString();
  }

  /**
   * A string's value: when the string is exactly one {@code ${...}}, the referenced value itself,
   * keeping its type (a number stays a number, a map a map); otherwise {@link #interpolate(String)}.
   */
  public Object interpolateValue(String template) throws ExprException {
    List<Part> parts = parts(requireNonNull(template, "template is null"));
    if (parts.size() == 1 && parts.get(0).reference()) {
      return evaluate(parts.get(0).text());
    }
    return interpolate(template);
  }

  /**
   * A copy of a plain tree (maps, lists, scalars) with every string, keys included, interpolated
   * by {@link #interpolateValue} (so {@code replicas: "${x}"} can give a number). Map order is
   * kept; the input is not changed.
   */
  public Object interpolateTree(Object plainTree) throws ExprException {
    if (plainTree instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(interpolate(String.valueOf(e.getKey())), interpolateTree(e.getValue()));
      }
      return out;
    } else if (plainTree instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object o : list) {
        out.add(interpolateTree(o));
      }
      return out;
    } else if (plainTree instanceof String s) {
      return interpolateValue(s);
    } else {
      return plainTree;
    }
  }

  /** Every string of a plain tree, for checking templates before a run. */
  static ImmutableList<String> strings(Object plainTree) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    collect(plainTree, out);
    return out.build();
  }

  private static void collect(Object tree, ImmutableList.Builder<String> out) {
    if (tree instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.add(String.valueOf(e.getKey()));
        collect(e.getValue(), out);
      }
    } else if (tree instanceof List<?> list) {
      for (Object o : list) {
        collect(o, out);
      }
    } else if (tree instanceof String s) {
      out.add(s);
    }
  }
}
