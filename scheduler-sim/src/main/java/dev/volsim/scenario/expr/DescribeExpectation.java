package dev.volsim.scenario.expr;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.volsim.describe.Describer;
import dev.volsim.model.KubeObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code {describe: R, contains: [lines]}}: each given line equals a line of the
 * {@code kubectl describe} text of R ({@link Describer}), ignoring leading and trailing spaces and
 * counting runs of spaces as one. A failure lists the lines not found and shows the text.
 *
 * @param object the object reference as written (may hold {@code ${...}})
 * @param lines the lines as written (may hold {@code ${...}})
 */
public record DescribeExpectation(String object, ImmutableList<String> lines) implements Expectation {
  public DescribeExpectation {
    requireNonNull(object, "object is null");
    lines = ImmutableList.copyOf(lines);
  }

  @Override
  public Outcome evaluate(ExpectationContext ctx) throws ExprException {
    Interpolator in = ctx.interpolator();
    String written = in.interpolate(object).strip();
    ObjectRef ref = ObjectRef.parse(written);
    List<String> wanted = new ArrayList<>();
    for (String line : lines) {
      wanted.add(in.interpolate(line));
    }
    String expected = "kubectl describe " + written + " shows " + Texts.quote(String.join("\", \"", wanted))
        .replace("\\\"", "\"");
    Optional<KubeObject> found = ref.find(ctx.api());
    if (found.isEmpty()) {
      return Outcome.fails(expected, ref.notFoundMessage());
    }
    String text = new Describer(ctx.api()).describe(found.get());
    Set<String> shown = new HashSet<>();
    for (String line : text.split("\n")) {
      shown.add(normalize(line));
    }
    List<String> missing = new ArrayList<>();
    for (String line : wanted) {
      if (!shown.contains(normalize(line))) {
        missing.add(line);
      }
    }
    if (missing.isEmpty()) {
      return Outcome.holds(expected, "every line shown");
    }
    return Outcome.fails(expected, "no line " + String.join(", no line ", missing.stream().map(Texts::quote).toList())
        + " in the text:\n" + text);
  }

  /** Leading and trailing spaces dropped, runs of white space as one space. */
  static String normalize(String line) {
    return line.strip().replaceAll("\\s+", " ");
  }

  @Override
  public String describe() {
    return "kubectl describe " + object + " shows " + lines;
  }
}
