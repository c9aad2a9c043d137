package dev.volsim.scenario.expr;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.volsim.describe.Describer;
import dev.volsim.model.io.Trees;
import dev.volsim.model.io.YNode;
import dev.volsim.model.io.YNode.Entry;
import dev.volsim.model.io.YNode.ScalarKind;
import dev.volsim.model.io.YNode.YList;
import dev.volsim.model.io.YNode.YMap;
import dev.volsim.model.io.YNode.YScalar;
import dev.volsim.scenario.ScenarioErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the {@code describe} and {@code mounts} expectation forms; every problem at its place. */
final class DescribeForms {
  private DescribeForms() {}

  /** {@code {describe: R, contains: [lines]}}. */
  static Expectation describe(YMap map, ScenarioErrors errors, boolean waitFor) {
    Map<String, Entry> e = keys(map, List.of("describe", "contains"), "a \"describe\" expectation", errors, waitFor);
    if (e == null) {
      return null;
    }
    boolean ok = true;
    String ref = scalar(e.get("describe"), errors);
    if (ref != null) {
      ok &= Expectations.checkRef(e.get("describe").value(), ref, errors);
      if (ok && !Interpolator.hasReferences(ref)) {
        try {
          String kind = ObjectRef.parse(ref).kind().kind();
          if (!Describer.supports(kind)) {
            errors.add(e.get("describe").value(), "\"describe\" takes a Pod, PersistentVolume, PersistentVolumeClaim,"
                + " StorageClass, ConfigMap, Secret or Node, got a " + kind);
            ok = false;
          }
        } catch (ExprException ex) {
          errors.add(e.get("describe").value(), ex.getMessage());
          ok = false;
        }
      }
    } else {
      ok = false;
    }
    Entry contains = e.get("contains");
    List<String> lines = new ArrayList<>();
    if (contains == null) {
      errors.add(map, "a \"describe\" expectation needs \"contains: [lines]\"");
      ok = false;
    } else if (!(contains.value() instanceof YList list) || list.items().isEmpty()) {
      errors.add(contains.value(), "\"contains\" must be a non-empty list of lines, got " + shape(contains.value()));
      ok = false;
    } else {
      for (YNode item : list.items()) {
        if (!(item instanceof YScalar s) || s.kind() == ScalarKind.NULL) {
          errors.add(item, "a line of \"contains\" must be a string, got " + item.typeName());
          ok = false;
          continue;
        }
        String text = String.valueOf(Trees.toPlain(s));
        ok &= Expectations.checkTemplate(item, text, errors);
        lines.add(text);
      }
    }
    return ok ? new DescribeExpectation(ref, ImmutableList.copyOf(lines)) : null;
  }

  /** {@code {mounts: {pod, container}, includes: [{path, volume, readOnly, fsType}]}}. */
  static Expectation mounts(YMap map, ScenarioErrors errors, boolean waitFor) {
    Map<String, Entry> e = keys(map, List.of("mounts", "includes"), "a \"mounts\" expectation", errors, waitFor);
    if (e == null) {
      return null;
    }
    boolean ok = true;
    String pod = null;
    String container = null;
    if (!(e.get("mounts").value() instanceof YMap target)) {
      errors.add(e.get("mounts").value(), "\"mounts\" must be an object (as {pod: web, container: app}), got "
          + e.get("mounts").value().typeName());
      return null;
    }
    Map<String, Entry> t = keys(target, List.of("pod", "container"), "\"mounts\"", errors, false);
    if (t == null) {
      return null;
    }
    if (!t.containsKey("pod")) {
      errors.add(target, "\"mounts\" needs \"pod\"");
      ok = false;
    } else {
      pod = scalar(t.get("pod"), errors);
      ok &= pod != null && Expectations.checkTemplate(t.get("pod").value(), pod, errors);
    }
    if (t.containsKey("container")) {
      container = scalar(t.get("container"), errors);
      ok &= container != null && Expectations.checkTemplate(t.get("container").value(), container, errors);
    }
    Entry includes = e.get("includes");
    List<ImmutableMap<String, String>> entries = new ArrayList<>();
    if (includes == null) {
      errors.add(map, "a \"mounts\" expectation needs \"includes: [{path, volume, readOnly, fsType}]\"");
      ok = false;
    } else if (!(includes.value() instanceof YList list) || list.items().isEmpty()) {
      errors.add(includes.value(), "\"includes\" must be a non-empty list of mounts (as [{path: /data, readOnly: true}]),"
          + " got " + shape(includes.value()));
      ok = false;
    } else {
      for (YNode item : list.items()) {
        if (!(item instanceof YMap m)) {
          errors.add(item, "a mount of \"includes\" must be an object (as {path: /data, volume: html}), got "
              + item.typeName());
          ok = false;
          continue;
        }
        Map<String, Entry> k = keys(m, MountsExpectation.ENTRY_KEYS, "a mount of \"includes\"", errors, false);
        if (k == null) {
          ok = false;
          continue;
        }
        if (!k.containsKey("path")) {
          errors.add(m, "a mount of \"includes\" needs \"path\"");
          ok = false;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Entry x : k.values()) {
          String v = scalar(x, errors);
          if (v == null) {
            ok = false;
            continue;
          }
          if (x.key().equals("readOnly") && !(v.equals("true") || v.equals("false"))) {
            errors.add(x.value(), "\"readOnly\" must be true or false, got " + Texts.quote(v));
            ok = false;
          }
          ok &= Expectations.checkTemplate(x.value(), v, errors);
          values.put(x.key(), v);
        }
        entries.add(ImmutableMap.copyOf(values));
      }
    }
    return ok ? new MountsExpectation(pod, container, ImmutableList.copyOf(entries)) : null;
  }

  private static Map<String, Entry> keys(YMap map, List<String> known, String what, ScenarioErrors errors,
      boolean waitFor) {
    Map<String, Entry> out = new LinkedHashMap<>();
    boolean ok = true;
    for (Entry e : map.entries()) {
      if (waitFor && e.key().equals("timeout")) {
        continue;
      }
      if (!known.contains(e.key())) {
        errors.add(e.keyLocation(), "unknown key \"" + e.key() + "\" in " + what + " (it takes: "
            + String.join(", ", known) + (waitFor ? ", timeout" : "") + ")");
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

  private static String shape(YNode v) {
    return v instanceof YList l && l.items().isEmpty() ? "an empty list" : v.typeName();
  }

  private static String scalar(Entry e, ScenarioErrors errors) {
    if (!(e.value() instanceof YScalar s) || s.kind() == ScalarKind.NULL) {
      errors.add(e.value(), "\"" + e.key() + "\" must be a string, got " + e.value().typeName());
      return null;
    }
    return FieldPathExpr.text(Trees.toPlain(s));
  }
}
