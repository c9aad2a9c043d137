package dev.volsim.scenario.expr;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Compact JSON and display texts of plain trees. */
final class Texts {
  private Texts() {}

  /** A JSON string literal. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** Compact JSON, map keys in their order. */
  static String json(Object value) {
    StringBuilder b = new StringBuilder();
    appendJson(b, value);
    return b.toString();
  }

  private static void appendJson(StringBuilder b, Object value) {
    if (value instanceof Map<?, ?> map) {
      b.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        b.append(quote(String.valueOf(e.getKey()))).append(':');
        appendJson(b, e.getValue());
        if (it.hasNext()) {
          b.append(',');
        }
      }
      b.append('}');
    } else if (value instanceof List<?> list) {
      b.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        appendJson(b, list.get(i));
      }
      b.append(']');
    } else if (value instanceof String s) {
      b.append(quote(s));
    } else {
      b.append(scalarText(value));
    }
  }

  /** The text of a non-string scalar: numbers without exponent, booleans, {@code null}. */
  static String scalarText(Object value) {
    if (value == null) {
      return "null";
    } else if (value instanceof BigDecimal d) {
      return d.toPlainString();
    } else {
      return value.toString();
    }
  }

  /** How a value shows in an outcome: strings quoted, everything else as its text. */
  static String display(Object value) {
    return value instanceof String s ? quote(s) : FieldPathExpr.text(value);
  }

  /** A trace entry on one line: {@code #12 +1.500s kubelet MountDevice persistentvolume/pv-1 {node=node-1}}. */
  static String entry(dev.volsim.core.trace.TraceEntry e) {
    return "#" + e.sequence() + " " + dev.volsim.core.engine.Durations.format(e.timeMicros()) + " "
        + e.component() + " " + e.type() + (e.object() == null ? "" : " " + e.object())
        + (e.attributes().isEmpty() ? "" : " " + e.attributes());
  }

  /** A list of names, at most {@code max} of them, then "and N more". */
  static String names(List<String> names, int max) {
    if (names.size() <= max) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, max)) + " and " + (names.size() - max) + " more";
  }
}
