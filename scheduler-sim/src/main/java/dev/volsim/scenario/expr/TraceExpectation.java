package dev.volsim.scenario.expr;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Preconditions;
import dev.volsim.core.trace.TraceEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code {trace: matcher, count: N}} (or {@code atLeast: N}, {@code never: true}, or none of them:
 * at least one): how many trace entries so far match.
 *
 * @param matcher which entries count
 * @param count the exact number expected, or null
 * @param atLeast the least number expected, or null
 * @param never whether no entry may match
 */
public record TraceExpectation(TraceMatcher matcher, Long count, Long atLeast, boolean never) implements Expectation {
  public TraceExpectation {
    requireNonNull(matcher, "matcher is null");
    Preconditions.checkArgument((count != null ? 1 : 0) + (atLeast != null ? 1 : 0) + (never ? 1 : 0) <= 1,
        "at most one of count, atLeast and never");
  }

  @Override
  public Outcome evaluate(ExpectationContext ctx) throws ExprException {
    TraceMatcher m = matcher.interpolate(ctx.interpolator());
    List<TraceEntry> matching = new ArrayList<>();
    for (TraceEntry e : ctx.trace()) {
      if (m.matches(e)) {
        matching.add(e);
      }
    }
    long n = matching.size();
    boolean holds = never ? n == 0 : count != null ? n == count : n >= (atLeast == null ? 1 : atLeast);
    return Outcome.of(holds, expectation() + " matching " + m, actual(m, matching, ctx.trace()));
  }

  private static String actual(TraceMatcher m, List<TraceEntry> matching, List<TraceEntry> trace) {
    if (matching.isEmpty()) {
      String type = m.values().get("type");
      if (type == null) {
        return "none";
      }
      List<String> sameType = new ArrayList<>();
      for (TraceEntry e : trace) {
        if (type.equals(e.type())) {
          sameType.add(Texts.entry(e));
        }
      }
      return sameType.isEmpty() ? "none (no " + type + " entry at all)"
          : "none (" + type + " entries: " + Texts.names(sameType, 3) + ")";
    }
    List<String> shown = new ArrayList<>();
    for (TraceEntry e : matching) {
      shown.add(Texts.entry(e));
    }
    return matching.size() + ": " + Texts.names(shown, 3);
  }

  private String expectation() {
    if (never) {
      return "no trace entry";
    } else if (count != null) {
      return count + (count == 1 ? " trace entry" : " trace entries");
    } else {
      long n = atLeast == null ? 1 : atLeast;
      return "at least " + n + (n == 1 ? " trace entry" : " trace entries");
    }
  }

  @Override
  public String describe() {
    return expectation() + " matching " + matcher;
  }
}
