package dev.volsim.scenario.expr;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.KubeObject;
import dev.volsim.model.io.Codec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A path into an object as serialized (API field names): {@code status.phase},
 * {@code spec.containers[0].name}, {@code metadata.annotations["pv.kubernetes.io/bind-completed"]}
 * (or single quotes), {@code data[key.with.dots]}, and list items selected by a key:
 * {@code status.conditions[type=Ready].status}, {@code spec.taints[key=node.kubernetes.io/out-of-service].effect}
 * (the selected value ends at {@code ]}, or is quoted). Immutable.
 *
 * <p>Evaluation works on {@link Codec#encodeObject}, which leaves out null fields, empty lists and
 * maps and {@code false} primitive booleans: such fields do not exist for a path.
 */
public final class FieldPathExpr {
  private static final Pattern SIMPLE = Pattern.compile("[A-Za-z0-9_$-]+");

  /** One step of a path. */
  sealed interface Step permits Key, Index, Select {}

  /** A map key (also the index of a list when written {@code [0]} and applied to a map). */
  record Key(String name) implements Step {}

  /** A list position, from 0. */
  record Index(int index) implements Step {}

  /** The first list item (a map) whose {@code key} has the serialized text {@code value}. */
  record Select(String key, String value) implements Step {}

  private final ImmutableList<Step> steps;

  private FieldPathExpr(ImmutableList<Step> steps) {
    this.steps = steps;
  }

  /**
   * Parses a path.
   *
   * @throws ExprException naming the path and what is wrong where
   */
  public static FieldPathExpr parse(String text) throws ExprException {
    requireNonNull(text, "text is null");
    String s = text.strip();
    if (s.startsWith(".")) {
      s = s.substring(1); // jsonpath habit: ".status.phase"
    }
    if (s.isEmpty()) {
      throw new ExprException("empty field path");
    }
    ImmutableList.Builder<Step> steps = ImmutableList.builder();
    int i = 0;
    boolean expectName = true;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '[') {
        i = bracket(text, s, i, steps);
        expectName = false;
      } else if (c == '.' && !expectName) {
        i++;
        expectName = true;
        if (i == s.length()) {
          throw bad(text, "ends with \".\"");
        }
      } else if (expectName) {
        int start = i;
        while (i < s.length() && s.charAt(i) != '.' && s.charAt(i) != '[' && s.charAt(i) != ']') {
          i++;
        }
        if (start == i) {
          throw bad(text, "empty field name at offset " + (start + 1));
        }
        steps.add(new Key(s.substring(start, i)));
        expectName = false;
      } else {
        throw bad(text, "unexpected \"" + c + "\" at offset " + (i + 1));
      }
    }
    return new FieldPathExpr(steps.build());
  }

  /** Parses {@code [...]} starting at {@code open}; returns the index after {@code ]}. */
  private static int bracket(String text, String s, int open, ImmutableList.Builder<Step> steps)
      throws ExprException {
    int i = open + 1;
    if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
      StringBuilder key = new StringBuilder();
      int end = quoted(text, s, i, key);
      if (end >= s.length() || s.charAt(end) != ']') {
        throw bad(text, "expected \"]\" after the quoted key at offset " + (end + 1));
      }
      steps.add(new Key(key.toString()));
      return end + 1;
    }
    int close = s.indexOf(']', i);
    String inner = close < 0 ? null : s.substring(i, close);
    int eq = inner == null ? -1 : inner.indexOf('=');
    if (eq >= 0) {
      // [key=value]: the value may itself be quoted, then it may hold "]"
      String key = inner.substring(0, eq).strip();
      if (key.isEmpty()) {
        throw bad(text, "empty key in [" + inner + "]");
      }
      int v = i + eq + 1;
      if (v < s.length() && s.charAt(v) == '=') {
        v++; // [type==Ready]
      }
      if (v < s.length() && (s.charAt(v) == '"' || s.charAt(v) == '\'')) {
        StringBuilder value = new StringBuilder();
        int end = quoted(text, s, v, value);
        if (end >= s.length() || s.charAt(end) != ']') {
          throw bad(text, "expected \"]\" after the quoted value at offset " + (end + 1));
        }
        steps.add(new Select(key, value.toString()));
        return end + 1;
      }
      steps.add(new Select(key, s.substring(v, close)));
      return close + 1;
    }
    if (close < 0) {
      throw bad(text, "\"[\" at offset " + (open + 1) + " is never closed");
    }
    if (inner.isEmpty()) {
      throw bad(text, "empty [] at offset " + (open + 1));
    }
    if (inner.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      try {
        steps.add(new Index(Integer.parseInt(inner)));
      } catch (NumberFormatException e) {
        throw bad(text, "index " + inner + " is too large");
      }
    } else {
      steps.add(new Key(inner));
    }
    return close + 1;
  }

  /** Reads a quoted string starting at the quote; returns the index after the closing quote. */
  private static int quoted(String text, String s, int quote, StringBuilder out) throws ExprException {
    char q = s.charAt(quote);
    int i = quote + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        out.append(s.charAt(i + 1));
        i += 2;
      } else if (c == q) {
        return i + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    throw bad(text, "unterminated quote at offset " + (quote + 1));
  }

  private static ExprException bad(String text, String what) {
    return new ExprException("bad field path \"" + text + "\": " + what);
  }

  /** The steps, in order. */
  ImmutableList<Step> steps() {
    return steps;
  }

  /** The value at this path in the object as serialized, or empty when any step is missing. */
  public Optional<Object> evaluate(KubeObject object) {
    return evaluate(Codec.encodeObject(object));
  }

  /** The value at this path in a plain tree, or empty when any step is missing. */
  public Optional<Object> evaluate(Object plainTree) {
    Object current = plainTree;
    for (Step step : steps) {
      current = apply(current, step);
      if (current == null) {
        return Optional.empty();
      }
    }
    return Optional.of(current);
  }

  private static Object apply(Object current, Step step) {
    if (step instanceof Key k) {
      return current instanceof Map<?, ?> m ? m.get(k.name()) : null;
    } else if (step instanceof Index ix) {
      if (current instanceof List<?> l) {
        return ix.index() < l.size() ? l.get(ix.index()) : null;
      }
      return current instanceof Map<?, ?> m ? m.get(Integer.toString(ix.index())) : null;
    } else {
      return select(current, (Select) step);
    }
  }

  private static Object select(Object current, Select sel) {
    if (current instanceof List<?> l) {
      for (Object item : l) {
        if (item instanceof Map<?, ?> m && m.get(sel.key()) != null
            && text(m.get(sel.key())).equals(sel.value())) {
          return item;
        }
      }
    }
    return null;
  }

  /**
   * The serialized text of a value, which {@code equals} compares: strings as they are, numbers
   * and booleans as their text (so {@code 1} and {@code "1"} compare equal), maps and lists as
   * compact JSON with keys in their order, {@code null} as {@code null}.
   */
  public static String text(Object value) {
    if (value instanceof String s) {
      return s;
    } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
      return Texts.json(value);
    } else {
      return Texts.scalarText(value);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldPathExpr other && steps.equals(other.steps);
  }

  @Override
  public int hashCode() {
    return steps.hashCode();
  }

  /** The canonical text: {@code .name} for plain names, {@code ["a.b/c"]} for others. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Step step : steps) {
      if (step instanceof Key k) {
        if (SIMPLE.matcher(k.name()).matches() && !k.name().chars().allMatch(Character::isDigit)) {
          b.append(b.length() == 0 ? "" : ".").append(k.name());
        } else {
          b.append('[').append(Texts.quote(k.name())).append(']');
        }
      } else if (step instanceof Index ix) {
        b.append('[').append(ix.index()).append(']');
      } else {
        Select sel = (Select) step;
        boolean plain = sel.value().indexOf(']') < 0 && !sel.value().startsWith("\"")
            && !sel.value().startsWith("'");
        b.append('[').append(sel.key()).append('=')
            .append(plain ? sel.value() : Texts.quote(sel.value())).append(']');
      }
    }
    return b.toString();
  }
}
