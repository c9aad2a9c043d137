package dev.volsim.scenario.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.volsim.core.api.ApiServer;
import dev.volsim.core.trace.TraceEntry;
import dev.volsim.scenario.ScenarioErrors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceMatcherTest {
  private final List<TraceEntry> trace = Fixtures.trace();

  private List<Long> matching(Map<String, ?> map) throws ExprException {
    TraceMatcher m = TraceMatcher.of(map);
    return trace.stream().filter(m::matches).map(TraceEntry::sequence).toList();
  }

  @Test
  void fieldsAndAttributesMustAllBeEqual() throws ExprException {
    assertThat(matching(Map.of("type", "AttachVolume", "volume", "pvc-1.2", "node", "node-1"))).containsExactly(3L);
    assertThat(matching(Map.of("component", "kubelet"))).containsExactly(4L, 5L, 6L);
    assertThat(matching(Map.of("type", "SetUp", "pod", "db/redis-0", "node", "node-2"))).isEmpty();
    assertThat(matching(Map.of("type", "Bound", "claim", "default/data"))).containsExactly(0L);
  }

  @Test
  void withoutOutcomeOnlySuccessesMatch() throws ExprException {
    assertThat(matching(Map.of("type", "AttachVolume"))).containsExactly(3L);
    assertThat(matching(Map.of("type", "AttachVolume", "outcome", "failed"))).containsExactly(2L);
    assertThat(matching(Map.of("type", "MountDevice"))).containsExactly(4L);
    assertThat(matching(Map.of("type", "AttachVolume", "outcome", "succeeded"))).containsExactly(3L);
  }

  @Test
  void exitCodeMayBeANumberAndObjectAnyReference() throws ExprException {
    assertThat(matching(Map.of("type", "ContainerExited", "exitCode", 1L))).containsExactly(6L);
    assertThat(matching(Map.of("type", "ContainerExited", "exitCode", 0L))).isEmpty();
    assertThat(matching(Map.of("object", "pvc/data"))).containsExactly(0L);
    assertThat(matching(Map.of("object", "po/db/redis-0", "type", "SetUp"))).containsExactly(5L);
    assertThat(TraceMatcher.of(Map.of("object", "pvc/data"))).hasToString("{object: persistentvolumeclaim/default/data}");
  }

  @Test
  void valuesAreInterpolatedWhenTheStepRuns() throws ExprException {
    ApiServer api = Fixtures.api();
    TraceMatcher m = TraceMatcher.of(Map.of("type", "MountDevice", "volume", "${pvc/data.spec.volumeName}",
        "object", "pv/${pvc/data.spec.volumeName}"));
    assertThat(trace.stream().filter(m::matches)).isEmpty();
    TraceMatcher resolved = m.interpolate(Fixtures.interpolator(api));
    assertThat(resolved.values()).containsEntry("volume", "pvc-1.2").containsEntry("object", "persistentvolume/pvc-1.2");
    assertThat(trace.stream().filter(resolved::matches).map(TraceEntry::sequence)).containsExactly(4L);
  }

  @Test
  void unknownKeysAndBadValuesAreErrors() {
    assertThatThrownBy(() -> TraceMatcher.of(Map.of("typ", "Bound"))).hasMessage(
        "unknown key \"typ\" in trace matcher (known: type, volume, claim, pod, node, container, object, component,"
            + " outcome, exitCode, reason, eventType)");
    assertThatThrownBy(() -> TraceMatcher.of(Map.of())).hasMessageStartingWith("a trace matcher needs at least one of type");
    assertThatThrownBy(() -> TraceMatcher.of(Map.of("type", List.of("a")))).hasMessage(
        "trace matcher key \"type\" needs a string value");
    assertThatThrownBy(() -> TraceMatcher.of(Map.of("object", "foo/x"))).hasMessage(
        "the server doesn't have a resource type \"foo\"");
  }

  @Test
  void parsesFromYamlWithLocations() {
    ScenarioErrors errors = new ScenarioErrors();
    TraceMatcher m = TraceMatcher.parse(Fixtures.tree("{type: Bound, exitCode: 3, volume: pv-1}"), errors);
    assertThat(errors.isEmpty()).isTrue();
    assertThat(m).hasToString("{type: Bound, volume: pv-1, exitCode: 3}");

    assertThat(TraceMatcher.parse(Fixtures.tree("type: Bound\nvolum: pv-1\nnode: [a]\n"), errors)).isNull();
    assertThat(errors.list()).extracting(Object::toString).containsExactly(
        "s.yaml:2:1: unknown key \"volum\" in trace matcher (known: type, volume, claim, pod, node, container,"
            + " object, component, outcome, exitCode, reason, eventType)",
        "s.yaml:3:7: trace matcher key \"node\" needs a string value, got array");
  }
}
