package dev.volsim.model.io;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.io.YNode.Entry;
import dev.volsim.model.io.YNode.ScalarKind;
import dev.volsim.model.io.YNode.YList;
import dev.volsim.model.io.YNode.YMap;
import dev.volsim.model.io.YNode.YScalar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversions between located trees ({@link YNode}) and plain trees ({@code Map}, {@code List},
 * {@code String}, {@code Long}, {@code BigDecimal}, {@code Boolean}, null), the form patches and
 * the writer work on.
 */
public final class Trees {
  private Trees() {}

  /** A located tree of a plain one, every node at {@code location}. */
  public static YNode fromPlain(Object value, Location location) {
    if (value instanceof Map<?, ?> map) {
      ImmutableList.Builder<Entry> entries = ImmutableList.builder();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        entries.add(new Entry(String.valueOf(e.getKey()), location, fromPlain(e.getValue(), location)));
      }
      return new YMap(location, entries.build());
    } else if (value instanceof List<?> list) {
      ImmutableList.Builder<YNode> items = ImmutableList.builder();
      for (Object o : list) {
        items.add(fromPlain(o, location));
      }
      return new YList(location, items.build());
    } else if (value == null) {
      return new YScalar(location, "null", ScalarKind.NULL);
    } else if (value instanceof Boolean b) {
      return new YScalar(location, b.toString(), ScalarKind.BOOL);
    } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger
        || value instanceof Short || value instanceof Byte) {
      return new YScalar(location, value.toString(), ScalarKind.INT);
    } else if (value instanceof Number n) {
      BigDecimal d = new BigDecimal(n.toString());
      if (d.stripTrailingZeros().scale() <= 0 && !(value instanceof Double || value instanceof Float)) {
        return new YScalar(location, d.toBigInteger().toString(), ScalarKind.INT);
      }
      return new YScalar(location, n.toString(), ScalarKind.FLOAT);
    } else {
      return new YScalar(location, value.toString(), ScalarKind.STRING);
    }
  }

  /** The plain tree of a located one: mappings keep document order (a later duplicate wins). */
  public static Object toPlain(YNode node) {
    if (node instanceof YMap map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Entry e : map.entries()) {
        out.put(e.key(), toPlain(e.value()));
      }
      return out;
    } else if (node instanceof YList list) {
      List<Object> out = new ArrayList<>(list.items().size());
      for (YNode item : list.items()) {
        out.add(toPlain(item));
      }
      return out;
    } else {
      YScalar s = (YScalar) node;
      return switch (s.kind()) {
        case NULL -> null;
        case BOOL -> {
          String t = s.text().toLowerCase(java.util.Locale.ROOT);
          yield t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y");
        }
        case INT -> {
          BigInteger v = Scalars.parseInt(s.text());
          yield v == null ? s.text() : v.bitLength() < 64 ? (Object) v.longValue() : v;
        }
        case FLOAT -> {
          try {
            yield new BigDecimal(s.text().replace("_", ""));
          } catch (NumberFormatException e) {
            yield s.text();
          }
        }
        case STRING -> s.text();
      };
    }
  }
}
