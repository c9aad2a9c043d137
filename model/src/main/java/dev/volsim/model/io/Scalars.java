package dev.volsim.model.io;

import dev.volsim.model.io.YNode.ScalarKind;
import java.math.BigInteger;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Scalar resolution as Kubernetes' YAML reader does it (go-yaml, YAML 1.1 with Go's number
 * syntax): quoted scalars are strings; plain ones may be null, bools ({@code yes}, {@code on}),
 * ints ({@code 0644} octal, {@code 0x1f}, {@code 1_000}) or floats.
 */
public final class Scalars {
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

  private Scalars() {}

  static ScalarKind kindOf(ScalarNode node) {
    if (node.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
      return ScalarKind.STRING;
    }
    Tag tag = node.getTag();
    String text = node.getValue();
    if (tag.equals(Tag.NULL)) {
      return ScalarKind.NULL;
    } else if (tag.equals(Tag.BOOL)) {
      return ScalarKind.BOOL;
    } else if (tag.equals(Tag.INT)) {
      return parseInt(text) != null ? ScalarKind.INT : ScalarKind.STRING;
    } else if (tag.equals(Tag.FLOAT)) {
      return FLOAT.matcher(text.replace("_", "")).matches() ? ScalarKind.FLOAT : ScalarKind.STRING;
    } else {
      return ScalarKind.STRING;
    }
  }

  /**
   * The integer a YAML int scalar denotes with Go's prefixes ({@code 0x}, {@code 0o}, {@code 0b},
   * leading {@code 0} for octal) and underscores, or null if it is not one.
   */
  public static BigInteger parseInt(String text) {
    String s = text.replace("_", "");
    boolean negative = false;
    if (s.startsWith("-") || s.startsWith("+")) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.isEmpty()) {
      return null;
    }
    int radix = 10;
    if (s.startsWith("0x") || s.startsWith("0X")) {
      radix = 16;
      s = s.substring(2);
    } else if (s.startsWith("0o") || s.startsWith("0O")) {
      radix = 8;
      s = s.substring(2);
    } else if (s.startsWith("0b") || s.startsWith("0B")) {
      radix = 2;
      s = s.substring(2);
    } else if (s.length() > 1 && s.startsWith("0")) {
      radix = 8;
      s = s.substring(1);
    }
    if (s.isEmpty()) {
      return null;
    }
    try {
      BigInteger v = new BigInteger(s, radix);
      return negative ? v.negate() : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Whether a plain string would be read back as something other than a string. */
  public static boolean needsQuotes(String s) {
    if (s.isEmpty()) {
      return true;
    }
    String lower = s.toLowerCase(java.util.Locale.ROOT);
    switch (lower) {
      case "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n" -> {
        return true;
      }
      default -> { }
    }
    return parseInt(s) != null || FLOAT.matcher(s.replace("_", "")).matches();
  }
}
