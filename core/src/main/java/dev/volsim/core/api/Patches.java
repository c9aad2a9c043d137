package dev.volsim.core.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * JSON merge patch (RFC 7386) and JSON patch (RFC 6902) on plain trees ({@code Map}, {@code List},
 * scalars), as {@code kubectl patch --type merge|json} applies them. Inputs are not changed.
 */
public final class Patches {
  private Patches() {}

  /** RFC 7386: maps merge recursively, null removes, anything else replaces. */
  public static Object mergePatch(Object target, Object patch) {
    if (!(patch instanceof Map<?, ?> p)) {
      return patch;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (target instanceof Map<?, ?> t) {
      t.forEach((k, v) -> out.put((String) k, v));
    }
    for (Map.Entry<?, ?> e : p.entrySet()) {
      String k = (String) e.getKey();
      if (e.getValue() == null) {
        out.remove(k);
      } else {
        out.put(k, mergePatch(out.get(k), e.getValue()));
      }
    }
    return out;
  }

  /**
   * RFC 6902: a list of {@code {op, path, value, from}} operations ({@code add}, {@code remove},
   * {@code replace}, {@code move}, {@code copy}, {@code test}) applied in order.
   *
   * @throws ApiException BadRequest when an operation does not apply, with the reason
   */
  public static Object jsonPatch(Object target, Object operations) {
    if (!(operations instanceof List<?> ops)) {
      throw ApiException.badRequest("json patch must be a list of operations");
    }
    Object doc = deepCopy(target);
    for (Object o : ops) {
      if (!(o instanceof Map<?, ?> op)) {
        throw ApiException.badRequest("json patch operation must be an object");
      }
      String name = String.valueOf(op.get("op"));
      String path = op.get("path") == null ? null : String.valueOf(op.get("path"));
      if (path == null) {
        throw ApiException.badRequest("json patch operation \"" + name + "\" has no path");
      }
      switch (name) {
        case "add" -> doc = add(doc, path, deepCopy(op.get("value")));
        case "remove" -> doc = remove(doc, path);
        case "replace" -> {
          get(doc, path);
          doc = add(remove(doc, path), path, deepCopy(op.get("value")));
        }
        case "move" -> {
          String from = String.valueOf(op.get("from"));
          Object v = get(doc, from);
          doc = add(remove(doc, from), path, v);
        }
        case "copy" -> doc = add(doc, path, deepCopy(get(doc, String.valueOf(op.get("from")))));
        case "test" -> {
          if (!Objects.equals(normalise(get(doc, path)), normalise(op.get("value")))) {
            throw ApiException.badRequest("testing value " + path + " failed");
          }
        }
        default -> throw ApiException.badRequest("Unexpected kind: " + name);
      }
    }
    return doc;
  }

  private static Object normalise(Object v) {
    if (v instanceof Number n) {
      return new java.math.BigDecimal(n.toString()).stripTrailingZeros();
    }
    return v;
  }

  private static List<String> tokens(String pointer) {
    if (pointer.isEmpty()) {
      return List.of();
    }
    if (!pointer.startsWith("/")) {
      throw ApiException.badRequest("JSON pointer must be empty or start with a \"/\": " + pointer);
    }
    List<String> out = new ArrayList<>();
    for (String t : pointer.substring(1).split("/", -1)) {
      out.add(t.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  private static Object get(Object doc, String pointer) {
    Object cur = doc;
    for (String t : tokens(pointer)) {
      cur = child(cur, t, pointer);
    }
    return cur;
  }

  private static Object child(Object cur, String token, String pointer) {
    if (cur instanceof Map<?, ?> m) {
      if (!m.containsKey(token)) {
        throw ApiException.badRequest("doc is missing path: \"" + pointer + "\"");
      }
      return m.get(token);
    } else if (cur instanceof List<?> l) {
      int i = index(token, l.size() - 1, pointer);
      return l.get(i);
    }
    throw ApiException.badRequest("doc is missing path: \"" + pointer + "\"");
  }

  private static int index(String token, int max, String pointer) {
    try {
      int i = Integer.parseInt(token);
      if (i < 0 || i > max) {
        throw ApiException.badRequest("unable to access invalid index: " + i + " in " + pointer);
      }
      return i;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("invalid array index " + FieldQuote.q(token) + " in " + pointer);
    }
  }

  @SuppressWarnings("unchecked")
  private static Object add(Object doc, String pointer, Object value) {
    List<String> toks = tokens(pointer);
    if (toks.isEmpty()) {
      return value;
    }
    Object parent = doc;
    for (String t : toks.subList(0, toks.size() - 1)) {
      parent = child(parent, t, pointer);
    }
    String last = toks.get(toks.size() - 1);
    if (parent instanceof Map<?, ?> m) {
      ((Map<String, Object>) m).put(last, value);
    } else if (parent instanceof List<?> l) {
      List<Object> list = (List<Object>) l;
      if (last.equals("-")) {
        list.add(value);
      } else {
        list.add(index(last, list.size(), pointer), value);
      }
    } else {
      throw ApiException.badRequest("doc is missing path: \"" + pointer + "\"");
    }
    return doc;
  }

  @SuppressWarnings("unchecked")
  private static Object remove(Object doc, String pointer) {
    List<String> toks = tokens(pointer);
    if (toks.isEmpty()) {
      return null;
    }
    Object parent = doc;
    for (String t : toks.subList(0, toks.size() - 1)) {
      parent = child(parent, t, pointer);
    }
    String last = toks.get(toks.size() - 1);
    if (parent instanceof Map<?, ?> m) {
      if (!m.containsKey(last)) {
        throw ApiException.badRequest("Unable to remove nonexistent key: " + last + ": missing value");
      }
      ((Map<String, Object>) m).remove(last);
    } else if (parent instanceof List<?> l) {
      ((List<Object>) l).remove(index(last, l.size() - 1, pointer));
    } else {
      throw ApiException.badRequest("doc is missing path: \"" + pointer + "\"");
    }
    return doc;
  }

  private static Object deepCopy(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), deepCopy(x)));
      return out;
    } else if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object x : l) {
        out.add(deepCopy(x));
      }
      return out;
    }
    return v;
  }

  /** Go's %q for messages. */
  private static final class FieldQuote {
    static String q(String s) {
      return dev.volsim.model.validation.FieldError.quote(s);
    }
  }
}
