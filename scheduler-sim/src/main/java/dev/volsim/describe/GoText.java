package dev.volsim.describe;

import dev.volsim.model.Quantity;
import dev.volsim.model.WireEnum;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How Go's {@code fmt} and apimachinery's helpers print values in kubectl's describe text. */
final class GoText {
  /** Go's {@code time.RFC1123Z}: {@code Mon, 02 Jan 2006 15:04:05 -0700}, in UTC as the simulation's clock. */
  private static final DateTimeFormatter RFC1123Z =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

  private GoText() {}

  static String rfc1123z(Instant t) {
    return t == null ? "Mon, 01 Jan 0001 00:00:00 +0000" : RFC1123Z.format(t);
  }

  /** {@code %v} of a value: a string as is, null as Go's zero value of a string, lists as {@code [a b]}. */
  static String v(Object o) {
    if (o == null) {
      return "";
    } else if (o instanceof WireEnum e) {
      return e.wire();
    } else if (o instanceof Quantity q) {
      return q.toString();
    } else if (o instanceof List<?> list) {
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        b.append(i == 0 ? "" : " ").append(v(list.get(i)));
      }
      return b.append(']').toString();
    } else if (o instanceof Map<?, ?> map) {
      StringBuilder b = new StringBuilder("map[");
      boolean first = true;
      for (Map.Entry<?, ?> e : new java.util.TreeMap<>(map).entrySet()) {
        b.append(first ? "" : " ").append(v(e.getKey())).append(':').append(v(e.getValue()));
        first = false;
      }
      return b.append(']').toString();
    }
    return String.valueOf(o);
  }

  /** {@code %v} of a pointer to a generated API struct: {@code nil}, or its {@code String()} form. */
  static String ref(String typeName, String... fieldsAndValues) {
    StringBuilder b = new StringBuilder("&").append(typeName).append('{');
    for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
      b.append(fieldsAndValues[i]).append(':').append(fieldsAndValues[i + 1] == null ? "" : fieldsAndValues[i + 1])
          .append(',');
    }
    return b.append('}').toString();
  }

  /**
   * apimachinery's {@code duration.HumanDuration}: a short age with two or three significant
   * figures ({@code 45s}, {@code 3m20s}, {@code 12m}, {@code 5h3m}, {@code 3d4h}).
   */
  static String humanDuration(Duration d) {
    long seconds = d.getSeconds();
    if (seconds < -1) {
      return "<invalid>";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < 60 * 2) {
      return seconds + "s";
    }
    long minutes = d.toMinutes();
    if (minutes < 10) {
      long s = seconds % 60;
      return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
    } else if (minutes < 60 * 3) {
      return minutes + "m";
    }
    long hours = d.toHours();
    if (hours < 8) {
      long m = minutes % 60;
      return m == 0 ? hours + "h" : hours + "h" + m + "m";
    } else if (hours < 48) {
      return hours + "h";
    } else if (hours < 24 * 8) {
      long h = hours % 24;
      return h == 0 ? (hours / 24) + "d" : (hours / 24) + "d" + h + "h";
    } else if (hours < 24 * 365 * 2) {
      return (hours / 24) + "d";
    } else if (hours < 24 * 365 * 8) {
      long dy = (hours / 24) % 365;
      return dy == 0 ? (hours / 24 / 365) + "y" : (hours / 24 / 365) + "y" + dy + "d";
    }
    return (hours / 24 / 365) + "y";
  }

  /** {@code translateTimestampSince}: the age of {@code t} at {@code now}, {@code <unknown>} without a time. */
  static String since(Instant t, Instant now) {
    return t == null ? "<unknown>" : humanDuration(Duration.between(t, now));
  }

  static String bool(boolean b) {
    return b ? "True" : "False";
  }

  /** Go's {@code %q} of a string: double-quoted with Go escapes. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
