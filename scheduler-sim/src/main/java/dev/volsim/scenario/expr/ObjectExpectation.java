package dev.volsim.scenario.expr;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.KubeObject;
import java.util.Optional;

/**
 * {@code {object: R, field: F, equals: V}} (or {@code exists}, {@code matches}, {@code in}): the
 * object exists and its field passes the check. An object that does not exist, or a selector
 * matching several, makes it not hold.
 *
 * @param object the object reference as written (may hold {@code ${...}})
 * @param condition the field and its check
 */
public record ObjectExpectation(String object, FieldCondition condition) implements Expectation {
  public ObjectExpectation {
    requireNonNull(object, "object is null");
    requireNonNull(condition, "condition is null");
  }

  @Override
  public Outcome evaluate(ExpectationContext ctx) throws ExprException {
    Interpolator in = ctx.interpolator();
    String written = in.interpolate(object).strip();
    ObjectRef ref = ObjectRef.parse(written);
    FieldCondition.Resolved c = condition.resolve(in);
    String expected = written + " " + c.describe();
    ImmutableList<KubeObject> found = ref.matches(ctx.api());
    if (found.isEmpty()) {
      return Outcome.fails(expected, ref.notFoundMessage());
    } else if (found.size() > 1) {
      return Outcome.fails(expected, ref.severalMessage(found));
    }
    Optional<Object> value = c.path().evaluate((Object) ctx.encoded(found.get(0)));
    return Outcome.of(c.check().test(value), expected, value.map(Texts::display).orElse("(not set)"));
  }

  @Override
  public String describe() {
    return object + " " + condition.describe();
  }
}
