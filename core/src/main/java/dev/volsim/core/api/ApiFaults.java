package dev.volsim.core.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Failures injected into API writes (the scenario step {@code inject: {failure: {operation:
 * apiUpdate, component, object | kind, times, mode, message}}}): the next N matching writes fail.
 * Rules are tried in the order they were added; the first that matches is used up.
 */
public final class ApiFaults {
  /** How an injected failure shows. */
  public enum Mode {
    /** The write is refused with an internal error; nothing changes. */
    ERROR,
    /** The client times out; nothing changes. */
    TIMEOUT,
    /** The client times out but the write happened (the client cannot tell). */
    UNCERTAIN
  }

  /**
   * One rule.
   *
   * @param component the writing component, or null for any
   * @param kind the kind written, or null for any
   * @param key the object written, or null for any of the kind
   * @param times how many writes fail; negative for every one
   * @param mode how they fail
   * @param message the error text (null for a default)
   */
  public record Rule(String component, String kind, ObjectKey key, int times, Mode mode, String message) {}

  private final List<Rule> rules = new ArrayList<>();
  private final List<int[]> remaining = new ArrayList<>();

  /** Adds a rule after those already present. */
  public void add(Rule rule) {
    rules.add(rule);
    remaining.add(new int[] {rule.times()});
  }

  /** Whether any rule is active. */
  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /**
   * Applies the first matching rule to this write: ERROR and TIMEOUT throw (the write must not
   * happen); UNCERTAIN returns the message the caller throws as a timeout after writing.
   *
   * @return null when no rule matches or the write may proceed normally
   */
  String check(String component, String verb, ObjectKey key) {
    if (rules.isEmpty()) {
      return null;
    }
    Iterator<Rule> it = rules.iterator();
    Iterator<int[]> left = remaining.iterator();
    while (it.hasNext()) {
      Rule r = it.next();
      int[] n = left.next();
      if (!matches(r, component, key)) {
        continue;
      }
      if (n[0] > 0) {
        n[0]--;
      }
      if (n[0] == 0) {
        it.remove();
        left.remove();
      }
      String msg = r.message() != null ? r.message()
          : "injected failure: " + verb + " " + key.ref() + " by " + component;
      switch (r.mode()) {
        case ERROR -> throw ApiException.internal(msg);
        case TIMEOUT -> throw ApiException.timeout(msg);
        case UNCERTAIN -> {
          return msg;
        }
      }
    }
    return null;
  }

  private static boolean matches(Rule r, String component, ObjectKey key) {
    return (r.component() == null || r.component().equals(component))
        && (r.kind() == null || r.kind().equals(key.kind()))
        && (r.key() == null || r.key().equals(key));
  }

}
