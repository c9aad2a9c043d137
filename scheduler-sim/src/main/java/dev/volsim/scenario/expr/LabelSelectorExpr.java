package dev.volsim.scenario.expr;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A label selector in kubectl's syntax: comma-separated requirements {@code a=b}, {@code a==b},
 * {@code a!=b}, {@code a in (x,y)}, {@code a notin (x)}, {@code a} (the label exists) and
 * {@code !a} (it does not). All requirements must hold. Immutable.
 */
public final class LabelSelectorExpr {
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?");
  private static final Pattern VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");
  private static final Pattern SET = Pattern.compile("(\\S+)\\s+(in|notin)\\s*\\((.*)\\)", Pattern.DOTALL);

  /** What a requirement asks of a label. */
  public enum Operator { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, DOES_NOT_EXIST }

  /**
   * One requirement of a selector.
   *
   * @param key the label key
   * @param operator what is asked of it
   * @param values the values ({@code =} and {@code !=} have one, exists checks none)
   */
  public record Requirement(String key, Operator operator, ImmutableList<String> values) {
    public Requirement {
      requireNonNull(key, "key is null");
      requireNonNull(operator, "operator is null");
      values = ImmutableList.copyOf(values);
    }

    /** Whether labels satisfy this requirement; {@code !=} and {@code notin} hold without the key, as in Kubernetes. */
    public boolean matches(Map<String, String> labels) {
      String v = labels.get(key);
      return switch (operator) {
        case EQUALS -> v != null && v.equals(values.get(0));
        case NOT_EQUALS -> v == null || !v.equals(values.get(0));
        case IN -> v != null && values.contains(v);
        case NOT_IN -> v == null || !values.contains(v);
        case EXISTS -> v != null;
        case DOES_NOT_EXIST -> v == null;
      };
    }

    @Override
    public String toString() {
      return switch (operator) {
        case EQUALS -> key + "=" + values.get(0);
        case NOT_EQUALS -> key + "!=" + values.get(0);
        case IN -> key + " in (" + String.join(",", values) + ")";
        case NOT_IN -> key + " notin (" + String.join(",", values) + ")";
        case EXISTS -> key;
        case DOES_NOT_EXIST -> "!" + key;
      };
    }
  }

  private final ImmutableList<Requirement> requirements;

  private LabelSelectorExpr(ImmutableList<Requirement> requirements) {
    this.requirements = requirements;
  }

  /**
   * Parses a selector.
   *
   * @throws ExprException if the text is empty or not kubectl's selector syntax
   */
  public static LabelSelectorExpr parse(String text) throws ExprException {
    requireNonNull(text, "text is null");
    if (text.isBlank()) {
      throw new ExprException("empty label selector");
    }
    ImmutableList.Builder<Requirement> out = ImmutableList.builder();
    for (String part : splitTopLevel(text)) {
      out.add(requirement(part.strip(), text));
    }
    return new LabelSelectorExpr(out.build());
  }

  private static List<String> splitTopLevel(String text) throws ExprException {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth < 0) {
          throw new ExprException("bad label selector \"" + text + "\": unbalanced \")\"");
        }
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    if (depth != 0) {
      throw new ExprException("bad label selector \"" + text + "\": unbalanced \"(\"");
    }
    parts.add(text.substring(start));
    return parts;
  }

  private static Requirement requirement(String r, String whole) throws ExprException {
    if (r.isEmpty()) {
      throw bad(whole, "empty requirement");
    }
    Matcher set = SET.matcher(r);
    if (set.matches()) {
      String key = key(set.group(1), whole);
      List<String> values = new ArrayList<>();
      for (String v : set.group(3).split(",", -1)) {
        values.add(value(v.strip(), whole));
      }
      return new Requirement(key, set.group(2).equals("in") ? Operator.IN : Operator.NOT_IN, ImmutableList.copyOf(values));
    }
    if (r.startsWith("!") && !r.contains("=")) {
      return new Requirement(key(r.substring(1).strip(), whole), Operator.DOES_NOT_EXIST, ImmutableList.of());
    }
    int ne = r.indexOf("!=");
    if (ne >= 0) {
      return new Requirement(key(r.substring(0, ne).strip(), whole), Operator.NOT_EQUALS,
          ImmutableList.of(value(r.substring(ne + 2).strip(), whole)));
    }
    int eq = r.indexOf('=');
    if (eq >= 0) {
      int valueStart = r.startsWith("==", eq) ? eq + 2 : eq + 1;
      return new Requirement(key(r.substring(0, eq).strip(), whole), Operator.EQUALS,
          ImmutableList.of(value(r.substring(valueStart).strip(), whole)));
    }
    return new Requirement(key(r, whole), Operator.EXISTS, ImmutableList.of());
  }

  private static String key(String key, String whole) throws ExprException {
    if (!KEY.matcher(key).matches()) {
      throw bad(whole, "invalid label key \"" + key + "\"");
    }
    return key;
  }

  private static String value(String value, String whole) throws ExprException {
    if (!VALUE.matcher(value).matches()) {
      throw bad(whole, "invalid label value \"" + value + "\"");
    }
    return value;
  }

  private static ExprException bad(String whole, String what) {
    return new ExprException("bad label selector \"" + whole + "\": " + what);
  }

  /** The requirements, in the order written. */
  public ImmutableList<Requirement> requirements() {
    return requirements;
  }

  /** Whether an object with these labels is selected. */
  public boolean matches(Map<String, String> labels) {
    requireNonNull(labels, "labels is null");
    for (Requirement r : requirements) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelSelectorExpr other && requirements.equals(other.requirements);
  }

  @Override
  public int hashCode() {
    return requirements.hashCode();
  }

  /** The canonical text ({@code ==} written {@code =}, no spaces but around {@code in}). */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Requirement r : requirements) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(r);
    }
    return b.toString();
  }
}
