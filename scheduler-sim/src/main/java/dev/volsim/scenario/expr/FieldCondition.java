package dev.volsim.scenario.expr;

import static java.util.Objects.requireNonNull;

import dev.volsim.model.KubeObject;

/**
 * A check of one field of an object: the {@code where} filters of a count, and the body of an
 * object expectation.
 *
 * @param field the field path as written (may hold {@code ${...}})
 * @param check what the value must satisfy
 */
public record FieldCondition(String field, FieldCheck check) {
  public FieldCondition {
    requireNonNull(field, "field is null");
    requireNonNull(check, "check is null");
  }

  /** A condition ready to test: path parsed, values resolved. */
  record Resolved(String fieldText, FieldPathExpr path, FieldCheck check) {
    boolean test(KubeObject object) {
      return check.test(path.evaluate(object));
    }

    String describe() {
      return check.describe(fieldText);
    }
  }

  /** Resolves {@code ${...}} and parses the path. */
  Resolved resolve(Interpolator interpolator) throws ExprException {
    String text = interpolator.interpolate(field);
    return new Resolved(text.strip(), FieldPathExpr.parse(text), check.interpolate(interpolator));
  }

  /** The condition in words, as written. */
  public String describe() {
    return check.describe(field);
  }
}
