package dev.volsim.scenario.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.volsim.core.api.ApiServer;
import dev.volsim.scenario.ScenarioErrors;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExpectationsTest {
  private static final ApiServer API = Fixtures.api();
  private static final ExpectationContext CTX = Fixtures.context(API);

  /** An expectation, whether it holds, and its outcome's expected and actual texts. */
  record Case(String yaml, boolean holds, String expected, String actual) {
    @Override
    public String toString() {
      return yaml;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        // object
        new Case("{object: pvc/data, field: status.phase, equals: Bound}", true,
            "pvc/data status.phase == \"Bound\"", "\"Bound\""),
        new Case("{object: pvc/data, field: status.phase, equals: Pending}", false,
            "pvc/data status.phase == \"Pending\"", "\"Bound\""),
        new Case("{object: pod/db/redis-0, field: 'status.containerStatuses[name=redis].restartCount', equals: 2}", true,
            "pod/db/redis-0 status.containerStatuses[name=redis].restartCount == 2", "2"),
        new Case("{object: pod/db/redis-0, field: 'status.containerStatuses[name=redis].restartCount', equals: \"2\"}", true,
            "pod/db/redis-0 status.containerStatuses[name=redis].restartCount == \"2\"", "2"),
        new Case("{object: cm/conf, field: data.count, equals: 3}", true, "cm/conf data.count == 3", "\"3\""),
        new Case("{object: pvc/data, field: status.capacity, equals: {storage: 1Gi}}", true,
            "pvc/data status.capacity == {\"storage\":\"1Gi\"}", "{\"storage\":\"1Gi\"}"),
        new Case("{object: pvc/data, field: 'metadata.annotations[\"pv.kubernetes.io/bind-completed\"]', equals: \"yes\"}", true,
            "pvc/data metadata.annotations[\"pv.kubernetes.io/bind-completed\"] == \"yes\"", "\"yes\""),
        new Case("{object: 'pv/${pvc/data.spec.volumeName}', field: spec.claimRef.name, equals: '${pvc/data.metadata.name}'}", true,
            "pv/pvc-1.2 spec.claimRef.name == \"data\"", "\"data\""),
        new Case("{object: pvc/gone, field: status.phase, equals: Bound}", false,
            "pvc/gone status.phase == \"Bound\"", "persistentvolumeclaims \"gone\" not found"),
        new Case("{object: 'pod/db?app=redis', field: status.phase, equals: Running}", false,
            "pod/db?app=redis status.phase == \"Running\"",
            "2 pods in namespace \"db\" match the selector \"app=redis\" (redis-0, redis-1); expected exactly one"),
        new Case("{object: 'pod/db?role=primary', field: status.phase, equals: Running}", true,
            "pod/db?role=primary status.phase == \"Running\"", "\"Running\""),
        new Case("{object: pvc/data, field: spec.volumeName, exists: true}", true, "pvc/data spec.volumeName exists", "\"pvc-1.2\""),
        new Case("{object: pvc/data, field: metadata.deletionTimestamp, exists: false}", true,
            "pvc/data metadata.deletionTimestamp does not exist", "(not set)"),
        new Case("{object: pvc/data, field: status.nope, exists: true}", false, "pvc/data status.nope exists", "(not set)"),
        new Case("{object: pod/db/redis-1, field: spec.nodeName, exists: false}", true,
            "pod/db/redis-1 spec.nodeName does not exist", "(not set)"),
        new Case("{object: pvc/data, field: spec.volumeName, matches: '^pvc-[0-9.]+$'}", true,
            "pvc/data spec.volumeName matches /^pvc-[0-9.]+$/", "\"pvc-1.2\""),
        new Case("{object: pvc/data, field: spec.volumeName, matches: '1\\.2'}", true,
            "pvc/data spec.volumeName matches /1\\.2/", "\"pvc-1.2\""),
        new Case("{object: pvc/data, field: spec.volumeName, matches: '^1'}", false,
            "pvc/data spec.volumeName matches /^1/", "\"pvc-1.2\""),
        new Case("{object: pvc/data, field: status.phase, in: [Pending, Bound]}", true,
            "pvc/data status.phase in [\"Pending\", \"Bound\"]", "\"Bound\""),
        new Case("{object: pvc/data, field: status.phase, in: [Lost]}", false, "pvc/data status.phase in [\"Lost\"]", "\"Bound\""),
        // absent
        new Case("{absent: pvc/gone}", true, "pvc/gone does not exist", "persistentvolumeclaims \"gone\" not found"),
        new Case("{absent: pvc/data}", false, "pvc/data does not exist", "persistentvolumeclaim/default/data exists"),
        new Case("{absent: 'pod/db?app=redis'}", false, "pod/db?app=redis does not exist",
            "pod/db/redis-0 exists, pod/db/redis-1 exists"),
        new Case("{absent: 'pod/db?app=web'}", true, "pod/db?app=web does not exist",
            "no pods in namespace \"db\" match the selector \"app=web\""),
        // count
        new Case("{count: {kind: pv}, equals: 2}", true, "2 persistentvolumes", "2 (pv-2, pvc-1.2)"),
        new Case("{count: {kind: pv, where: [{field: spec.claimRef.name, equals: data}]}, equals: 1}", true,
            "1 persistentvolumes with spec.claimRef.name == \"data\"", "1 (pvc-1.2)"),
        new Case("{count: {kind: pv, where: [{field: spec.claimRef, exists: false}, {field: metadata.name, matches: '^pv-'}]}, equals: 0}",
            false, "0 persistentvolumes with spec.claimRef does not exist and metadata.name matches /^pv-/", "1 (pv-2)"),
        new Case("{count: {kind: pods}, equals: 2}", true, "2 pods", "2 (db/redis-0, db/redis-1)"),
        new Case("{count: {kind: po, namespace: default}, equals: 0}", true, "0 pods in namespace \"default\"", "0"),
        new Case("{count: {kind: po, namespace: db, where: [{field: spec.nodeName, exists: true}]}, equals: 2}", false,
            "2 pods in namespace \"db\" with spec.nodeName exists", "1 (redis-0)"),
        // event
        new Case("{event: {object: pod/db/redis-0, reason: FailedMount}}", true,
            "at least 1 occurrence of events {object: pod/db/redis-0, reason: FailedMount}",
            "4 occurrences: Warning FailedMount from kubelet on Pod db/redis-0: \"MountVolume.SetUp failed for volume"
                + " \\\"data\\\" : mount failed: exit status 32\" (x3), Warning FailedMount from kubelet on Pod db/redis-0:"
                + " \"MountVolume.SetUp failed for volume \\\"data\\\" : timeout\""),
        new Case("{event: {object: pod/db/redis-0, reason: FailedMount}, count: 4}", true,
            "4 occurrences of events {object: pod/db/redis-0, reason: FailedMount}", null),
        new Case("{event: {object: pod/db/redis-0, reason: FailedMount, uid: uid-2}, count: 1}", true,
            "1 occurrence of events {object: pod/db/redis-0, uid: uid-2, reason: FailedMount}", null),
        new Case("{event: {reason: FailedMount, messageContains: exit status 32}, atLeast: 4}", false,
            "at least 4 occurrences of events {reason: FailedMount, messageContains: exit status 32}", null),
        new Case("{event: {type: Warning, source: kubelet, messageMatches: 'timeout$'}, count: 1}", true,
            "1 occurrence of events {type: Warning, source: kubelet, messageMatches: timeout$}", null),
        new Case("{event: {object: pod/redis-0, reason: FailedMount}}", false,
            "at least 1 occurrence of events {object: pod/redis-0, reason: FailedMount}", "none"),
        new Case("{event: {object: pod/db/redis-0, reason: FailedAttachVolume}}", false,
            "at least 1 occurrence of events {object: pod/db/redis-0, reason: FailedAttachVolume}",
            "none (other events of pod/db/redis-0: Warning FailedMount from kubelet on Pod db/redis-0: \"MountVolume.SetUp"
                + " failed for volume \\\"data\\\" : mount failed: exit status 32\" (x3), Warning FailedMount from kubelet"
                + " on Pod db/redis-0: \"MountVolume.SetUp failed for volume \\\"data\\\" : timeout\", Normal Scheduled from"
                + " default-scheduler on Pod db/redis-0: \"Successfully assigned db/redis-0 to node-1\")"),
        new Case("{event: {object: 'pod/db?role=primary', reason: Scheduled}, count: 1}", true,
            "1 occurrence of events {object: pod/db?role=primary, reason: Scheduled}", null),
        new Case("{event: {object: 'pv/pvc-1.2', source: persistentvolume-controller}, count: 1}", true,
            "1 occurrence of events {object: pv/pvc-1.2, source: persistentvolume-controller}", null),
        new Case("{event: {object: 'pv/${pvc/data.spec.volumeName}'}, count: 1}", true,
            "1 occurrence of events {object: pv/pvc-1.2}", null),
        // trace
        new Case("{trace: {type: AttachVolume, volume: pvc-1.2}}", true,
            "at least 1 trace entry matching {type: AttachVolume, volume: pvc-1.2}",
            "1: #3 +3.000s attachdetach-controller AttachVolume persistentvolume/pvc-1.2 {node=node-1, volume=pvc-1.2}"),
        new Case("{trace: {type: AttachVolume, outcome: failed}, count: 1}", true,
            "1 trace entry matching {type: AttachVolume, outcome: failed}", null),
        new Case("{trace: {type: AttachVolume, volume: '${pvc/data.spec.volumeName}'}, atLeast: 2}", false,
            "at least 2 trace entries matching {type: AttachVolume, volume: pvc-1.2}", null),
        new Case("{trace: {type: DetachVolume}, never: true}", true, "no trace entry matching {type: DetachVolume}",
            "none (no DetachVolume entry at all)"),
        new Case("{trace: {type: ContainerExited, exitCode: 1}, never: true}", false,
            "no trace entry matching {type: ContainerExited, exitCode: 1}", null),
        new Case("{trace: {type: MountDevice, outcome: timeout}}", false,
            "at least 1 trace entry matching {type: MountDevice, outcome: timeout}",
            "none (MountDevice entries: #4 +4.000s kubelet MountDevice persistentvolume/pvc-1.2 {node=node-1, outcome=succeeded, volume=pvc-1.2})"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void evaluatesEveryForm(Case c) throws ExprException {
    Outcome o = Fixtures.expectation(c.yaml()).evaluate(CTX);
    assertThat(o.holds()).as(o.toString()).isEqualTo(c.holds());
    assertThat(o.expected()).isEqualTo(c.expected());
    if (c.actual() != null) {
      assertThat(o.actual()).isEqualTo(c.actual());
    }
  }

  @Test
  void describeShowsTheExpectationAsWritten() {
    assertThat(Fixtures.expectation("{object: 'pv/${x}', field: status.phase, equals: Bound}").describe())
        .isEqualTo("pv/${x} status.phase == \"Bound\"");
    assertThat(Fixtures.expectation("{absent: pvc/data}").describe()).isEqualTo("pvc/data does not exist");
    assertThat(Fixtures.expectation("{count: {kind: pv, where: [{field: spec.claimRef, exists: true}]}, equals: 1}").describe())
        .isEqualTo("count of persistentvolumes with spec.claimRef exists == 1");
    assertThat(Fixtures.expectation("{trace: {type: Bound}, never: true}").describe())
        .isEqualTo("no trace entry matching {type: Bound}");
  }

  @Test
  void unresolvableReferencesThrow() {
    assertThatThrownBy(() -> Fixtures.expectation("{object: pvc/data, field: status.phase, equals: '${nope}'}").evaluate(CTX))
        .isInstanceOf(ExprException.class).hasMessageStartingWith("no value was captured as \"nope\"");
    assertThatThrownBy(() -> Fixtures.expectation("{absent: 'pv/${pvc/data.spec.nope}'}").evaluate(CTX))
        .hasMessage("${pvc/data.spec.nope}: persistentvolumeclaim/default/data has no field spec.nope");
  }

  @Test
  void interpolatedValuesMatchLiterallyInPatterns() throws ExprException {
    // "pvc-1.2" as a pattern would also match "pvc-1x2"; interpolated, its dot is literal
    Expectation e = Fixtures.expectation("{object: pvc/data, field: spec.volumeName, matches: '^${oldUid}|^${pvc/data.spec.volumeName}$'}");
    assertThat(e.evaluate(CTX).holds()).isTrue();
  }

  static Stream<Arguments> parseErrors() {
    String known = "(known: object, field, equals, exists, matches, in, absent, count, atLeast, never, event, trace)";
    return Stream.of(
        Arguments.of("object: pvc/data\nfield: status.phase\nequal: Bound\n",
            "s.yaml:3:1: unknown key \"equal\" in expectation " + known),
        Arguments.of("file: {nfs: nfs-1, node: n1, path: /data/x}\ncontent: hi\n",
            "s.yaml:1:7: \"file\" needs exactly one of pod, node, nfs or backend"),
        Arguments.of("mounts: {pod: web}\nincludes: []\n",
            "s.yaml:2:11: \"includes\" must be a non-empty list of mounts (as [{path: /data, readOnly: true}]), got an empty list"),
        Arguments.of("describe: deployment/web\ncontains: [x]\n", "s.yaml:1:11: \"describe\" takes a Pod, PersistentVolume,"
            + " PersistentVolumeClaim, StorageClass, ConfigMap, Secret or Node, got a Deployment"),
        Arguments.of("object: pvc/data\nequals: Bound\n", "s.yaml:1:1: object expectation needs \"field\" (as field: status.phase)"),
        Arguments.of("object: pvc/data\nfield: status.phase\n",
            "s.yaml:1:1: object expectation needs one of equals, exists, matches, in"),
        Arguments.of("object: pvc/data\nfield: status.phase\nequals: Bound\nexists: true\n",
            "s.yaml:4:1: \"exists\" cannot be combined with \"equals\" in one object expectation"),
        Arguments.of("object: pvc/data\nfield: status.phase\nexists: yes please\n",
            "s.yaml:3:9: \"exists\" must be true or false, got string \"yes please\""),
        Arguments.of("object: pvc/data\nfield: status.phase\nmatches: '(a'\n",
            "s.yaml:3:10: bad regular expression \"(a\": Unclosed group"),
        Arguments.of("object: pvc/data\nfield: status.phase\nequals:\n",
            "s.yaml:3:8: \"equals\" needs a value (to require that a field is not set, write exists: false)"),
        Arguments.of("object: pvc/data\nfield: status.phase\nin: Bound\n",
            "s.yaml:3:5: \"in\" must be a non-empty list of values, got string \"Bound\""),
        Arguments.of("object: foo/data\nfield: status.phase\nequals: x\n",
            "s.yaml:1:9: the server doesn't have a resource type \"foo\""),
        Arguments.of("object: [pvc/data]\nfield: status.phase\nequals: x\n",
            "s.yaml:1:9: \"object\" must be a string, got array"),
        Arguments.of("object: pvc/data\nfield: status..phase\nequals: x\n",
            "s.yaml:2:8: bad field path \"status..phase\": empty field name at offset 8"),
        Arguments.of("object: pvc/data\nfield: status.phase\nequals: '${pvc/data}'\n",
            "s.yaml:3:9: \"${pvc/data}\" has no field path: write <object reference>.<field path>, as ${pvc/data.spec.volumeName}"),
        Arguments.of("field: status.phase\nequals: x\n", "s.yaml:1:1: an expectation needs one of object, absent, count, event, trace"),
        Arguments.of("object: pvc/a\nabsent: pvc/b\n", "s.yaml:2:1: \"absent\" cannot be combined with \"object\" in one expectation"),
        Arguments.of("absent: pvc/a\nfield: x\n",
            "s.yaml:2:1: key \"field\" does not belong in an \"absent\" expectation (it takes: absent)"),
        Arguments.of("count: {kind: pv}\n", "s.yaml:1:1: a \"count\" expectation needs \"equals: N\""),
        Arguments.of("count: {kind: pv}\nequals: -1\n", "s.yaml:2:9: \"equals\" must be a whole number of at least 0, got number \"-1\""),
        Arguments.of("count: {kind: pvs}\nequals: 1\n", "s.yaml:1:15: the server doesn't have a resource type \"pvs\""),
        Arguments.of("count: {kind: pv, namespace: x}\nequals: 1\n",
            "s.yaml:1:19: persistentvolumes are cluster-scoped and take no namespace"),
        Arguments.of("count: {kind: pv, wher: []}\nequals: 1\n",
            "s.yaml:1:19: unknown key \"wher\" in count (known: kind, namespace, where)"),
        Arguments.of("count:\n  kind: pv\n  where:\n  - {field: x, equal: 1}\nequals: 1\n",
            "s.yaml:4:16: unknown key \"equal\" in where filter (known: field, equals, exists, matches, in)"),
        Arguments.of("count:\n  kind: pv\n  where:\n  - {field: x}\nequals: 1\n",
            "s.yaml:4:5: where filter needs one of equals, exists, matches, in"),
        Arguments.of("event: {reasons: X}\n",
            "s.yaml:1:9: unknown key \"reasons\" in event (known: object, uid, type, reason, source, messageContains, messageMatches)"),
        Arguments.of("event: {reason: X}\ncount: 1\natLeast: 2\n", "s.yaml:3:1: \"atLeast\" cannot be combined with \"count\""),
        Arguments.of("event: {messageMatches: '[x'}\n", "s.yaml:1:25: bad regular expression \"[x\": Unclosed character class"),
        Arguments.of("event: {reason: X}\nnever: true\n",
            "s.yaml:2:1: key \"never\" does not belong in an \"event\" expectation (it takes: event, count, atLeast)"),
        Arguments.of("trace: {type: Bound}\nnever: false\n",
            "s.yaml:2:8: \"never\" takes only true (use atLeast: 1 to require an entry), got bool \"false\""),
        Arguments.of("trace: {type: Bound}\nnever: true\ncount: 0\n", "s.yaml:2:1: \"never\" cannot be combined with \"count\""),
        Arguments.of("trace: {typo: Bound}\n", "s.yaml:1:9: unknown key \"typo\" in trace matcher (known: type, volume, claim,"
            + " pod, node, container, object, component, outcome, exitCode, reason, eventType)"),
        Arguments.of("absent: pvc/a\ntimeout: 2m\n", "s.yaml:2:1: unknown key \"timeout\" in expectation " + known
            + "; timeout belongs to waitFor"),
        Arguments.of("absent: pvc/a\nabsent: pvc/b\n", "s.yaml:2:1: duplicate key \"absent\" in expectation"),
        Arguments.of("- absent: pvc/a\n", "s.yaml:1:1: an expectation must be an object (as {object: pvc/data, field:"
            + " status.phase, equals: Bound}), got array"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("parseErrors")
  void parseErrorsNameTheKeyAtItsLocation(String yaml, String error) {
    assertThat(Fixtures.errors(yaml)).containsExactly(error);
  }

  @Test
  void waitForTakesATimeout() {
    ScenarioErrors errors = new ScenarioErrors();
    WaitFor w = Expectations.parseWaitFor(Fixtures.tree("absent: pvc/a\ntimeout: 1h30m\n"), errors);
    assertThat(errors.list()).isEmpty();
    assertThat(w.expectation()).isEqualTo(new AbsentExpectation("pvc/a"));
    assertThat(w.timeout()).contains(Duration.ofMinutes(90));

    WaitFor noTimeout = Expectations.parseWaitFor(Fixtures.tree("absent: pvc/a\n"), errors);
    assertThat(noTimeout.timeout()).isEmpty();

    assertThat(Expectations.parseWaitFor(Fixtures.tree("absent: pvc/a\ntimeout: 2 minutes\n"), errors)).isNull();
    assertThat(Expectations.parseWaitFor(Fixtures.tree("absent: pvc/a\ntimeout: 30\n"), errors)).isNull();
    assertThat(Expectations.parseWaitFor(Fixtures.tree("absent: pvc/a\ntimeuot: 30s\n"), errors)).isNull();
    assertThat(errors.list()).extracting(Object::toString).containsExactly(
        "s.yaml:2:10: time: unknown unit \" minutes\" in duration \"2 minutes\"",
        "s.yaml:2:10: time: missing unit in duration \"30\"",
        "s.yaml:2:1: unknown key \"timeuot\" in expectation (known: object, field, equals, exists, matches, in, absent,"
            + " count, atLeast, never, event, trace, timeout)");
  }
}
