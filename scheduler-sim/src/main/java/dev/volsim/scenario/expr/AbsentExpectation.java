package dev.volsim.scenario.expr;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.model.KubeObject;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code {absent: R}}: the object does not exist (a selector: no object matches). A terminating
 * object still exists; the outcome names its finalizers.
 *
 * @param object the object reference as written (may hold {@code ${...}})
 */
public record AbsentExpectation(String object) implements Expectation {
  public AbsentExpectation {
    requireNonNull(object, "object is null");
  }

  @Override
  public Outcome evaluate(ExpectationContext ctx) throws ExprException {
    String written = ctx.interpolator().interpolate(object).strip();
    ObjectRef ref = ObjectRef.parse(written);
    String expected = written + " does not exist";
    ImmutableList<KubeObject> found = ref.matches(ctx.api());
    if (found.isEmpty()) {
      return Outcome.holds(expected, ref.notFoundMessage());
    }
    List<String> shown = new ArrayList<>();
    for (KubeObject o : found) {
      String s = ObjectKey.of(o).ref() + " exists";
      if (o.metadata().isTerminating()) {
        s += " (terminating, finalizers: "
            + (o.metadata().finalizers().isEmpty() ? "none" : String.join(", ", o.metadata().finalizers())) + ")";
      }
      shown.add(s);
    }
    return Outcome.fails(expected, Texts.names(shown, 5));
  }

  @Override
  public String describe() {
    return object + " does not exist";
  }
}
