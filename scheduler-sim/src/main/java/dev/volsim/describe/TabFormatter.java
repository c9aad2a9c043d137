package dev.volsim.describe;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code text/tabwriter} as kubectl's {@code tabbedString} configures it (minwidth 0, tabwidth
 * 8, padding 2, pad character space, no flags): tab-terminated cells of consecutive lines form a
 * column block whose cells are padded to the widest cell plus two. The last cell of a line is not
 * part of any column.
 */
final class TabFormatter {
  private static final int PADDING = 2;

  private final List<List<String>> lines = new ArrayList<>();
  private final List<Integer> widths = new ArrayList<>();
  private final StringBuilder out = new StringBuilder();

  private TabFormatter(String text) {
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    for (String line : body.split("\n", -1)) {
      lines.add(List.of(line.split("\t", -1)));
    }
  }

  /** The text with its tabs turned into aligned padding. */
  static String format(String text) {
    if (text.isEmpty()) {
      return text;
    }
    TabFormatter f = new TabFormatter(text);
    f.format(0, f.lines.size());
    return f.out.toString();
  }

  /** tabwriter's recursive {@code format}: finds the column blocks of the current column. */
  private void format(int line0, int line1) {
    int column = widths.size();
    for (int current = line0; current < line1; current++) {
      if (column >= lines.get(current).size() - 1) {
        continue;
      }
      writeLines(line0, current);
      line0 = current;
      int width = 0;
      for (; current < line1; current++) {
        List<String> line = lines.get(current);
        if (column >= line.size() - 1) {
          break;
        }
        width = Math.max(width, line.get(column).codePointCount(0, line.get(column).length()) + PADDING);
      }
      widths.add(width);
      format(line0, current);
      widths.remove(widths.size() - 1);
      line0 = current;
      current--;
    }
    writeLines(line0, line1);
  }

  private void writeLines(int line0, int line1) {
    for (int i = line0; i < line1; i++) {
      List<String> line = lines.get(i);
      for (int j = 0; j < line.size(); j++) {
        String cell = line.get(j);
        out.append(cell);
        if (j < widths.size()) {
          out.append(" ".repeat(Math.max(0, widths.get(j) - cell.codePointCount(0, cell.length()))));
        }
      }
      out.append('\n');
    }
  }
}
