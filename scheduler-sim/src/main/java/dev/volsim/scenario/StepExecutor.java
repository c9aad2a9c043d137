package dev.volsim.scenario;

import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.ApiFaults;
import dev.volsim.core.api.DeleteOptions;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.engine.Durations;
import dev.volsim.core.engine.Engine;
import dev.volsim.core.trace.TraceRecorder;
import dev.volsim.model.KubeObject;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.model.io.Problem;
import dev.volsim.model.io.Trees;
import dev.volsim.scenario.expr.Expectation;
import dev.volsim.scenario.expr.ExpectationContext;
import dev.volsim.scenario.expr.ExprException;
import dev.volsim.scenario.expr.Interpolator;
import dev.volsim.scenario.expr.ObjectRef;
import dev.volsim.scenario.expr.Outcome;
import dev.volsim.sim.Simulation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Carries out steps against one simulation, as the {@code kubectl} component. A step either
 * returns (the text of its PASS line, or null for a step that checks nothing), or fails with
 * {@link StepFailedException} (it did not hold), {@link ApiException} (the API refused) or
 * {@link ExprException} (a reference did not resolve).
 */
final class StepExecutor {
  private final Simulation sim;
  private final TraceRecorder recorder;
  private final Map<String, Object> captures = new LinkedHashMap<>();
  private final Interpolator interpolator;
  private final ExpectationContext context;
  private final SimFiles files;
  private final ContainerSteps containerSteps;
  private final NodeStepExecutor nodeSteps;

  StepExecutor(Simulation sim, TraceRecorder recorder) {
    this.sim = sim;
    this.recorder = recorder;
    this.interpolator = Interpolator.of(sim.api(), captures);
    this.files = new SimFiles(sim);
    this.containerSteps = new ContainerSteps(sim);
    this.nodeSteps = new NodeStepExecutor(sim, interpolator);
    this.context = ExpectationContext.of(sim.api(), recorder.view(), interpolator, files);
  }

  /** Applies a manifest of {@code objects} or {@code apply}, as {@code kubectl apply}. */
  void apply(ScenarioManifest m) throws ExprException, StepFailedException {
    for (KubeObject o : objects(m)) {
      sim.apply(o);
    }
  }

  /** Runs one step; returns the PASS line's text (without "PASS step N ") or null. */
  String execute(Step step) throws ExprException, StepFailedException {
    Engine engine = sim.engine();
    return switch (step.kind()) {
      case APPLY -> {
        for (ScenarioManifest m : ((Step.Apply) step).manifests()) {
          apply(m);
        }
        yield null;
      }
      case DELETE -> {
        Step.Delete d = (Step.Delete) step;
        DeleteOptions options = DeleteOptions.defaults().withGracePeriod(d.gracePeriodSeconds())
            .withPropagation(d.propagationPolicy());
        sim.client(Simulation.USER).delete(key(d.object()), options);
        yield null;
      }
      case PATCH -> {
        Step.Patch p = (Step.Patch) step;
        Object patch = interpolator.interpolateTree(p.patch());
        sim.client(Simulation.USER).patch(key(p.object()), p.type(), patch, p.status());
        yield null;
      }
      case ADVANCE -> {
        engine.runFor(((Step.Advance) step).duration());
        yield null;
      }
      case WAIT_FOR -> waitFor((Step.WaitFor) step);
      case EXPECT -> {
        Expectation x = ((Step.Expect) step).expectation();
        check(x.evaluate(context));
        yield describe(step);
      }
      case EXPECT_ORDER -> {
        check(((Step.ExpectOrder) step).order().evaluate(context));
        yield describe(step);
      }
      case CAPTURE -> {
        Step.Capture c = (Step.Capture) step;
        captures.put(c.name(), interpolator.interpolateValue(c.value()));
        yield null;
      }
      case PAUSE -> {
        sim.controller(((Step.Pause) step).controller()).orElseThrow().pause();
        yield null;
      }
      case RESUME -> {
        sim.controller(((Step.Resume) step).controller()).orElseThrow().resume();
        yield null;
      }
      case INJECT -> {
        if (step instanceof Step.InjectApiFailure api) {
          inject(api);
        } else {
          inject((Step.InjectOperationFailure) step);
        }
        yield null;
      }
      case EXEC, ADMIN -> step instanceof Step.GitPush push ? gitPush(push) : fileOp((Step.FileOp) step);
      case EXIT -> {
        Step.ContainerExit x = (Step.ContainerExit) step;
        containerSteps.exit(interpolator.interpolate(x.pod()),
            x.container() == null ? null : interpolator.interpolate(x.container()), x.code());
        yield null;
      }
      case RESTART -> step instanceof Step.RestartContainer ? restart(step) : nodeSteps.execute(step);
      case FAIL, RECOVER, TAINT, UNTAINT -> nodeSteps.execute(step);
    };
  }

  /** {@code restart}: each form in its own method. */
  private String restart(Step step) throws ExprException, StepFailedException {
    if (step instanceof Step.RestartContainer r) {
      return restartContainer(r);
    }
    throw new IllegalStateException("the parser refuses this restart step");
  }

  private String restartContainer(Step.RestartContainer r) throws ExprException, StepFailedException {
    containerSteps.restart(interpolator.interpolate(r.pod()),
        r.container() == null ? null : interpolator.interpolate(r.container()));
    return null;
  }

  private static String quote(String s) {
    String t = s.length() > 40 ? s.substring(0, 40) + "..." : s;
    return "\"" + t.replace("\n", "\\n") + "\"";
  }

  /** {@code exec} or {@code admin}: one file operation; a failed one fails the step with its error. */
  private String fileOp(Step.FileOp f) throws ExprException, StepFailedException {
    dev.volsim.scenario.expr.FileAccess.View v;
    try {
      v = f.pod() != null
          ? files.container(interpolator.interpolate(f.pod()),
              f.container() == null ? null : interpolator.interpolate(f.container()), f.uid(), f.gid())
          : f.nfs() != null ? files.nfs(interpolator.interpolate(f.nfs()), true)
          : f.backend() != null ? files.backend(interpolator.interpolate(f.backend()), true)
          : files.node(interpolator.interpolate(f.node()));
    } catch (ExprException e) {
      throw new StepFailedException("a running container or node to act in", e.getMessage());
    }
    Map<String, String> a = new LinkedHashMap<>();
    for (var e : f.args().entrySet()) {
      a.put(e.getKey(), interpolator.interpolate(e.getValue()));
    }
    var fs = v.fs();
    var as = v.as();
    String result = null;
    try {
      switch (f.op()) {
        case "mount" -> MountOps.mount(v, a.get("source"), a.get("target"), sim.world(), f.pod() == null);
        case "umount" -> MountOps.umount(v, a.get("path"), f.pod() == null);
        default -> result = FileOps.apply(fs, f.op(), a, as);
      }
    } catch (dev.volsim.core.world.FsException e) {
      throw new StepFailedException(f.op() + " to succeed in " + v.where(), "error: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new StepFailedException(f.op() + " to succeed in " + v.where(), "error: " + e.getMessage());
    }
    return describe(f) + (result == null ? "" : ": " + result);
  }

  /**
   * {@code admin: {git, commit}}: the commit is pushed to the repository (made, empty, on first use
   * with strict off); a branch not named is the repository's default branch.
   */
  private String gitPush(Step.GitPush p) throws StepFailedException {
    String expected = "a push of commit " + p.id() + " to " + p.url();
    var repository = sim.world().gitRepository(p.url()).orElseThrow(() -> new StepFailedException(expected,
        "error: fatal: repository '" + p.url() + "' not found (storage.strict: only declared repositories exist)"));
    if (p.parent() != null && repository.commits().stream().noneMatch(c -> c.id().equals(p.parent()))) {
      throw new StepFailedException(expected, "error: no commit " + p.parent() + " (parent) in " + p.url());
    }
    String branch = p.branch() != null ? p.branch() : repository.defaultBranch();
    try {
      repository.push(new dev.volsim.core.world.GitCommit(p.id(), branch, p.parent(), p.files()));
    } catch (IllegalArgumentException e) {
      throw new StepFailedException(expected, "error: " + e.getMessage());
    }
    return describe(p);
  }

  private String waitFor(Step.WaitFor w) throws ExprException, StepFailedException {
    Engine engine = sim.engine();
    ExprException[] last = new ExprException[1];
    boolean held = engine.runUntil(() -> {
      try {
        last[0] = null;
        return w.expectation().evaluate(context).holds();
      } catch (ExprException e) {
        last[0] = e; // the reference may resolve later (an object not yet created)
        return false;
      }
    }, w.timeout());
    if (held) {
      return describe(w) + " (held at " + Durations.format(engine.nowMicros()) + ")";
    }
    Outcome o = w.expectation().evaluate(context);
    throw new StepFailedException(o.expected(), o.actual() + " after waiting " + Durations.formatGo(w.timeout()));
  }

  private static void check(Outcome o) throws StepFailedException {
    if (!o.holds()) {
      throw new StepFailedException(o.expected(), o.actual());
    }
  }

  private void inject(Step.InjectApiFailure i) throws ExprException {
    ObjectKey key = i.object() == null ? null : key(i.object());
    String kind = key != null ? key.kind() : i.objectKind();
    String message = i.message() == null ? null : interpolator.interpolate(i.message());
    sim.api().faults().add(new ApiFaults.Rule(i.component(), kind, key, i.times(), i.mode(), message));
  }

  private void inject(Step.InjectOperationFailure i) throws ExprException {
    java.util.TreeMap<String, String> scope = new java.util.TreeMap<>();
    for (var e : i.scope().entrySet()) {
      scope.put(e.getKey(), interpolator.interpolate(e.getValue()));
    }
    String message = i.message() == null ? null : interpolator.interpolate(i.message());
    sim.context().faults().add(new dev.volsim.core.cluster.OperationFaults.Rule(i.operation(),
        com.google.common.collect.ImmutableSortedMap.copyOf(scope), i.times(), i.mode(), message));
  }

  /** The key of an object reference (interpolated); a selector must match exactly one object. */
  private ObjectKey key(String reference) throws ExprException {
    ObjectRef ref = ObjectRef.parse(interpolator.interpolate(reference));
    if (!ref.isSelector()) {
      return ref.key();
    }
    return ObjectKey.of(ref.resolve(sim.api()));
  }

  /** The objects of a manifest: as decoded, or decoded now after interpolation. */
  private List<KubeObject> objects(ScenarioManifest m) throws ExprException, StepFailedException {
    if (!m.isDeferred()) {
      return List.of(m.object());
    }
    Object tree = interpolator.interpolateTree(m.template());
    LoadResult r = ManifestLoader.strict().decode(Trees.fromPlain(tree, m.location()));
    if (!r.ok()) {
      throw new StepFailedException("a valid manifest", "invalid manifest (" + m.location() + "): "
          + r.errors().stream().map(Problem::message).collect(Collectors.joining("; ")));
    }
    return new ArrayList<>(r.objects());
  }

  /** A step in words, for PASS and FAIL lines: {@code expect: pvc/data status.phase == "Bound"}. */
  static String describe(Step step) {
    String what = switch (step.kind()) {
      case APPLY -> ((Step.Apply) step).manifests().stream().map(StepExecutor::describe)
          .collect(Collectors.joining(", "));
      case DELETE -> ((Step.Delete) step).object();
      case PATCH -> ((Step.Patch) step).object() + (((Step.Patch) step).status() ? " (status)" : "");
      case ADVANCE -> Durations.formatGo(((Step.Advance) step).duration());
      case WAIT_FOR -> ((Step.WaitFor) step).expectation().describe();
      case EXPECT -> ((Step.Expect) step).expectation().describe();
      case EXPECT_ORDER -> ((Step.ExpectOrder) step).order().describe();
      case CAPTURE -> ((Step.Capture) step).name() + " = " + ((Step.Capture) step).value();
      case PAUSE -> ((Step.Pause) step).controller();
      case RESUME -> ((Step.Resume) step).controller();
      case INJECT -> {
        if (step instanceof Step.InjectOperationFailure o) {
          yield o.operation() + " failure" + (o.scope().isEmpty() ? "" : " for " + o.scope());
        }
        Step.InjectApiFailure i = (Step.InjectApiFailure) step;
        yield "apiUpdate failure" + (i.component() == null ? "" : " by " + i.component())
            + (i.object() != null ? " on " + i.object() : i.objectKind() != null ? " on " + i.objectKind() : "");
      }
      case EXEC, ADMIN -> {
        if (step instanceof Step.GitPush p) {
          yield "git " + p.url() + " push commit " + p.id() + (p.branch() == null ? "" : " on " + p.branch());
        }
        Step.FileOp f = (Step.FileOp) step;
        String target = f.pod() != null ? "pod " + f.pod() + (f.container() == null ? "" : " container " + f.container())
            + (f.uid() == null && f.gid() == null ? "" : " as " + (f.uid() == null ? "" : "uid " + f.uid())
                + (f.gid() == null ? "" : " gid " + f.gid()))
            : f.nfs() != null ? "nfs " + f.nfs() : f.backend() != null ? "backend " + f.backend() : "node " + f.node();
        yield target + " " + f.op() + " " + f.args().entrySet().stream()
            .map(e -> e.getKey().equals("content") ? "content " + quote(e.getValue()) : e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
      }
      case EXIT -> {
        Step.ContainerExit x = (Step.ContainerExit) step;
        yield "pod " + x.pod() + (x.container() == null ? "" : " container " + x.container()) + " code " + x.code();
      }
      case RESTART -> step instanceof Step.RestartContainer r
          ? "container " + (r.container() == null ? "" : r.container() + " of ") + "pod " + r.pod()
          : NodeStepExecutor.describe(step);
      case FAIL, RECOVER, TAINT, UNTAINT -> NodeStepExecutor.describe(step);
    };
    return step.kind().key() + ": " + what;
  }

  /** {@code persistentvolumeclaim/default/data}, or the manifest's place when it is deferred. */
  static String describe(ScenarioManifest m) {
    if (m.isDeferred()) {
      return "manifest at " + m.location();
    }
    KubeObject o = m.object();
    var info = dev.volsim.model.Kinds.of(o);
    String ns = info.namespaced() ? (o.metadata().namespace() == null ? "default" : o.metadata().namespace()) + "/" : "";
    String name = o.metadata().name() != null ? o.metadata().name() : o.metadata().generateName() + "*";
    return info.singular() + "/" + ns + name;
  }
}
