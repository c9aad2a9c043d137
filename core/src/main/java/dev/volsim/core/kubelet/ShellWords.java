package dev.volsim.core.kubelet;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code sh -c} script into words as sh does for the simple scripts volsim understands:
 * single and double quotes, backslash escapes, and the operators {@code &&}, {@code ;},
 * {@code >}, {@code >>} and newlines as tokens of their own.
 */
final class ShellWords {
  private ShellWords() {}

  static List<String> split(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < script.length()) {
      char c = script.charAt(i);
      if (c == '\'') {
        int end = script.indexOf('\'', i + 1);
        end = end < 0 ? script.length() : end;
        word.append(script, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i++;
        while (i < script.length() && script.charAt(i) != '"') {
          if (script.charAt(i) == '\\' && i + 1 < script.length()) {
            i++;
          }
          word.append(script.charAt(i++));
        }
        inWord = true;
        i++;
      } else if (c == '\\' && i + 1 < script.length()) {
        word.append(script.charAt(i + 1));
        inWord = true;
        i += 2;
      } else if (c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '>' || c == '|') {
        if (inWord) {
          out.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        if (c == '\n' || c == ';') {
          out.add(c == '\n' ? "\n" : ";");
          i++;
        } else if (script.startsWith("&&", i) || script.startsWith(">>", i) || script.startsWith("||", i)) {
          out.add(script.substring(i, i + 2));
          i += 2;
        } else if (c == '>' || c == '&' || c == '|') {
          out.add(String.valueOf(c));
          i++;
        } else {
          i++;
        }
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      out.add(word.toString());
    }
    return out;
  }
}
