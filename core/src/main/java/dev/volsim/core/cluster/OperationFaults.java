package dev.volsim.core.cluster;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Failures injected into storage operations (the scenario step {@code inject: {failure:
 * {operation, claim | volume | node | pod, times, mode, message}}}): the next N matching
 * operations fail. Rules apply in the order they were added; the first that matches is used.
 * Components ask {@link #take} before each operation they would otherwise perform.
 */
public final class OperationFaults {
  /** How an injected failure shows. */
  public enum Mode {
    /** The operation fails with an error. */
    ERROR,
    /** The operation does not answer in time. */
    TIMEOUT,
    /** The operation's outcome is unknown: it may have happened. */
    UNCERTAIN
  }

  /**
   * One rule.
   *
   * @param operation provision, delete, recycle, attach, detach, mountDevice, setUp, tearDown, unmountDevice
   * @param scope the operation's facts that must match ({@code claim: default/data}, {@code volume: pv-1},
   *     {@code node}, {@code pod}); empty matches every operation of the kind
   * @param times how many operations fail; negative for every one
   * @param mode how they fail
   * @param message the error text, or null for a default
   */
  public record Rule(String operation, ImmutableSortedMap<String, String> scope, int times, Mode mode, String message) {
    public Rule {
      requireNonNull(operation, "operation is null");
      scope = scope == null ? ImmutableSortedMap.of() : scope;
      requireNonNull(mode, "mode is null");
    }
  }

  /** What a matching rule makes of one operation. */
  public record Injected(Mode mode, String message) {}

  private final List<Rule> rules = new ArrayList<>();
  private final List<int[]> remaining = new ArrayList<>();

  public void add(Rule rule) {
    rules.add(rule);
    remaining.add(new int[] {rule.times()});
  }

  /** Removes every rule equal to {@code rule} (a failure that ends, such as a driver recovering). */
  public void remove(Rule rule) {
    for (int i = rules.size() - 1; i >= 0; i--) {
      if (rules.get(i).equals(rule)) {
        rules.remove(i);
        remaining.remove(i);
      }
    }
  }

  /**
   * Uses up the first rule matching this operation, if any.
   *
   * @param operation the operation kind
   * @param facts the operation's facts ({@code claim}, {@code volume}, {@code node}, {@code pod});
   *     a rule's scope key matches a fact with the same value, or, for {@code claim} and
   *     {@code pod}, the name without its namespace
   */
  public Optional<Injected> take(String operation, Map<String, String> facts) {
    Iterator<Rule> it = rules.iterator();
    Iterator<int[]> left = remaining.iterator();
    while (it.hasNext()) {
      Rule r = it.next();
      int[] n = left.next();
      if (!r.operation().equals(operation) || !scopeMatches(r.scope(), facts)) {
        continue;
      }
      if (n[0] > 0) {
        n[0]--;
      }
      if (n[0] == 0) {
        it.remove();
        left.remove();
      }
      String msg = r.message() != null ? r.message() : "injected " + r.mode().name().toLowerCase(java.util.Locale.ROOT)
          + " of " + operation;
      return Optional.of(new Injected(r.mode(), msg));
    }
    return Optional.empty();
  }

  private static boolean scopeMatches(Map<String, String> scope, Map<String, String> facts) {
    for (Map.Entry<String, String> e : scope.entrySet()) {
      String fact = facts.get(e.getKey());
      if (fact == null) {
        return false;
      }
      boolean same = fact.equals(e.getValue())
          || (fact.contains("/") && fact.substring(fact.indexOf('/') + 1).equals(e.getValue()));
      if (!same) {
        return false;
      }
    }
    return true;
  }
}
