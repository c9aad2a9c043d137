package dev.volsim.scenario;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.api.ApiException;
import dev.volsim.core.engine.Engine;
import dev.volsim.core.engine.EventBudgetExceededException;
import dev.volsim.core.trace.Fingerprint;
import dev.volsim.core.trace.TraceFormat;
import dev.volsim.core.trace.TraceListener;
import dev.volsim.core.trace.TraceRecorder;
import dev.volsim.model.io.Location;
import dev.volsim.scenario.expr.ExprException;
import dev.volsim.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Replays a {@link Scenario}: builds the {@link Simulation} it describes, applies its
 * {@code objects} in order (as {@code kubectl}), then runs its steps in order, stopping at the
 * first that fails. Same scenario and seed, same output, byte for byte.
 *
 * <p>Time: between steps no virtual time passes unless a step says so ({@code advance},
 * {@code waitFor}). After {@code objects} and after every step, the events already due at the
 * current instant run ({@code runUntilMicros(now)}), so a step never observes an instant half
 * processed; events even a microsecond later (watch deliveries, with their latency) wait for a step
 * that lets time pass.
 *
 * <p>Seed: {@link RunOptions#seed()} when given, else {@code spec.seed}, else
 * {@value Scenario#DEFAULT_SEED}.
 */
public final class ScenarioRunner {
  private ScenarioRunner() {}

  /**
   * Runs a scenario.
   *
   * @param timeline receives each timeline line (or JSON line) as it is made; may be a no-op
   * @return the result; exit code 2 only for problems found once the cluster is known (a
   *     controller name no component has)
   */
  public static RunResult run(Scenario scenario, RunOptions options, Consumer<String> timeline) {
    requireNonNull(scenario, "scenario is null");
    requireNonNull(options, "options is null");
    requireNonNull(timeline, "timeline is null");
    long seed = options.seed().orElse(scenario.seed().orElse(Scenario.DEFAULT_SEED));
    Simulation sim;
    Fingerprint fingerprint = new Fingerprint();
    TraceRecorder recorder = new TraceRecorder();
    // Timeline lines wait until the scenario is known to be valid, then flow straight out.
    List<String> held = new ArrayList<>();
    boolean[] released = {false};
    Consumer<String> out = line -> {
      if (released[0]) {
        timeline.accept(line);
      } else {
        held.add(line);
      }
    };
    TraceListener printer = options.format() == RunOptions.Format.JSONL
        ? e -> out.accept(TraceFormat.jsonLine(e))
        : e -> {
          String line = TraceFormat.timelineLine(e);
          if (line != null) {
            out.accept(line);
          }
        };
    try {
      sim = build(scenario, seed, List.of(fingerprint, recorder, printer));
    } catch (IllegalArgumentException e) {
      return RunResult.invalid(seed, ImmutableList.of(
          new ScenarioError(Location.startOf(scenario.file().toString()), e.getMessage())));
    }
    ImmutableList<ScenarioError> unknown = unknownControllers(scenario, sim);
    if (!unknown.isEmpty()) {
      return RunResult.invalid(seed, unknown);
    }
    released[0] = true;
    held.forEach(timeline);
    List<String> checks = new ArrayList<>();
    Optional<StepFailure> failure = new Replay(sim, recorder, checks).run(scenario);
    failure.ifPresent(f -> checks.add(f.line()));
    return new RunResult(failure.isPresent() ? RunResult.FAILED : RunResult.OK, seed, ImmutableList.copyOf(checks),
        failure, ImmutableList.of(), Optional.of(fingerprint.hex()));
  }

  private static Simulation build(Scenario s, long seed, List<TraceListener> listeners) {
    Simulation.Builder b = Simulation.builder().seed(seed).version(s.kubernetes().version());
    listeners.forEach(b::traceListener);
    s.kubernetes().featureGates().forEach(b::featureGate);
    s.kubernetes().config().forEach(b::config);
    s.timing().forEach(b::latency);
    s.nodes().ifPresent(n -> b.nodes(n).csiDrivers(s.csiDrivers()));
    b.containerBehaviors(s.containers());
    b.world(s.world());
    return b.build();
  }

  /** Pause and resume steps must name a controller the cluster has: known before the run starts. */
  private static ImmutableList<ScenarioError> unknownControllers(Scenario s, Simulation sim) {
    List<ScenarioError> out = new ArrayList<>();
    for (Step step : s.steps()) {
      String name = step instanceof Step.Pause p ? p.controller()
          : step instanceof Step.Resume r ? r.controller() : null;
      if (name != null && sim.controller(name).isEmpty()) {
        out.add(new ScenarioError(step.info().location(), "unknown controller \"" + name + "\" in "
            + step.kind().key() + " (known: " + String.join(", ", sim.controllers().keySet()) + ")"));
      }
    }
    for (Step step : s.steps()) {
      if (step instanceof Step.RestartController r && Simulation.restartableController(r.controller()).isEmpty()) {
        out.add(new ScenarioError(step.info().location(), "restarting controller \"" + r.controller()
            + "\" is not supported yet by this version of volsim (supported: "
            + String.join(", ", Simulation.RESTARTABLE_CONTROLLERS) + ")"));
      }
    }
    return ImmutableList.copyOf(out);
  }

  /** One replay: objects, then steps, stopping at the first failure. */
  private static final class Replay {
    private final Simulation sim;
    private final Engine engine;
    private final StepExecutor executor;
    private final List<String> checks;

    Replay(Simulation sim, TraceRecorder recorder, List<String> checks) {
      this.sim = sim;
      this.engine = sim.engine();
      this.executor = new StepExecutor(sim, recorder);
      this.checks = checks;
    }

    Optional<StepFailure> run(Scenario scenario) {
      for (ScenarioManifest m : scenario.objects()) {
        try {
          executor.apply(m);
        } catch (ApiException | ExprException | EventBudgetExceededException e) {
          return Optional.of(new StepFailure(0, "apply: " + StepExecutor.describe(m), m.location(),
              engine.nowMicros(), "the object to be accepted", "error: " + e.getMessage()));
        } catch (StepFailedException e) {
          return Optional.of(new StepFailure(0, "apply: " + StepExecutor.describe(m), m.location(),
              engine.nowMicros(), e.expected(), e.found()));
        }
      }
      try {
        settle();
      } catch (EventBudgetExceededException e) {
        return Optional.of(new StepFailure(0, "apply: the objects", Location.startOf(scenario.file().toString()),
            engine.nowMicros(), "the cluster to settle", "error: " + e.getMessage()));
      }
      for (Step step : scenario.steps()) {
        Optional<StepFailure> f = run(step);
        if (f.isPresent()) {
          return f;
        }
      }
      return Optional.empty();
    }

    private Optional<StepFailure> run(Step step) {
      String expectError = step.info().expectError();
      String description = StepExecutor.describe(step);
      String error;
      try {
        String passed = executor.execute(step);
        settle();
        if (expectError != null) {
          return fail(step, description, "an error containing \"" + expectError + "\"", "the step succeeded");
        }
        if (passed != null) {
          pass(step, passed);
        }
        return Optional.empty();
      } catch (StepFailedException e) {
        if (expectError == null) {
          return fail(step, description, e.expected(), e.found());
        }
        error = e.getMessage();
      } catch (ApiException | ExprException | EventBudgetExceededException e) {
        error = e.getMessage();
        if (expectError == null) {
          return fail(step, description, "the step to succeed", "error: " + error);
        }
      }
      if (error != null && error.contains(expectError)) {
        pass(step, description + " failed as expected: " + error);
        try {
          settle(); // an uncertain write happened although the step failed
        } catch (EventBudgetExceededException e) {
          return fail(step, description, "the cluster to settle", "error: " + e.getMessage());
        }
        return Optional.empty();
      }
      return fail(step, description, "an error containing \"" + expectError + "\"", "error: " + error);
    }

    private void pass(Step step, String text) {
      checks.add("PASS step " + step.info().number() + " " + text);
    }

    private Optional<StepFailure> fail(Step step, String description, String expected, String found) {
      return Optional.of(new StepFailure(step.info().number(), description, step.info().location(),
          engine.nowMicros(), expected, found));
    }

    /** Runs the events due at the current instant. */
    private void settle() {
      engine.runUntilMicros(engine.nowMicros());
    }
  }

}
