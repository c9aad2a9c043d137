package dev.volsim.model.io;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small block-style YAML emitter for plain trees, in kubectl's layout (sequence items at their
 * key's indentation). Strings are plain where that reads back as the same string, literal blocks
 * for simple multi-line text, double-quoted otherwise.
 */
final class YamlEmitter {
  private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z0-9_/.$(][A-Za-z0-9_/.:@+=,()$ -]*");

  private YamlEmitter() {}

  static void emit(Object tree, StringBuilder sb) {
    if (tree instanceof Map<?, ?> m && !m.isEmpty()) {
      mapBody(m, 0, sb);
    } else if (tree instanceof List<?> l && !l.isEmpty()) {
      listBody(l, 0, sb);
    } else {
      sb.append(inline(tree, 0)).append('\n');
    }
  }

  private static void mapBody(Map<?, ?> map, int indent, StringBuilder sb) {
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!first) {
        pad(sb, indent);
      }
      first = false;
      sb.append(key((String) e.getKey())).append(':');
      value(e.getValue(), indent, sb, true);
    }
  }

  private static void listBody(List<?> list, int indent, StringBuilder sb) {
    boolean first = true;
    for (Object item : list) {
      if (!first) {
        pad(sb, indent);
      }
      first = false;
      sb.append('-');
      if (item instanceof Map<?, ?> m && !m.isEmpty()) {
        sb.append(' ');
        mapBody(m, indent + 2, sb);
      } else if (item instanceof List<?> l && !l.isEmpty()) {
        sb.append(' ');
        listBody(l, indent + 2, sb);
      } else {
        sb.append(' ').append(inline(item, indent + 2)).append('\n');
      }
    }
  }

  /** Writes what follows "key:" (a space and a scalar, or a newline and a nested block). */
  private static void value(Object v, int indent, StringBuilder sb, boolean inMap) {
    if (v instanceof Map<?, ?> m && !m.isEmpty()) {
      sb.append('\n');
      pad(sb, indent + 2);
      mapBody(m, indent + 2, sb);
    } else if (v instanceof List<?> l && !l.isEmpty()) {
      sb.append('\n');
      pad(sb, indent);
      listBody(l, indent, sb);
    } else {
      sb.append(' ').append(inline(v, indent + 2)).append('\n');
    }
  }

  private static String inline(Object v, int indent) {
    if (v == null) {
      return "null";
    } else if (v instanceof Map<?, ?>) {
      return "{}";
    } else if (v instanceof List<?>) {
      return "[]";
    } else if (v instanceof String s) {
      return scalarString(s, indent);
    } else {
      return String.valueOf(v);
    }
  }

  private static String key(String s) {
    return isPlainSafe(s) ? s : doubleQuoted(s);
  }

  private static String scalarString(String s, int indent) {
    if (isPlainSafe(s)) {
      return s;
    }
    if (s.indexOf('\n') >= 0 && isLiteralSafe(s)) {
      StringBuilder sb = new StringBuilder(s.endsWith("\n") ? "|" : "|-");
      String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
      for (String line : body.split("\n", -1)) {
        sb.append('\n');
        if (!line.isEmpty()) {
          sb.append(" ".repeat(indent)).append(line);
        }
      }
      return sb.toString();
    }
    return doubleQuoted(s);
  }

  private static boolean isPlainSafe(String s) {
    return !s.isEmpty()
        && PLAIN_SAFE.matcher(s).matches()
        && !s.endsWith(" ")
        && !s.contains(": ")
        && !s.endsWith(":")
        && !s.contains(" #")
        && !s.startsWith("- ")
        && !Scalars.needsQuotes(s)
        && !looksLikeTimestamp(s);
  }

  private static boolean looksLikeTimestamp(String s) {
    return s.length() >= 8 && Character.isDigit(s.charAt(0)) && s.matches("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*");
  }

  private static boolean isLiteralSafe(String s) {
    if (s.startsWith(" ") || s.startsWith("\n") || s.endsWith("\n\n")) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\n') || c == 0x7f || c == '\uFEFF') {
        return false;
      }
    }
    for (String line : s.split("\n", -1)) {
      if (line.endsWith(" ") || line.endsWith("\t")) {
        return false;
      }
    }
    return true;
  }

  private static String doubleQuoted(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xA0) || c == '\uFEFF'
              || Character.isSurrogate(c) && !validSurrogatePair(s, i)) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private static boolean validSurrogatePair(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  private static void pad(StringBuilder sb, int indent) {
    sb.append(" ".repeat(indent));
  }
}
