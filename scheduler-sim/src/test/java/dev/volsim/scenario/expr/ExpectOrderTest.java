package dev.volsim.scenario.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioErrors;
import org.junit.jupiter.api.Test;

class ExpectOrderTest {
  private final ExpectationContext ctx = Fixtures.context(Fixtures.api());

  private static ExpectOrder order(String yaml) {
    ScenarioErrors errors = new ScenarioErrors();
    ExpectOrder o = ExpectOrder.parse(Fixtures.tree(yaml), errors);
    assertThat(errors.list()).isEmpty();
    return o;
  }

  @Test
  void holdsForASubsequenceInOrder() throws ExprException {
    Outcome o = order("""
        - {type: Bound, claim: default/data}
        - {type: AttachVolume, volume: '${pvc/data.spec.volumeName}'}
        - {type: SetUp, pod: db/redis-0}
        - {type: ContainerExited, exitCode: 1}
        """).evaluate(ctx);
    assertThat(o.holds()).isTrue();
    assertThat(o.expected()).isEqualTo("in order: 1. {type: Bound, claim: default/data}, 2. {type: AttachVolume,"
        + " volume: pvc-1.2}, 3. {type: SetUp, pod: db/redis-0}, 4. {type: ContainerExited, exitCode: 1}");
    assertThat(o.actual()).startsWith("#0 +0.000s persistentvolume-controller Bound").contains("; #3 +3.000s");
  }

  @Test
  void namesTheFirstMatcherNotFoundAfterThePreviousMatch() throws ExprException {
    Outcome o = order("""
        - {type: MountDevice}
        - {type: AttachVolume}
        """).evaluate(ctx);
    assertThat(o.holds()).isFalse();
    assertThat(o.actual()).isEqualTo("matcher 2 {type: AttachVolume} not found after #4 +4.000s kubelet MountDevice"
        + " persistentvolume/pvc-1.2 {node=node-1, outcome=succeeded, volume=pvc-1.2} (it matches only earlier entries)");

    Outcome never = order("- {type: DetachVolume}\n").evaluate(ctx);
    assertThat(never.actual()).isEqualTo("matcher 1 {type: DetachVolume} not found in the trace");
  }

  @Test
  void aFailedOperationDoesNotCountAsTheOperation() throws ExprException {
    // the first AttachVolume failed: a matcher without outcome skips it
    Outcome o = order("""
        - {type: AttachVolume}
        - {type: AttachVolume}
        """).evaluate(ctx);
    assertThat(o.holds()).isFalse();
    assertThat(order("- {type: AttachVolume, outcome: failed}\n- {type: AttachVolume}\n").evaluate(ctx).holds()).isTrue();
  }

  @Test
  void parseErrors() {
    ScenarioErrors errors = new ScenarioErrors();
    assertThat(ExpectOrder.parse(Fixtures.tree("{type: Bound}"), errors)).isNull();
    assertThat(ExpectOrder.parse(Fixtures.tree("- {type: Bound}\n- {kind: Pod}\n- Bound\n"), errors)).isNull();
    assertThat(errors.list()).extracting(Object::toString).containsExactly(
        "s.yaml:1:4: expectOrder must be a list of trace matchers, got object",
        "s.yaml:2:4: unknown key \"kind\" in trace matcher (known: type, volume, claim, pod, node, container, object,"
            + " component, outcome, exitCode, reason, eventType)",
        "s.yaml:3:3: a trace matcher must be an object (as {type: AttachVolume, volume: pv-1}), got string");
  }
}
