/**
 * The expressions of scenario files and the expectations built from them.
 *
 * <p>{@link dev.volsim.scenario.expr.ObjectRef} (object references, by name or label selector),
 * {@link dev.volsim.scenario.expr.FieldPathExpr} (paths into objects as serialized),
 * {@link dev.volsim.scenario.expr.Interpolator} ({@code ${...}} references resolved when a step
 * runs), {@link dev.volsim.scenario.expr.TraceMatcher} (picks trace entries), the sealed
 * {@link dev.volsim.scenario.expr.Expectation} family with its parser
 * {@link dev.volsim.scenario.expr.Expectations}, and {@link dev.volsim.scenario.expr.ExpectOrder}.
 * Every type is immutable; problems are {@link dev.volsim.scenario.expr.ExprException}s whose
 * messages are fit for a user, or {@link dev.volsim.scenario.ScenarioErrors} with locations when
 * parsing a scenario.
 */
package dev.volsim.scenario.expr;
