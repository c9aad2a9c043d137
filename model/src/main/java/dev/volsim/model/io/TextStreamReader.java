package dev.volsim.model.io;

import java.io.StringReader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's character source over text already in memory, with constant-time look-ahead.
 *
 * <p>SnakeYAML's own {@link StreamReader} reads 1,024 characters at a time and copies its whole
 * look-ahead window on every read, so scanning one long token (a one-line value of a few MiB,
 * such as a base64 blob or a hostile 50 MiB scalar) takes time quadratic in its length: about 20
 * seconds for 4 MiB. This reader holds the text itself and keeps exactly the same line, column,
 * index and document-index accounting, so marks and the code-point limit behave as before.
 *
 * <p>It does not check for non-printable characters: {@link TreeReader} does that before
 * scanning. Not thread-safe.
 */
final class TextStreamReader extends StreamReader {
  private static final String NAME = "'reader'";
  private static final int SNIPPET = 80;

  /** The text when it has no surrogate pairs (one char per code point); else null. */
  private final String text;
  /** The code points when the text has surrogate pairs; else null. */
  private final int[] points;
  private final int length;
  private int pointer;
  private int index;
  private int documentIndex;
  private int line;
  private int column;

  TextStreamReader(String text) {
    super(new StringReader(""));
    boolean surrogates = false;
    for (int i = 0; i < text.length() && !surrogates; i++) {
      surrogates = Character.isSurrogate(text.charAt(i));
    }
    if (surrogates) {
      this.text = null;
      this.points = text.codePoints().toArray();
      this.length = points.length;
    } else {
      this.text = text;
      this.points = null;
      this.length = text.length();
    }
  }

  private int at(int i) {
    return text != null ? text.charAt(i) : points[i];
  }

  @Override
  public Mark getMark() {
    int from = Math.max(0, pointer - SNIPPET);
    int to = Math.min(length, pointer + SNIPPET);
    int[] window = new int[to - from];
    for (int i = from; i < to; i++) {
      window[i - from] = at(i);
    }
    return new Mark(NAME, index, line, column, window, pointer - from);
  }

  @Override
  public void forward() {
    forward(1);
  }

  @Override
  public void forward(int n) {
    for (int i = 0; i < n && pointer < length; i++) {
      int c = at(pointer++);
      index++;
      documentIndex++;
      if (Constant.LINEBR.has(c) || (c == '\r' && pointer < length && at(pointer) != '\n')) {
        line++;
        column = 0;
      } else if (c != 0xFEFF) {
        column++;
      }
    }
  }

  @Override
  public int peek() {
    return pointer < length ? at(pointer) : '\0';
  }

  @Override
  public int peek(int offset) {
    int i = pointer + offset;
    return i >= 0 && i < length ? at(i) : '\0';
  }

  @Override
  public String prefix(int n) {
    if (n <= 0) {
      return "";
    }
    int end = Math.min(length, pointer + n);
    if (text != null) {
      return text.substring(pointer, end);
    }
    return new String(points, pointer, end - pointer);
  }

  @Override
  public String prefixForward(int n) {
    String prefix = prefix(n);
    pointer += n;
    index += n;
    documentIndex += n;
    column += n; // a prefix never holds a line break
    return prefix;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public int getDocumentIndex() {
    return documentIndex;
  }

  @Override
  public void resetDocumentIndex() {
    documentIndex = 0;
  }

  @Override
  public int getIndex() {
    return index;
  }

  @Override
  public int getLine() {
    return line;
  }
}
