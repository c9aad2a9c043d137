package dev.volsim.describe;

/**
 * kubectl's {@code PrefixWriter} over a tab writer: {@code write(level, text)} indents by two spaces
 * per level; tabs in the text separate aligned columns. {@link #text()} gives the formatted result.
 */
final class DescribeWriter {
  static final int LEVEL_0 = 0;
  static final int LEVEL_1 = 1;
  static final int LEVEL_2 = 2;
  static final int LEVEL_3 = 3;
  static final int LEVEL_4 = 4;

  private final StringBuilder raw = new StringBuilder();

  /** Writes {@code text} (printf-formatted with {@code args} when there are any) indented by {@code level}. */
  DescribeWriter write(int level, String text, Object... args) {
    raw.append("  ".repeat(level)).append(args.length == 0 ? text : String.format(java.util.Locale.ROOT, text, args));
    return this;
  }

  /** {@code WriteLine}: the values joined by spaces, then a newline. */
  DescribeWriter line(String text) {
    raw.append(text).append('\n');
    return this;
  }

  /** The text as kubectl prints it: tab-separated columns aligned. */
  String text() {
    return TabFormatter.format(raw.toString());
  }
}
