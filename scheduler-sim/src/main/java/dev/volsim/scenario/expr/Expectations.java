package dev.volsim.scenario.expr;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.engine.Durations;
import dev.volsim.model.KindInfo;
import dev.volsim.model.io.Trees;
import dev.volsim.model.io.YNode;
import dev.volsim.model.io.YNode.Entry;
import dev.volsim.model.io.YNode.ScalarKind;
import dev.volsim.model.io.YNode.YList;
import dev.volsim.model.io.YNode.YMap;
import dev.volsim.model.io.YNode.YScalar;
import dev.volsim.scenario.ScenarioErrors;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the expectations of {@code expect} and {@code waitFor} steps from located trees. Every
 * problem goes to a {@link ScenarioErrors} at its {@code file:line:col}, naming the key; a form of
 * the contract that this version does not support yet ({@code mounts}, {@code describe}) is an
 * error too, never ignored. Values stay as written: {@code ${...}} is
 * checked for syntax here and resolved at each evaluation.
 */
public final class Expectations {
  /** The keys an expectation takes. */
  public static final ImmutableList<String> KEYS = ImmutableList.of("object", "field", "equals",
      "exists", "matches", "in", "absent", "count", "atLeast", "never", "event", "trace");
  /** Forms of the contract that a later version brings. */
  public static final ImmutableList<String> NOT_YET = ImmutableList.of();

  private static final ImmutableList<String> CHECKS = ImmutableList.of("equals", "exists", "matches", "in");
  private static final Map<String, ImmutableList<String>> FORM_KEYS = Map.of(
      "object", ImmutableList.of("object", "field", "equals", "exists", "matches", "in"),
      "absent", ImmutableList.of("absent"),
      "count", ImmutableList.of("count", "equals"),
      "event", ImmutableList.of("event", "count", "atLeast"),
      "trace", ImmutableList.of("trace", "count", "atLeast", "never"));
  private static final ImmutableList<String> COUNT_KEYS = ImmutableList.of("kind", "namespace", "where");
  private static final ImmutableList<String> WHERE_KEYS = ImmutableList.of("field", "equals", "exists", "matches", "in");
  private static final ImmutableList<String> EVENT_KEYS = ImmutableList.of("object", "uid", "type", "reason",
      "source", "messageContains", "messageMatches");

  private Expectations() {}

  /**
   * Parses the body of an {@code expect} step.
   *
   * @return the expectation, or null when there were problems (all added to {@code errors})
   */
  public static Expectation parse(YNode node, ScenarioErrors errors) {
    return parse(node, errors, false);
  }

  /**
   * Parses the body of a {@code waitFor} step: an expectation plus an optional {@code timeout}
   * (a Go duration, {@code 2m}).
   *
   * @return the expectation and timeout, or null when there were problems
   */
  public static WaitFor parseWaitFor(YNode node, ScenarioErrors errors) {
    Expectation e = parse(node, errors, true);
    Duration timeout = null;
    boolean ok = e != null;
    if (node instanceof YMap map) {
      for (Entry entry : map.entries()) {
        if (entry.key().equals("timeout")) {
          timeout = duration(entry.value(), errors);
          ok &= timeout != null;
        }
      }
    }
    return ok ? WaitFor.of(e, timeout) : null;
  }

  private static Duration duration(YNode node, ScenarioErrors errors) {
    if (!(node instanceof YScalar s) || s.kind() == ScalarKind.NULL) {
      errors.add(node, "\"timeout\" must be a duration such as 2m or 30s, got " + node.typeName());
      return null;
    }
    try {
      Duration d = Durations.parse(s.text());
      if (d.isNegative() || d.isZero()) {
        errors.add(node, "\"timeout\" must be positive, got " + s.text());
        return null;
      }
      return d;
    } catch (IllegalArgumentException e) {
      errors.add(node, e.getMessage());
      return null;
    }
  }

  private static Expectation parse(YNode node, ScenarioErrors errors, boolean waitFor) {
    if (!(node instanceof YMap map)) {
      errors.add(node, "an expectation must be an object (as {object: pvc/data, field: status.phase,"
          + " equals: Bound}), got " + node.typeName());
      return null;
    }
    for (Entry e : map.entries()) {
      if (NOT_YET.contains(e.key())) {
        errors.add(e.keyLocation(), "\"" + e.key() + "\" expectations are not supported yet");
        return null;
      }
    }
    for (Entry e : map.entries()) {
      if (e.key().equals("file")) {
        return fileForm(map, errors, waitFor);
      }
      if (e.key().equals("describe")) {
        return DescribeForms.describe(map, errors, waitFor);
      }
      if (e.key().equals("mounts")) {
        return DescribeForms.mounts(map, errors, waitFor);
      }
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    boolean ok = true;
    for (Entry e : map.entries()) {
      if (waitFor && e.key().equals("timeout")) {
        continue;
      }
      if (!KEYS.contains(e.key())) {
        errors.add(e.keyLocation(), "unknown key \"" + e.key() + "\" in expectation (known: "
            + String.join(", ", KEYS) + (waitFor ? ", timeout" : "") + ")"
            + (e.key().equals("timeout") ? "; timeout belongs to waitFor" : ""));
        ok = false;
      } else if (entries.containsKey(e.key())) {
        errors.add(e.keyLocation(), "duplicate key \"" + e.key() + "\" in expectation");
        ok = false;
      } else {
        entries.put(e.key(), e);
      }
    }
    List<String> heads = new ArrayList<>();
    for (String head : List.of("object", "absent", "count", "event", "trace")) {
      if (entries.containsKey(head)
          && !(head.equals("count") && (entries.containsKey("event") || entries.containsKey("trace")))) {
        heads.add(head);
      }
    }
    if (heads.isEmpty()) {
      if (ok) {
        errors.add(node, "an expectation needs one of object, absent, count, event, trace");
      }
      return null;
    }
    if (heads.size() > 1) {
      errors.add(entries.get(heads.get(1)).keyLocation(), "\"" + heads.get(1) + "\" cannot be combined with \""
          + heads.get(0) + "\" in one expectation");
      return null;
    }
    String form = heads.get(0);
    for (Entry e : entries.values()) {
      if (!FORM_KEYS.get(form).contains(e.key())) {
        errors.add(e.keyLocation(), "key \"" + e.key() + "\" does not belong in " + article(form)
            + " expectation (it takes: " + String.join(", ", FORM_KEYS.get(form)) + ")");
        ok = false;
      }
    }
    if (!ok) {
      return null;
    }
    return switch (form) {
      case "object" -> objectForm(map, entries, errors);
      case "absent" -> {
        String ref = refValue(entries.get("absent"), errors);
        yield ref == null ? null : new AbsentExpectation(ref);
      }
      case "count" -> countForm(entries, errors);
      case "event" -> eventForm(entries, errors);
      case "trace" -> traceForm(entries, errors);
      default -> throw new IllegalStateException("form " + form);
    };
  }

  private static final ImmutableList<String> FILE_TARGET_KEYS = ImmutableList.of("pod", "container", "node", "path",
      "nfs", "backend");

  /** {@code {file: {pod, container, path} | {node, path} | {nfs, path} | {backend, path}, <checks>}}. */
  private static Expectation fileForm(YMap map, ScenarioErrors errors, boolean waitFor) {
    boolean ok = true;
    Map<String, Entry> target = null;
    Map<String, Object> checks = new LinkedHashMap<>();
    YMap targetMap = null;
    for (Entry e : map.entries()) {
      if (waitFor && e.key().equals("timeout")) {
        continue;
      }
      if (e.key().equals("file")) {
        if (!(e.value() instanceof YMap t)) {
          errors.add(e.value(), "\"file\" must be an object (as {pod: web, container: app, path: /data/x}), got "
              + describeNode(e.value()));
          return null;
        }
        targetMap = t;
        target = keys(t, FILE_TARGET_KEYS, "file", errors);
        ok &= target != null;
      } else if (!FileExpectation.CHECKS.contains(e.key())) {
        errors.add(e.keyLocation(), "unknown key \"" + e.key() + "\" in a \"file\" expectation (it takes: file, "
            + String.join(", ", FileExpectation.CHECKS) + ")");
        ok = false;
      } else if (checks.containsKey(e.key())) {
        errors.add(e.keyLocation(), "duplicate key \"" + e.key() + "\" in expectation");
        ok = false;
      } else {
        YNode v = e.value();
        if (e.key().equals("entries")) {
          if (!(v instanceof YList)) {
            errors.add(v, "\"entries\" must be a list of names, got " + describeNode(v));
            ok = false;
            continue;
          }
        } else if (!(v instanceof YScalar s) || s.kind() == ScalarKind.NULL) {
          errors.add(v, "\"" + e.key() + "\" must be a value, got " + describeNode(v));
          ok = false;
          continue;
        }
        if (e.key().equals("exists") && !(v instanceof YScalar s2 && s2.kind() == ScalarKind.BOOL)) {
          errors.add(v, "\"exists\" must be true or false, got " + describeNode(v));
          ok = false;
          continue;
        }
        Object plain = v instanceof YScalar sc ? sc.text() : Trees.toPlain(v);
        for (String str : Interpolator.strings(plain)) {
          ok &= checkTemplate(v, str, errors);
        }
        if (e.key().equals("mode") && v instanceof YScalar ms && !Interpolator.hasReferences(ms.text())) {
          try {
            dev.volsim.core.world.Modes.parse(ms.text());
          } catch (IllegalArgumentException ex) {
            errors.add(v, "\"mode\" must be octal, as \"0644\": " + ex.getMessage());
            ok = false;
          }
        }
        if (e.key().equals("type") && v instanceof YScalar ts && !List.of("file", "directory", "symlink", "socket",
            "charDevice", "blockDevice").contains(ts.text())) {
          errors.add(v, "\"type\" must be one of file, directory, symlink, socket, charDevice, blockDevice, got "
              + Texts.quote(ts.text()));
          ok = false;
        }
        checks.put(e.key(), plain);
      }
    }
    if (target == null) {
      return null;
    }
    boolean hasPod = target.containsKey("pod");
    boolean hasNode = target.containsKey("node");
    long hosts = List.of("pod", "node", "nfs", "backend").stream().filter(target::containsKey).count();
    if (hosts != 1) {
      errors.add(targetMap, "\"file\" needs exactly one of pod, node, nfs or backend");
      ok = false;
    }
    if (!hasPod && target.containsKey("container")) {
      errors.add(target.get("container").keyLocation(), "\"container\" belongs with pod, not "
          + (hasNode ? "node" : target.containsKey("nfs") ? "nfs" : "backend"));
      ok = false;
    }
    if (!target.containsKey("path")) {
      errors.add(targetMap, "\"file\" needs \"path\"");
      ok = false;
    }
    if (checks.isEmpty()) {
      errors.add(map, "a \"file\" expectation needs one of " + String.join(", ", FileExpectation.CHECKS));
      ok = false;
    }
    Map<String, String> t = new LinkedHashMap<>();
    for (String k : List.of("pod", "container", "node", "path", "nfs", "backend")) {
      if (target.containsKey(k)) {
        String v = string(target.get(k), errors);
        ok &= v != null && checkTemplate(target.get(k).value(), v, errors);
        t.put(k, v);
      }
    }
    return ok ? new FileExpectation(t.get("pod"), t.get("container"), t.get("node"), t.get("path"),
        com.google.common.collect.ImmutableMap.copyOf(checks), t.get("nfs"), t.get("backend")) : null;
  }

  private static String article(String form) {
    return (form.equals("object") || form.equals("absent") || form.equals("event") ? "an \"" : "a \"") + form + "\"";
  }

  // ------------------------------------------------------------------ forms

  private static Expectation objectForm(YMap map, Map<String, Entry> entries, ScenarioErrors errors) {
    String ref = refValue(entries.get("object"), errors);
    FieldCondition c = condition(map, entries, "object expectation", errors);
    return ref == null || c == null ? null : new ObjectExpectation(ref, c);
  }

  /** {@code field} plus exactly one check, from the entries of an expectation or a where filter. */
  private static FieldCondition condition(YNode where, Map<String, Entry> entries, String what, ScenarioErrors errors) {
    Entry fieldEntry = entries.get("field");
    String field = null;
    if (fieldEntry == null) {
      errors.add(where, what + " needs \"field\" (as field: status.phase)");
    } else {
      field = string(fieldEntry, errors);
      if (field != null && !checkField(fieldEntry.value(), field, errors)) {
        field = null;
      }
    }
    List<Entry> checks = new ArrayList<>();
    for (String k : CHECKS) {
      if (entries.containsKey(k)) {
        checks.add(entries.get(k));
      }
    }
    if (checks.isEmpty()) {
      errors.add(where, what + " needs one of equals, exists, matches, in");
      return null;
    }
    if (checks.size() > 1) {
      errors.add(checks.get(1).keyLocation(), "\"" + checks.get(1).key() + "\" cannot be combined with \""
          + checks.get(0).key() + "\" in one " + what);
      return null;
    }
    FieldCheck check = check(checks.get(0), errors);
    return field == null || check == null ? null : new FieldCondition(field, check);
  }

  private static FieldCheck check(Entry e, ScenarioErrors errors) {
    YNode v = e.value();
    switch (e.key()) {
      case "equals": {
        Object value = value(e, errors);
        return value == null ? null : new FieldCheck.Equals(value);
      }
      case "exists": {
        if (!(v instanceof YScalar s) || s.kind() != ScalarKind.BOOL) {
          errors.add(v, "\"exists\" must be true or false, got " + describeNode(v));
          return null;
        }
        return new FieldCheck.Exists((Boolean) Trees.toPlain(s));
      }
      case "matches": {
        String re = string(e, errors);
        return re != null && checkRegex(v, re, errors) ? new FieldCheck.Matches(re) : null;
      }
      case "in": {
        if (!(v instanceof YList list) || list.items().isEmpty()) {
          errors.add(v, "\"in\" must be a non-empty list of values, got " + describeNode(v));
          return null;
        }
        List<Object> values = new ArrayList<>();
        boolean ok = true;
        for (YNode item : list.items()) {
          Object value = value(new Entry("in", e.keyLocation(), item), errors);
          ok &= value != null;
          values.add(value);
        }
        return ok ? new FieldCheck.In(ImmutableList.copyOf(values)) : null;
      }
      default:
        throw new IllegalStateException("check " + e.key());
    }
  }

  private static Expectation countForm(Map<String, Entry> entries, ScenarioErrors errors) {
    Entry countEntry = entries.get("count");
    Entry equalsEntry = entries.get("equals");
    if (!(countEntry.value() instanceof YMap count)) {
      errors.add(countEntry.value(), "\"count\" must be an object (as {kind: pv, where: [...]}), got "
          + describeNode(countEntry.value()));
      return null;
    }
    Long n = null;
    if (equalsEntry == null) {
      errors.add(countEntry.keyLocation(), "a \"count\" expectation needs \"equals: N\"");
    } else {
      n = wholeNumber(equalsEntry, errors);
    }
    Map<String, Entry> keys = keys(count, COUNT_KEYS, "count", errors);
    if (keys == null) {
      return null;
    }
    KindInfo<?> kind = null;
    Entry kindEntry = keys.get("kind");
    if (kindEntry == null) {
      errors.add(count, "\"count\" needs \"kind\" (as kind: pv)");
    } else {
      String k = string(kindEntry, errors);
      if (k != null) {
        try {
          kind = ObjectRef.kind(k);
        } catch (ExprException ex) {
          errors.add(kindEntry.value(), ex.getMessage());
        }
      }
    }
    String namespace = null;
    boolean ok = true;
    if (keys.containsKey("namespace")) {
      namespace = string(keys.get("namespace"), errors);
      ok = namespace != null && checkTemplate(keys.get("namespace").value(), namespace, errors);
      if (kind != null && !kind.namespaced()) {
        errors.add(keys.get("namespace").keyLocation(), kind.plural() + " are cluster-scoped and take no namespace");
        ok = false;
      }
    }
    List<FieldCondition> where = new ArrayList<>();
    if (keys.containsKey("where")) {
      YNode w = keys.get("where").value();
      if (!(w instanceof YList list)) {
        errors.add(w, "\"where\" must be a list of filters (as [{field: status.phase, equals: Bound}]), got "
            + describeNode(w));
        ok = false;
      } else {
        for (YNode item : list.items()) {
          if (!(item instanceof YMap filter)) {
            errors.add(item, "a \"where\" filter must be an object (as {field: status.phase, equals: Bound}), got "
                + describeNode(item));
            ok = false;
            continue;
          }
          Map<String, Entry> fk = keys(filter, WHERE_KEYS, "where filter", errors);
          FieldCondition c = fk == null ? null : condition(filter, fk, "where filter", errors);
          ok &= c != null;
          where.add(c);
        }
      }
    }
    return ok && kind != null && n != null ? new CountExpectation(kind, namespace, ImmutableList.copyOf(where), n) : null;
  }

  private static Expectation eventForm(Map<String, Entry> entries, ScenarioErrors errors) {
    Entry eventEntry = entries.get("event");
    if (!(eventEntry.value() instanceof YMap event)) {
      errors.add(eventEntry.value(), "\"event\" must be an object (as {reason: FailedMount, object: pod/web}), got "
          + describeNode(eventEntry.value()));
      return null;
    }
    Map<String, Entry> keys = keys(event, EVENT_KEYS, "event", errors);
    Counts counts = counts(entries, errors);
    if (keys == null || counts == null) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    boolean ok = true;
    for (Entry e : keys.values()) {
      String v = string(e, errors);
      if (v == null) {
        ok = false;
        continue;
      }
      ok &= switch (e.key()) {
        case "object" -> checkRef(e.value(), v, errors);
        case "messageMatches" -> checkRegex(e.value(), v, errors);
        default -> checkTemplate(e.value(), v, errors);
      };
      values.put(e.key(), v);
    }
    if (!ok) {
      return null;
    }
    EventExpectation.Filter f = new EventExpectation.Filter(values.get("object"), values.get("uid"),
        values.get("type"), values.get("reason"), values.get("source"), values.get("messageContains"),
        values.get("messageMatches"));
    return new EventExpectation(f, counts.count(), counts.atLeast());
  }

  private static Expectation traceForm(Map<String, Entry> entries, ScenarioErrors errors) {
    TraceMatcher m = TraceMatcher.parse(entries.get("trace").value(), errors);
    Counts counts = counts(entries, errors);
    boolean never = false;
    boolean ok = m != null && counts != null;
    Entry neverEntry = entries.get("never");
    if (neverEntry != null) {
      YNode v = neverEntry.value();
      if (!(v instanceof YScalar s) || s.kind() != ScalarKind.BOOL || !((Boolean) Trees.toPlain(s))) {
        errors.add(v, "\"never\" takes only true (use atLeast: 1 to require an entry), got " + describeNode(v));
        ok = false;
      } else if (counts != null && (counts.count() != null || counts.atLeast() != null)) {
        errors.add(neverEntry.keyLocation(), "\"never\" cannot be combined with \""
            + (counts.count() != null ? "count" : "atLeast") + "\"");
        ok = false;
      } else {
        never = true;
      }
    }
    return ok ? new TraceExpectation(m, counts.count(), counts.atLeast(), never) : null;
  }

  private record Counts(Long count, Long atLeast) {}

  private static Counts counts(Map<String, Entry> entries, ScenarioErrors errors) {
    Entry c = entries.get("count");
    Entry a = entries.get("atLeast");
    if (c != null && a != null) {
      errors.add(a.keyLocation(), "\"atLeast\" cannot be combined with \"count\"");
      return null;
    }
    Long count = c == null ? null : wholeNumber(c, errors);
    Long atLeast = a == null ? null : wholeNumber(a, errors);
    if ((c != null && count == null) || (a != null && atLeast == null)) {
      return null;
    }
    return new Counts(count, atLeast);
  }

  // ------------------------------------------------------------------ values

  /** The entries of a nested object, each key known and given once; null after problems. */
  private static Map<String, Entry> keys(YMap map, List<String> known, String what, ScenarioErrors errors) {
    Map<String, Entry> out = new LinkedHashMap<>();
    boolean ok = true;
    for (Entry e : map.entries()) {
      if (!known.contains(e.key())) {
        errors.add(e.keyLocation(), "unknown key \"" + e.key() + "\" in " + what + " (known: " + String.join(", ", known) + ")");
        ok = false;
      } else if (out.containsKey(e.key())) {
        errors.add(e.keyLocation(), "duplicate key \"" + e.key() + "\" in " + what);
        ok = false;
      } else {
        out.put(e.key(), e);
      }
    }
    return ok ? out : null;
  }

  /** A scalar's text (numbers and booleans as their text); null, with an error, for anything else. */
  private static String string(Entry e, ScenarioErrors errors) {
    YNode v = e.value();
    if (!(v instanceof YScalar s) || s.kind() == ScalarKind.NULL) {
      errors.add(v, "\"" + e.key() + "\" must be a string, got " + describeNode(v));
      return null;
    }
    return FieldPathExpr.text(Trees.toPlain(s));
  }

  /** A plain value that is not null, its strings' templates checked. */
  private static Object value(Entry e, ScenarioErrors errors) {
    YNode v = e.value();
    if (v instanceof YScalar s && s.kind() == ScalarKind.NULL) {
      errors.add(v, "\"" + e.key() + "\" needs a value" + (e.key().equals("equals")
          ? " (to require that a field is not set, write exists: false)" : ""));
      return null;
    }
    Object plain = Trees.toPlain(v);
    boolean ok = true;
    for (String s : Interpolator.strings(plain)) {
      ok &= checkTemplate(v, s, errors);
    }
    return ok ? plain : null;
  }

  private static String refValue(Entry e, ScenarioErrors errors) {
    String ref = string(e, errors);
    return ref != null && checkRef(e.value(), ref, errors) ? ref : null;
  }

  private static Long wholeNumber(Entry e, ScenarioErrors errors) {
    YNode v = e.value();
    if (v instanceof YScalar s && s.kind() == ScalarKind.INT && Trees.toPlain(s) instanceof Long n && n >= 0) {
      return n;
    }
    errors.add(v, "\"" + e.key() + "\" must be a whole number of at least 0, got " + describeNode(v));
    return null;
  }

  private static String describeNode(YNode v) {
    return v instanceof YScalar s && s.kind() != ScalarKind.NULL ? s.typeName() + " " + Texts.quote(s.text()) : v.typeName();
  }

  /** Checks an object reference (or, when it holds {@code ${...}}, the template's syntax). */
  static boolean checkRef(YNode at, String text, ScenarioErrors errors) {
    try {
      if (Interpolator.hasReferences(text)) {
        Interpolator.check(text);
      } else {
        ObjectRef.parse(text);
      }
      return true;
    } catch (ExprException e) {
      errors.add(at, e.getMessage());
      return false;
    }
  }

  /** Checks the syntax of a template's {@code ${...}} references. */
  static boolean checkTemplate(YNode at, String text, ScenarioErrors errors) {
    try {
      Interpolator.check(text);
      return true;
    } catch (ExprException e) {
      errors.add(at, e.getMessage());
      return false;
    }
  }

  private static boolean checkField(YNode at, String text, ScenarioErrors errors) {
    try {
      if (Interpolator.hasReferences(text)) {
        Interpolator.check(text);
      } else {
        FieldPathExpr.parse(text);
      }
      return true;
    } catch (ExprException e) {
      errors.add(at, e.getMessage());
      return false;
    }
  }

  private static boolean checkRegex(YNode at, String text, ScenarioErrors errors) {
    try {
      if (Interpolator.hasReferences(text)) {
        Interpolator.check(text);
      } else {
        FieldCheck.Matches.compile(text);
      }
      return true;
    } catch (ExprException e) {
      errors.add(at, e.getMessage());
      return false;
    }
  }
}
