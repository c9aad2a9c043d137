package dev.volsim.core.engine;

import java.time.Duration;

/**
 * Virtual time is a count of microseconds since the simulation began. These helpers convert it
 * to {@link Duration}s and print it the way the timeline does ({@code +12.300s}).
 */
public final class Durations {
  private Durations() {}

  /** Microseconds in a duration, saturating at {@link Long#MAX_VALUE}. */
  public static long toMicros(Duration d) {
    try {
      return Math.multiplyExact(d.getSeconds(), 1_000_000L) + d.getNano() / 1_000;
    } catch (ArithmeticException e) {
      return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  public static Duration ofMicros(long micros) {
    return Duration.ofSeconds(micros / 1_000_000L, (micros % 1_000_000L) * 1_000L);
  }

  /** {@code +12.300s}: seconds with milliseconds, as the timeline prints times. */
  public static String format(long micros) {
    long millis = Math.floorDiv(micros, 1_000L);
    return String.format("+%d.%03ds", millis / 1000, millis % 1000);
  }

  /**
   * Parses a Go-style duration as scenario files and Kubernetes flags write them: {@code 500ms},
   * {@code 30s}, {@code 6m}, {@code 1h30m}, {@code 1.5s}, {@code 100us}, {@code 0}.
   *
   * @throws IllegalArgumentException with Go's wording ({@code time: invalid duration "x"})
   */
  public static Duration parse(String text) {
    String s = text.strip();
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("time: invalid duration \"" + text + "\"");
    }
    boolean negative = s.startsWith("-");
    if (negative || s.startsWith("+")) {
      s = s.substring(1);
    }
    long nanos = 0;
    int i = 0;
    if (s.isEmpty()) {
      throw new IllegalArgumentException("time: invalid duration \"" + text + "\"");
    }
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      if (start == i) {
        throw new IllegalArgumentException("time: invalid duration \"" + text + "\"");
      }
      java.math.BigDecimal number;
      try {
        number = new java.math.BigDecimal(s.substring(start, i));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("time: invalid duration \"" + text + "\"");
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      String unit = s.substring(unitStart, i);
      long unitNanos = switch (unit) {
        case "ns" -> 1L;
        case "us", "µs", "μs" -> 1_000L;
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        case "h" -> 3_600_000_000_000L;
        case "" -> throw new IllegalArgumentException("time: missing unit in duration \"" + text + "\"");
        default -> throw new IllegalArgumentException(
            "time: unknown unit \"" + unit + "\" in duration \"" + text + "\"");
      };
      try {
        nanos = Math.addExact(nanos, number.multiply(java.math.BigDecimal.valueOf(unitNanos))
            .setScale(0, java.math.RoundingMode.DOWN).longValueExact());
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("time: invalid duration \"" + text + "\"");
      }
    }
    return Duration.ofNanos(negative ? -nanos : nanos);
  }

  /** Go's {@code Duration.String()}: {@code 1h30m0s}, {@code 500ms}, {@code 2m3s}. */
  public static String formatGo(Duration d) {
    long nanos = d.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    if (nanos < 0) {
      sb.append('-');
      nanos = -nanos;
    }
    if (nanos < 1_000_000_000L) {
      if (nanos < 1_000L) {
        return sb.append(nanos).append("ns").toString();
      } else if (nanos < 1_000_000L) {
        return sb.append(trim(nanos / 1_000.0)).append("µs").toString();
      } else {
        return sb.append(trim(nanos / 1_000_000.0)).append("ms").toString();
      }
    }
    long hours = nanos / 3_600_000_000_000L;
    long rest = nanos % 3_600_000_000_000L;
    long minutes = rest / 60_000_000_000L;
    double seconds = (rest % 60_000_000_000L) / 1e9;
    if (hours > 0) {
      sb.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      sb.append(minutes).append('m');
    }
    return sb.append(trim(seconds)).append('s').toString();
  }

  private static String trim(double v) {
    String s = java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    return s;
  }
}
