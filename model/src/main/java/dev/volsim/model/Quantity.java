package dev.volsim.model;

import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 1.5Gi}, {@code 1e3}), with the parsing,
 * rounding and serialisation of the API server's {@code resource.Quantity}
 * (k8s.io/apimachinery/pkg/api/resource).
 *
 * <h2>Grammar</h2>
 *
 * <pre>
 * quantity        ::= signedNumber suffix
 * signedNumber    ::= number | ("+" | "-") number
 * number          ::= digits | digits "." digits | digits "." | "." digits
 * suffix          ::= binarySI | decimalSI | decimalExponent
 * binarySI        ::= Ki | Mi | Gi | Ti | Pi | Ei              (powers of 1024)
 * decimalSI       ::= n | u | m | "" | k | M | G | T | P | E  (powers of 1000)
 * decimalExponent ::= ("e" | "E") signedNumber                (power of ten, integer)
 * </pre>
 *
 * <p>Like upstream, the scanner is more permissive than this grammar in a few places, and this
 * class accepts exactly what upstream accepts: a suffix with no number ({@code "Gi"}, {@code
 * "m"}, a lone {@code "-"}) is zero, and {@code "1."} and {@code "1.G"} are accepted. No
 * whitespace is accepted anywhere.
 *
 * <h2>Value and rounding</h2>
 *
 * <p>The value is an exact decimal, never a floating-point number. On parsing, a non-zero value
 * with more than nine fractional digits is rounded away from zero to a multiple of 10<sup>-9</sup>
 * ({@code "0.1n"} is {@code 1n}, so a request for "a little" never becomes nothing); a binary
 * ({@code Ki}...{@code Ei}) value is capped at 2<sup>63</sup>-1 in magnitude; and a binary value
 * whose magnitude is below one is re-labelled {@link Format#DECIMAL_SI}. The factories ({@link
 * #of(BigDecimal, Format)} and friends) and the arithmetic do not round or cap.
 *
 * <h2>Format and serialisation</h2>
 *
 * <p>A quantity remembers which {@link Format} it was written in. {@link #toString()} writes the
 * value in that format in canonical form: no fractional digits, the largest suffix that loses no
 * precision, and a sign only when negative ({@code "1.5Gi"} is written {@code "1536Mi"}, {@code
 * "0.5"} is written {@code "500m"}). A {@link Format#BINARY_SI} value below 1024 in magnitude or
 * with a fractional part is written in {@link Format#DECIMAL_SI}.
 *
 * <p>Exactly as upstream, a parsed string that upstream's fast path judges canonical is written
 * back verbatim. That judgement has known gaps, so a few non-canonical spellings survive a round
 * trip unchanged: {@code "+1"}, {@code "01"}, {@code "1E3"}, {@code "1e+3"}, {@code "1.G"} and
 * decimals with a multiple of three fractional digits such as {@code "1.001"} (kubernetes issue
 * 138165). Any arithmetic result is written canonically.
 *
 * <p>One deliberate difference from the mirrored upstream source: where no suffix exists for the
 * magnitude (decimal above {@code E}, below {@code n}, or binary above {@code Ei}), the value is
 * written with a decimal exponent ({@code "1e21"}) instead of silently dropping the suffix (which
 * wrote 10<sup>21</sup> as {@code "1"}); this is the fix merged upstream as kubernetes pull request
 * 140459.
 *
 * <h2>Equality and order</h2>
 *
 * <p>{@link #equals(Object)} compares canonical serialisations: {@code 1000m} equals {@code 1} and
 * {@code 1.001} equals {@code 1001m}, but {@code 1Ki} and {@code 1024} (same value, different
 * format) are not equal. So a quantity survives a trip through YAML or JSON: {@code
 * parse(q.toString())} equals {@code q} for every parsed quantity, and for every computed one that
 * parsing would not round or cap (finer than 10<sup>-9</sup>, or binary beyond 2<sup>63</sup>-1).
 * {@link #compareTo(Quantity)} compares values only, so, as with {@link BigDecimal}, the natural
 * order is not consistent with equals: {@code 1Ki} and {@code 1024} compare as 0. Sort and compare
 * amounts with {@code compareTo}; use {@code equals} for "would serialise the same".
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class Quantity implements Comparable<Quantity> {

  /** How a quantity is written; see {@link Quantity#toString()}. */
  public enum Format {
    /** A power of ten written as an exponent: {@code 12e6}. Upstream's {@code DecimalExponent}. */
    DECIMAL_EXPONENT,
    /** Powers of 1024: {@code 12Mi} is 12 * 2<sup>20</sup>. Upstream's {@code BinarySI}. */
    BINARY_SI,
    /** Powers of 1000: {@code 12M} is 12 * 10<sup>6</sup>. Upstream's {@code DecimalSI}. */
    DECIMAL_SI
  }

  // Upstream's error texts, verbatim: API responses and validation messages quote them.
  private static final String FORMAT_WRONG =
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  private static final String NUMERIC_WRONG = "unable to parse numeric part of quantity";
  private static final String SUFFIX_WRONG = "unable to parse quantity's suffix";

  private static final String SUFFIX_CHARS = "eEinumkKMGTP";

  /** Decimal suffixes by power of ten. */
  private static final ImmutableMap<Integer, String> DECIMAL_SUFFIXES =
      ImmutableMap.<Integer, String>builder()
          .put(-9, "n")
          .put(-6, "u")
          .put(-3, "m")
          .put(0, "")
          .put(3, "k")
          .put(6, "M")
          .put(9, "G")
          .put(12, "T")
          .put(15, "P")
          .put(18, "E")
          .buildOrThrow();

  /** Binary suffixes by power of 1024. */
  private static final ImmutableMap<Integer, String> BINARY_SUFFIXES =
      ImmutableMap.of(1, "Ki", 2, "Mi", 3, "Gi", 4, "Ti", 5, "Pi", 6, "Ei");

  private static final BigDecimal NANO = BigDecimal.ONE.movePointLeft(9);
  private static final BigDecimal MAX_BINARY = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigDecimal BINARY_FLOOR = BigDecimal.valueOf(1024);

  /**
   * Beyond this many integer digits a binary value is written with a decimal exponent rather than
   * factored into powers of 1024: factoring would materialise an integer of that many digits, which
   * for a sum such as {@code 1Ki + 1e2000000000} never finishes. Parsing caps binary values, so
   * only such computed values are affected.
   */
  private static final long MAX_BINARY_DIGITS = 10_000;

  private final BigDecimal value;
  private final Format format;
  private final String text;
  private final String canonical;

  private Quantity(BigDecimal value, Format format, String verbatim) {
    this.value = stripTrailingZeros(value);
    this.format = format;
    this.canonical = canonicalize(this.value, format);
    this.text = verbatim != null ? verbatim : canonical;
  }

  // ---------------------------------------------------------------- factories

  /**
   * Parses a quantity exactly as the API server does, including its rounding and capping (see the
   * class documentation).
   *
   * @param s the quantity; leading or trailing whitespace is an error, as upstream
   * @return the quantity
   * @throws IllegalArgumentException with upstream's message, which is one of:
   *     <ul>
   *       <li>{@code "quantities must match the regular expression
   *           '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"} when {@code s} is empty or is not a
   *           number followed by suffix characters ({@code "1.1.1"}, {@code "1Qi"}, {@code "1 Gi"})
   *       <li>{@code "unable to parse quantity's suffix"} when it has that shape but the suffix is
   *           not a known one ({@code "1mi"}, {@code "--1"})
   *       <li>{@code "unable to parse numeric part of quantity"} when there are no digits and the
   *           exponent is below -9 ({@code "e-10"})
   *     </ul>
   * @throws NullPointerException if {@code s} is null
   */
  public static Quantity parse(String s) {
    Objects.requireNonNull(s, "s");
    if (s.isEmpty()) {
      throw new IllegalArgumentException(FORMAT_WRONG);
    }
    if (s.equals("0")) {
      return new Quantity(BigDecimal.ZERO, Format.DECIMAL_SI, s);
    }
    Parts parts = scan(s);
    Suffix suffix = interpret(parts.suffix());

    Quantity fast = parseFast(s, parts, suffix);
    return fast != null ? fast : parseSlow(parts, suffix);
  }

  /**
   * Parses like {@link #parse(String)} but reports failure as an empty result.
   *
   * @param s the quantity, or null
   * @return the quantity, or empty if {@code s} is null or not a valid quantity
   */
  public static Optional<Quantity> tryParse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(s));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * A whole number in the given format, like upstream's {@code NewQuantity}: {@code of(1024,
   * BINARY_SI)} is written {@code "1Ki"}, {@code of(1000, DECIMAL_SI)} is {@code "1k"}.
   *
   * @throws NullPointerException if {@code format} is null
   */
  public static Quantity of(long value, Format format) {
    return new Quantity(BigDecimal.valueOf(value), Objects.requireNonNull(format, "format"), null);
  }

  /**
   * A number of thousandths in the given format, like upstream's {@code NewMilliQuantity}: {@code
   * ofMilli(1500, DECIMAL_SI)} is written {@code "1500m"}.
   *
   * @throws NullPointerException if {@code format} is null
   */
  public static Quantity ofMilli(long milli, Format format) {
    return new Quantity(
        BigDecimal.valueOf(milli, 3), Objects.requireNonNull(format, "format"), null);
  }

  /**
   * A byte count, in {@link Format#BINARY_SI}: {@code ofBytes(1L << 30)} is written {@code "1Gi"};
   * like any binary value below 1Ki, {@code ofBytes(1000)} is written in decimal, {@code "1k"}.
   */
  public static Quantity ofBytes(long bytes) {
    return of(bytes, Format.BINARY_SI);
  }

  /**
   * An exact value in the given format, like upstream's {@code NewDecimalQuantity}. Unlike {@link
   * #parse(String)} this neither rounds to nano precision nor caps binary values.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Quantity of(BigDecimal value, Format format) {
    return new Quantity(
        Objects.requireNonNull(value, "value"), Objects.requireNonNull(format, "format"), null);
  }

  // ---------------------------------------------------------------- accessors

  /**
   * The exact value. Its scale is the smallest that represents it (trailing zeros are stripped),
   * so compare it with {@link BigDecimal#compareTo}, not {@code equals}.
   */
  public BigDecimal value() {
    return value;
  }

  /** The format this quantity is written in. */
  public Format format() {
    return format;
  }

  /** -1, 0 or 1 as the value is negative, zero or positive. */
  public int signum() {
    return value.signum();
  }

  /** Whether the value is zero, in whatever format. */
  public boolean isZero() {
    return value.signum() == 0;
  }

  /**
   * The value rounded to a whole number away from zero ({@code 1.1} is 2, {@code -1.1} is -2), as
   * upstream documents {@code Value()}.
   *
   * @throws ArithmeticException if the result does not fit in a {@code long}; upstream silently
   *     overflows instead
   */
  public long longValueCeil() {
    return toLongAwayFromZero(value);
  }

  /**
   * The value in thousandths, rounded away from zero ({@code 1n} is 1), as upstream documents
   * {@code MilliValue()}.
   *
   * @throws ArithmeticException if the result does not fit in a {@code long}; upstream silently
   *     overflows instead
   */
  public long milliValue() {
    return toLongAwayFromZero(value.movePointRight(3));
  }

  // ---------------------------------------------------------------- arithmetic

  /**
   * The exact sum. It keeps this quantity's format, unless this quantity is zero, in which case it
   * takes {@code other}'s, so that adding to an empty total keeps the addend's suffix (upstream's
   * {@code Add}).
   *
   * @throws ArithmeticException if the exact sum is beyond {@link BigDecimal}'s range, which needs
   *     operands some two billion orders of magnitude apart
   * @throws NullPointerException if {@code other} is null
   */
  public Quantity add(Quantity other) {
    return new Quantity(value.add(other.value), resultFormat(other), null);
  }

  /**
   * The exact difference, formatted as {@link #add(Quantity)} formats (upstream's {@code Sub}).
   *
   * @throws ArithmeticException as {@link #add(Quantity)}
   * @throws NullPointerException if {@code other} is null
   */
  public Quantity subtract(Quantity other) {
    return new Quantity(value.subtract(other.value), resultFormat(other), null);
  }

  /** The negated value in the same format. */
  public Quantity negate() {
    return new Quantity(value.negate(), format, null);
  }

  private Format resultFormat(Quantity other) {
    return isZero() ? other.format : format;
  }

  // ---------------------------------------------------------------- comparison and text

  /**
   * Compares values exactly, ignoring format: {@code 1Gi > 1G}, {@code 1000m == 1}. Not consistent
   * with {@link #equals(Object)}; see the class documentation.
   */
  @Override
  public int compareTo(Quantity other) {
    return value.compareTo(other.value);
  }

  /**
   * Whether {@code o} is a quantity with the same canonical serialisation: the same value and, for
   * values whose serialisation depends on it, the same format. See the class documentation.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Quantity q && canonical.equals(q.canonical);
  }

  @Override
  public int hashCode() {
    return canonical.hashCode();
  }

  /**
   * The string the API server would write for this quantity, as upstream's {@code String()}:
   * canonical form, except that a parsed string upstream judges canonical is returned verbatim (see
   * the class documentation). Parsing the result gives an equal quantity, within the limits stated
   * there.
   */
  @Override
  public String toString() {
    return text;
  }

  // ---------------------------------------------------------------- parsing

  /** The pieces upstream's scanner splits a quantity into; {@code value} is sign, num and denom. */
  private record Parts(boolean positive, String value, String num, String denom, String suffix) {}

  private record Suffix(int base, int exponent, Format format) {}

  /**
   * Splits {@code s} the way upstream's hand-written scanner does. Its quirks are load-bearing:
   * what it lets through decides which error a bad input gets and which odd inputs are accepted.
   */
  private static Parts scan(String s) {
    boolean positive = true;
    int pos = 0;
    int end = s.length();
    if (s.charAt(0) == '-') {
      positive = false;
      pos++;
    } else if (s.charAt(0) == '+') {
      pos++;
    }

    while (true) {
      if (pos >= end) {
        return new Parts(positive, "0", "0", "", "");
      }
      if (s.charAt(pos) != '0') {
        break;
      }
      pos++;
    }

    int i = pos;
    while (i < end && isDigit(s.charAt(i))) {
      i++;
    }
    if (i >= end) {
      return new Parts(positive, s, s.substring(pos), "", "");
    }
    String num = i == pos ? "0" : s.substring(pos, i);
    pos = i;

    String denom = "";
    if (s.charAt(pos) == '.') {
      pos++;
      i = pos;
      while (i < end && isDigit(s.charAt(i))) {
        i++;
      }
      denom = s.substring(pos, i);
      if (i >= end) {
        return new Parts(positive, s, num, denom, "");
      }
      pos = i;
    }
    String value = s.substring(0, pos);

    int suffixStart = pos;
    while (pos < end && SUFFIX_CHARS.indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
    if (pos < end && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
      pos++;
    }
    while (pos < end && isDigit(s.charAt(pos))) {
      pos++;
    }
    if (pos < end) {
      throw new IllegalArgumentException(FORMAT_WRONG);
    }
    return new Parts(positive, value, num, denom, s.substring(suffixStart));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static Suffix interpret(String suffix) {
    switch (suffix) {
      case "":
        return new Suffix(10, 0, Format.DECIMAL_SI);
      case "n":
        return new Suffix(10, -9, Format.DECIMAL_SI);
      case "u":
        return new Suffix(10, -6, Format.DECIMAL_SI);
      case "m":
        return new Suffix(10, -3, Format.DECIMAL_SI);
      case "k":
        return new Suffix(10, 3, Format.DECIMAL_SI);
      case "M":
        return new Suffix(10, 6, Format.DECIMAL_SI);
      case "G":
        return new Suffix(10, 9, Format.DECIMAL_SI);
      case "T":
        return new Suffix(10, 12, Format.DECIMAL_SI);
      case "P":
        return new Suffix(10, 15, Format.DECIMAL_SI);
      case "E":
        return new Suffix(10, 18, Format.DECIMAL_SI);
      case "Ki":
        return new Suffix(2, 10, Format.BINARY_SI);
      case "Mi":
        return new Suffix(2, 20, Format.BINARY_SI);
      case "Gi":
        return new Suffix(2, 30, Format.BINARY_SI);
      case "Ti":
        return new Suffix(2, 40, Format.BINARY_SI);
      case "Pi":
        return new Suffix(2, 50, Format.BINARY_SI);
      case "Ei":
        return new Suffix(2, 60, Format.BINARY_SI);
      default:
        break;
    }
    if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
      try {
        // Upstream reads the exponent as int64 and then truncates it to int32; keep the wrap so
        // that absurd exponents mean the same thing here as there.
        return new Suffix(10, (int) Long.parseLong(suffix.substring(1)), Format.DECIMAL_EXPONENT);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(SUFFIX_WRONG, e);
      }
    }
    throw new IllegalArgumentException(SUFFIX_WRONG);
  }

  /**
   * Upstream's int64 fast path. Its value is the same as the slow path's would be; it matters
   * because it alone keeps the input string verbatim, by upstream's rules for "already
   * canonical". Returns null where upstream falls through to the slow path. Arithmetic is in
   * {@code int} on purpose: it mirrors upstream's int32 including its wrap-around.
   */
  private static Quantity parseFast(String s, Parts parts, Suffix suffix) {
    int precision;
    int scale = 0;
    long mantissa = 1;
    if (suffix.format() == Format.BINARY_SI) {
      if (!parts.denom().isEmpty()) {
        return null;
      }
      mantissa = 1L << suffix.exponent();
      // 1Mi has about six decimal digits; exponent*3/10 approximates that the way upstream does.
      precision = 15 - parts.num().length() - suffix.exponent() * 3 / 10 - 1;
    } else {
      scale = suffix.exponent();
      precision = 18 - (parts.num().length() + parts.denom().length());
    }
    if (precision < 0) {
      return null;
    }
    scale -= parts.denom().length();
    if (scale < -9) {
      return null;
    }
    String shifted = parts.num() + parts.denom();
    long digits = Long.parseLong(shifted);
    long result;
    try {
      result = Math.multiplyExact(digits, mantissa);
    } catch (ArithmeticException overflow) {
      return null;
    }
    if (!parts.positive()) {
      result = -result;
    }
    boolean keepVerbatim =
        suffix.format() == Format.BINARY_SI
            ? suffix.exponent() % 10 == 0 && (digits & 0x07) != 0
            : scale % 3 == 0 && !shifted.endsWith("000") && shifted.charAt(0) != '0';
    return new Quantity(
        BigDecimal.valueOf(result, -scale), suffix.format(), keepVerbatim ? s : null);
  }

  /** Upstream's arbitrary-precision path: exact value, then round, cap and re-label. */
  private static Quantity parseSlow(Parts parts, Suffix suffix) {
    BigDecimal amount = parseDecimal(parts.value());
    if (amount == null) {
      throw new IllegalArgumentException(NUMERIC_WRONG);
    }
    if (suffix.base() == 10) {
      // int arithmetic on purpose: upstream's int32 scale wraps the same way.
      amount = new BigDecimal(amount.unscaledValue(), amount.scale() - suffix.exponent());
    } else {
      amount =
          new BigDecimal(
              amount.unscaledValue().shiftLeft(suffix.exponent()), amount.scale());
    }

    int sign = amount.signum();
    BigDecimal magnitude = amount.abs();
    Format format = suffix.format();
    if (sign != 0) {
      magnitude = roundUpToNano(magnitude);
    }
    if (format == Format.BINARY_SI && magnitude.compareTo(MAX_BINARY) > 0) {
      magnitude = MAX_BINARY;
    }
    if (format == Format.BINARY_SI && sign != 0 && magnitude.compareTo(BigDecimal.ONE) < 0) {
      format = Format.DECIMAL_SI;
    }
    return new Quantity(sign < 0 ? magnitude.negate() : magnitude, format, null);
  }

  /**
   * Rounds a positive value up to a multiple of 10<sup>-9</sup>, so that a tiny request still asks
   * for something. Values below one nano short-circuit: rounding 1e-2000000000 by division would
   * never finish.
   */
  private static BigDecimal roundUpToNano(BigDecimal positive) {
    if (positive.scale() <= 9) {
      return positive;
    }
    if ((long) positive.precision() - positive.scale() <= -9) {
      return NANO;
    }
    return positive.setScale(9, RoundingMode.UP);
  }

  /** Reads {@code [+-]digits[.digits]} as upstream's decimal library does; null if no digits. */
  private static BigDecimal parseDecimal(String s) {
    int i = 0;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      negative = s.charAt(0) == '-';
      i++;
    }
    StringBuilder digits = new StringBuilder(s.length());
    int point = -1;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.' && point < 0) {
        point = digits.length();
      } else if (isDigit(c)) {
        digits.append(c);
      } else {
        return null;
      }
    }
    if (digits.length() == 0) {
      return null;
    }
    BigInteger unscaled = new BigInteger(digits.toString());
    return new BigDecimal(
        negative ? unscaled.negate() : unscaled, point < 0 ? 0 : digits.length() - point);
  }

  // ---------------------------------------------------------------- formatting

  private static String canonicalize(BigDecimal v, Format format) {
    if (v.signum() == 0) {
      return "0";
    }
    if (format != Format.BINARY_SI) {
      return decimalForm(v, format);
    }
    // Binary suffixes only read well for whole numbers of at least 1Ki; anything else would need
    // rounding, so it is written in decimal instead.
    if (v.abs().compareTo(BINARY_FLOOR) < 0) {
      return decimalForm(v, Format.DECIMAL_SI);
    }
    if ((long) v.precision() - v.scale() > MAX_BINARY_DIGITS) {
      return decimalForm(v, Format.DECIMAL_EXPONENT);
    }
    BigDecimal whole = v.setScale(0, RoundingMode.UP);
    if (whole.compareTo(v) != 0) {
      return decimalForm(v, Format.DECIMAL_SI);
    }
    BigInteger integer = whole.unscaledValue();
    int powersOf1024 = integer.getLowestSetBit() / 10;
    if (powersOf1024 == 0) {
      return integer.toString();
    }
    String suffix = BINARY_SUFFIXES.get(powersOf1024);
    if (suffix == null) {
      return decimalForm(v, Format.DECIMAL_EXPONENT);
    }
    return integer.shiftRight(10 * powersOf1024) + suffix;
  }

  /**
   * Mantissa with no trailing zeros, then moved so the exponent is a multiple of three, then the
   * suffix for that exponent. The exponent is a {@code long} so that, unlike upstream's int32, it
   * cannot wrap: the text always denotes the value, however extreme.
   */
  private static String decimalForm(BigDecimal v, Format format) {
    BigDecimal stripped = new BigDecimal(v.unscaledValue()).stripTrailingZeros();
    BigInteger mantissa = stripped.unscaledValue();
    long exponent = -(long) v.scale() - stripped.scale();
    while (exponent % 3 != 0) {
      mantissa = mantissa.multiply(BigInteger.TEN);
      exponent--;
    }
    String suffix =
        format == Format.DECIMAL_SI && Math.abs(exponent) <= 18
            ? DECIMAL_SUFFIXES.get((int) exponent)
            : null;
    if (suffix == null) {
      suffix = exponent == 0 ? "" : "e" + exponent;
    }
    return mantissa + suffix;
  }

  // ---------------------------------------------------------------- helpers

  private static long toLongAwayFromZero(BigDecimal v) {
    if (v.signum() == 0) {
      return 0;
    }
    long integerDigits = (long) v.precision() - v.scale();
    if (integerDigits <= 0) {
      // |v| < 1: the answer is known without dividing by a possibly enormous power of ten.
      return v.signum();
    }
    if (integerDigits <= 19) {
      try {
        return v.setScale(0, RoundingMode.UP).longValueExact();
      } catch (ArithmeticException overflow) {
        // fall through to the uniform message
      }
    }
    throw new ArithmeticException("quantity does not fit in a long: " + v);
  }

  /**
   * Trailing zeros are stripped so that {@link #value()} is the same however the quantity was
   * spelled; a value whose scale is already at the int limit is kept as is, since stripping would
   * overflow the scale.
   */
  private static BigDecimal stripTrailingZeros(BigDecimal v) {
    try {
      return v.stripTrailingZeros();
    } catch (ArithmeticException scaleOverflow) {
      return v;
    }
  }
}
