package dev.volsim.scenario.expr;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import dev.volsim.core.trace.TraceEntry;
import dev.volsim.model.io.YNode;
import dev.volsim.model.io.YNode.YList;
import dev.volsim.scenario.ScenarioErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code expectOrder: [matcher, ...]}: the trace so far holds entries matching each matcher, in
 * this order, as a subsequence (other entries may come between). Each matcher is looked for after
 * the entry that matched the previous one, earliest first.
 *
 * @param matchers the matchers, in the expected order; at least one
 */
public record ExpectOrder(ImmutableList<TraceMatcher> matchers) implements Expectation {
  public ExpectOrder {
    matchers = ImmutableList.copyOf(matchers);
    Preconditions.checkArgument(!matchers.isEmpty(), "no matchers");
  }

  /**
   * Parses the list of matchers; problems go to {@code errors}.
   *
   * @return the expectation, or null when there were problems
   */
  public static ExpectOrder parse(YNode node, ScenarioErrors errors) {
    if (!(node instanceof YList list)) {
      errors.add(node, "expectOrder must be a list of trace matchers, got " + node.typeName());
      return null;
    }
    if (list.items().isEmpty()) {
      errors.add(node, "expectOrder needs at least one trace matcher");
      return null;
    }
    List<TraceMatcher> out = new ArrayList<>();
    boolean ok = true;
    for (YNode item : list.items()) {
      TraceMatcher m = TraceMatcher.parse(item, errors);
      ok &= m != null;
      out.add(m);
    }
    return ok ? new ExpectOrder(ImmutableList.copyOf(out)) : null;
  }

  @Override
  public Outcome evaluate(ExpectationContext ctx) throws ExprException {
    List<TraceMatcher> resolved = new ArrayList<>();
    for (TraceMatcher m : matchers) {
      resolved.add(m.interpolate(ctx.interpolator()));
    }
    String expected = "in order: " + numbered(resolved);
    List<TraceEntry> trace = ctx.trace();
    int next = 0;
    TraceEntry previous = null;
    List<String> found = new ArrayList<>();
    for (int i = 0; i < resolved.size(); i++) {
      TraceEntry hit = null;
      while (next < trace.size()) {
        TraceEntry e = trace.get(next++);
        if (resolved.get(i).matches(e)) {
          hit = e;
          break;
        }
      }
      if (hit == null) {
        String after = previous == null ? "in the trace" : "after " + Texts.entry(previous);
        boolean earlier = false;
        for (TraceEntry e : trace) {
          earlier |= resolved.get(i).matches(e);
        }
        return Outcome.fails(expected, "matcher " + (i + 1) + " " + resolved.get(i) + " not found " + after
            + (earlier && previous != null ? " (it matches only earlier entries)" : ""));
      }
      previous = hit;
      found.add(Texts.entry(hit));
    }
    return Outcome.holds(expected, String.join("; ", found));
  }

  private static String numbered(List<TraceMatcher> ms) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < ms.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(i + 1).append(". ").append(ms.get(i));
    }
    return b.toString();
  }

  @Override
  public String describe() {
    return "trace in order: " + numbered(matchers);
  }
}
