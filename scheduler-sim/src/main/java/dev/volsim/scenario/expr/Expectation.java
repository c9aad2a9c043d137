package dev.volsim.scenario.expr;

/**
 * Something a scenario expects of the simulated cluster ({@code expect}, {@code waitFor},
 * {@code expectOrder}). Expectations are immutable values parsed by {@link Expectations}; they
 * keep their values as written and resolve {@code ${...}} each time they are evaluated.
 */
public sealed interface Expectation
    permits ObjectExpectation, AbsentExpectation, CountExpectation, EventExpectation,
        TraceExpectation, ExpectOrder, FileExpectation, DescribeExpectation, MountsExpectation {

  /**
   * Checks the expectation now. Facts of the cluster that may still change (an object not yet
   * created, a field not yet set, a selector matching several objects) give an outcome that does
   * not hold.
   *
   * @throws ExprException when the expectation cannot be evaluated: a {@code ${...}} reference
   *     that does not resolve (unknown capture, missing object or field), or a reference or
   *     pattern that is malformed once interpolated
   */
  Outcome evaluate(ExpectationContext ctx) throws ExprException;

  /** The expectation in words, as written ({@code pvc/data status.phase == "Bound"}). */
  String describe();
}
