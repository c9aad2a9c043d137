package dev.volsim.scheduler;

import dev.volsim.core.trace.TraceEntry;
import dev.volsim.core.trace.TraceRecorder;
import dev.volsim.model.KubeObject;
import dev.volsim.model.core.Pod;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.sim.Simulation;
import java.util.List;
import java.util.stream.Collectors;

/** Helpers for the scheduler's tests: YAML objects, the trace, FailedScheduling messages. */
final class SchedulerTestSupport {
  private SchedulerTestSupport() {}

  static KubeObject yaml(String text) {
    LoadResult r = ManifestLoader.strict().parse("t.yaml", text);
    if (!r.ok() || r.objects().size() != 1) {
      throw new IllegalArgumentException(r.problems().toString());
    }
    return r.objects().get(0);
  }

  static Pod pod(Simulation sim, String name) {
    return sim.api().get(Pod.class, "default", name).orElseThrow();
  }

  /** The FailedScheduling messages about a pod, in order (every occurrence). */
  static List<String> failedScheduling(TraceRecorder trace, String pod) {
    return events(trace, pod, "FailedScheduling").stream().map(e -> e.message()
        .substring(("Warning FailedScheduling pod/default/" + pod + ": ").length())).collect(Collectors.toList());
  }

  static List<TraceEntry> events(TraceRecorder trace, String pod, String reason) {
    return trace.entries().stream()
        .filter(e -> e.type().equals("Event") && reason.equals(e.attribute("reason"))
            && ("pod/default/" + pod).equals(e.object()))
        .collect(Collectors.toList());
  }

  static String podYaml(String name, String extraSpec) {
    return "apiVersion: v1\nkind: Pod\nmetadata: {name: " + name + ", namespace: default}\nspec:\n"
        + "  containers: [{name: c, image: busybox}]\n" + extraSpec;
  }
}
