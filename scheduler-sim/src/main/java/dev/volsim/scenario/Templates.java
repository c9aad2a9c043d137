package dev.volsim.scenario;

import dev.volsim.model.io.YNode;
import dev.volsim.model.io.YNode.Entry;
import dev.volsim.model.io.YNode.YList;
import dev.volsim.model.io.YNode.YMap;
import dev.volsim.model.io.YNode.YScalar;
import dev.volsim.scenario.expr.ExprException;
import dev.volsim.scenario.expr.Interpolator;

/**
 * Checks the syntax of run-time references ({@code ${...}}) when the scenario is read, so a
 * malformed one is exit 2 at its place rather than a failure in the middle of a run.
 */
final class Templates {
  private Templates() {}

  /** Checks one text; returns whether it is well formed (reporting it when not). */
  static boolean check(YNode at, String text, ScenarioErrors errors) {
    if (!Interpolator.hasReferences(text)) {
      return true;
    }
    try {
      Interpolator.check(text);
      return true;
    } catch (ExprException e) {
      errors.add(at, e.getMessage());
      return false;
    }
  }

  /** Checks every key and scalar of a tree. */
  static void checkTree(YNode node, ScenarioErrors errors) {
    if (node instanceof YMap m) {
      for (Entry e : m.entries()) {
        check(new YScalar(e.keyLocation(), e.key(), YNode.ScalarKind.STRING), e.key(), errors);
        checkTree(e.value(), errors);
      }
    } else if (node instanceof YList l) {
      for (YNode item : l.items()) {
        checkTree(item, errors);
      }
    } else {
      check(node, ((YScalar) node).text(), errors);
    }
  }
}
