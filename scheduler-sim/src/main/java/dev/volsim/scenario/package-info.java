/**
 * Scenario files: the replayable story of a cluster, its objects and timed steps, as
 * {@code volsim run} reads and replays them. The format is a public contract, documented for users
 * in {@code docs/scenarios.md}.
 *
 * <p>Key types: {@link dev.volsim.scenario.ScenarioParser} reads a file into a
 * {@link dev.volsim.scenario.Scenario} or throws {@link dev.volsim.scenario.InvalidScenarioException}
 * with every problem at its {@code file:line:col} (exit code 2);
 * {@link dev.volsim.scenario.ScenarioRunner} replays it and returns a
 * {@link dev.volsim.scenario.RunResult} (exit code 0 or 1, the check lines, the fingerprint).
 * Steps are the sealed family {@link dev.volsim.scenario.Step}, one record per kind, named by
 * {@link dev.volsim.scenario.StepKind}; run-time references, object references and expectations
 * live in {@code dev.volsim.scenario.expr}.
 */
package dev.volsim.scenario;
