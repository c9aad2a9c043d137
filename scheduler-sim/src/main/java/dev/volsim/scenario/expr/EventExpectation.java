package dev.volsim.scenario.expr;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import dev.volsim.model.KubeObject;
import dev.volsim.model.core.Event;
import dev.volsim.model.core.ObjectReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code {event: {object, uid, type, reason, source, messageContains, messageMatches}, count: N}}
 * (or {@code atLeast: N}, or neither: at least one). Occurrences are the sum of the
 * {@code count}s of the matching Events (an Event without a count counts once).
 *
 * @param filter which Events count
 * @param count the exact number of occurrences expected, or null
 * @param atLeast the least number of occurrences expected, or null (both null: at least one)
 */
public record EventExpectation(Filter filter, Long count, Long atLeast) implements Expectation {
  public EventExpectation {
    requireNonNull(filter, "filter is null");
    Preconditions.checkArgument(count == null || atLeast == null, "both count and atLeast");
  }

  /**
   * Which Events count; every part is optional (null) and may hold {@code ${...}}.
   *
   * @param object the involved object: it matches by kind, namespace and name (a selector is
   *     resolved to its one object first)
   * @param uid the involved object's uid, to tell re-created objects apart
   * @param type {@code Normal} or {@code Warning}
   * @param reason the reason, as {@code FailedMount}
   * @param source the reporting component ({@code source.component}, else {@code reportingComponent})
   * @param messageContains a substring of the message
   * @param messageMatches a regular expression found in the message
   */
  public record Filter(String object, String uid, String type, String reason, String source,
      String messageContains, String messageMatches) {

    /** The parts given, by their keys, in key order. */
    public Map<String, String> given() {
      Map<String, String> out = new LinkedHashMap<>();
      put(out, "object", object);
      put(out, "uid", uid);
      put(out, "type", type);
      put(out, "reason", reason);
      put(out, "source", source);
      put(out, "messageContains", messageContains);
      put(out, "messageMatches", messageMatches);
      return out;
    }

    private static void put(Map<String, String> m, String k, String v) {
      if (v != null) {
        m.put(k, v);
      }
    }

    String text() {
      StringBuilder b = new StringBuilder("{");
      given().forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(k).append(": ").append(v));
      return b.append('}').toString();
    }
  }

  @Override
  public Outcome evaluate(ExpectationContext ctx) throws ExprException {
    Interpolator in = ctx.interpolator();
    Filter f = new Filter(opt(in, filter.object()), opt(in, filter.uid()), opt(in, filter.type()),
        opt(in, filter.reason()), opt(in, filter.source()), opt(in, filter.messageContains()),
        filter.messageMatches() == null ? null : in.interpolate(filter.messageMatches(), Pattern::quote));
    Pattern pattern = f.messageMatches() == null ? null : FieldCheck.Matches.compile(f.messageMatches());
    String expected = expectation() + " of events " + f.text();
    ObjectRef ref = null;
    String kind = null;
    String name = null;
    if (f.object() != null) {
      ref = ObjectRef.parse(f.object());
      if (ref.isSelector()) {
        ImmutableList<KubeObject> found = ref.matches(ctx.api());
        if (found.size() != 1) {
          return Outcome.fails(expected, found.isEmpty() ? ref.notFoundMessage() : ref.severalMessage(found));
        }
        name = found.get(0).metadata().name();
      } else {
        name = ref.name().orElseThrow();
      }
      kind = ref.kind().kind();
    }
    long occurrences = 0;
    List<String> matching = new ArrayList<>();
    List<String> sameObject = new ArrayList<>();
    for (Event e : ctx.api().list(Event.class)) {
      boolean onObject = ref == null || involves(e.involvedObject(), kind, ref, name);
      if (onObject && matches(f, pattern, e)) {
        long n = e.count() == null ? 1 : e.count();
        occurrences += n;
        matching.add(show(e, n));
      } else if (onObject && ref != null) {
        sameObject.add(show(e, e.count() == null ? 1 : e.count()));
      }
    }
    boolean holds = count != null ? occurrences == count : occurrences >= (atLeast == null ? 1 : atLeast);
    String actual;
    if (matching.isEmpty()) {
      actual = "none" + (sameObject.isEmpty() ? "" : " (other events of " + ref + ": " + Texts.names(sameObject, 5) + ")");
    } else {
      actual = occurrences + (occurrences == 1 ? " occurrence: " : " occurrences: ") + Texts.names(matching, 5);
    }
    return Outcome.of(holds, expected, actual);
  }

  private static String opt(Interpolator in, String v) throws ExprException {
    return v == null ? null : in.interpolate(v);
  }

  private static boolean involves(ObjectReference r, String kind, ObjectRef ref, String name) {
    if (r == null || !kind.equals(r.kind()) || !name.equals(r.name())) {
      return false;
    }
    String ns = r.namespace() == null ? "" : r.namespace();
    return !ref.kind().namespaced() || ns.equals(ref.namespace());
  }

  private static boolean matches(Filter f, Pattern pattern, Event e) {
    String message = e.message() == null ? "" : e.message();
    return (f.uid() == null || (e.involvedObject() != null && f.uid().equals(e.involvedObject().uid())))
        && (f.type() == null || f.type().equals(e.type()))
        && (f.reason() == null || f.reason().equals(e.reason()))
        && (f.source() == null || f.source().equals(source(e)))
        && (f.messageContains() == null || message.contains(f.messageContains()))
        && (pattern == null || pattern.matcher(message).find());
  }

  private static String source(Event e) {
    if (e.source() != null && e.source().component() != null) {
      return e.source().component();
    }
    return e.reportingComponent();
  }

  private static String show(Event e, long n) {
    ObjectReference r = e.involvedObject();
    String on = r == null ? "" : " on " + r.kind() + " " + (r.namespace() == null || r.namespace().isEmpty() ? "" : r.namespace() + "/") + r.name();
    return Objects.toString(e.type(), "") + " " + e.reason() + " from " + source(e) + on + ": "
        + Texts.quote(Objects.toString(e.message(), "")) + (n > 1 ? " (x" + n + ")" : "");
  }

  private String expectation() {
    if (count != null) {
      return count + (count == 1 ? " occurrence" : " occurrences");
    } else {
      long n = atLeast == null ? 1 : atLeast;
      return "at least " + n + (n == 1 ? " occurrence" : " occurrences");
    }
  }

  @Override
  public String describe() {
    return expectation() + " of events " + filter.text();
  }
}
