package dev.volsim.scenario.expr;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.model.KindInfo;
import dev.volsim.model.KubeObject;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code {count: {kind: pv, namespace: ns, where: [{field: F, equals: V}]}, equals: N}}: exactly N
 * objects of the kind (in the namespace, when given; in all namespaces otherwise) pass every
 * filter.
 *
 * @param kind the kind counted
 * @param namespace the namespace as written, or null for all (always null for cluster-scoped kinds)
 * @param where the filters, all of which must pass
 * @param equals the expected number, at least 0
 */
public record CountExpectation(KindInfo<?> kind, String namespace, ImmutableList<FieldCondition> where, long equals)
    implements Expectation {
  public CountExpectation {
    requireNonNull(kind, "kind is null");
    where = ImmutableList.copyOf(where);
    Preconditions.checkArgument(equals >= 0, "equals is %s", equals);
    Preconditions.checkArgument(namespace == null || kind.namespaced(), "%s are cluster-scoped", kind.plural());
  }

  @Override
  public Outcome evaluate(ExpectationContext ctx) throws ExprException {
    Interpolator in = ctx.interpolator();
    String ns = namespace == null ? null : in.interpolate(namespace);
    List<FieldCondition.Resolved> filters = new ArrayList<>();
    for (FieldCondition c : where) {
      filters.add(c.resolve(in));
    }
    List<? extends KubeObject> candidates = ns == null ? ctx.api().list(kind.type()) : ctx.api().list(kind.type(), ns);
    List<String> names = new ArrayList<>();
    for (KubeObject o : candidates) {
      boolean pass = true;
      for (FieldCondition.Resolved f : filters) {
        pass &= f.test(o);
      }
      if (pass) {
        names.add(ns == null ? ObjectKey.of(o).namespacedName() : o.metadata().name());
      }
    }
    List<String> filterTexts = new ArrayList<>();
    for (FieldCondition.Resolved f : filters) {
      filterTexts.add(f.describe());
    }
    String expected = equals + " " + what(ns, filterTexts);
    String actual = names.size() + (names.isEmpty() ? "" : " (" + Texts.names(names, 10) + ")");
    return Outcome.of(names.size() == equals, expected, actual);
  }

  private String what(String ns, List<String> filters) {
    return kind.plural() + (ns == null ? "" : " in namespace \"" + ns + "\"")
        + (filters.isEmpty() ? "" : " with " + String.join(" and ", filters));
  }

  @Override
  public String describe() {
    List<String> filterTexts = new ArrayList<>();
    for (FieldCondition c : where) {
      filterTexts.add(c.describe());
    }
    return "count of " + what(namespace, filterTexts) + " == " + equals;
  }
}
