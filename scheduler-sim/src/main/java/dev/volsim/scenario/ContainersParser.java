package dev.volsim.scenario;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.core.world.Credentials;
import dev.volsim.model.io.YNode;
import dev.volsim.model.io.YNode.Entry;
import dev.volsim.model.io.YNode.YList;
import dev.volsim.model.io.YNode.YMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads {@code spec.images} ({@code {"redis:alpine": {user: 999, group: 999}}}) and
 * {@code spec.behaviors} ({@code [{match: {pod, container} | {image}, onStart: [ops]}]}). Values
 * are plain: behaviors run inside the kubelet, where there are no run-time references.
 */
final class ContainersParser {
  private static final List<String> OPS = List.of("write", "append", "mkdir", "remove", "rename", "chmod", "chown",
      "symlink", "exit");

  private final ScenarioErrors errors;

  ContainersParser(ScenarioErrors errors) {
    this.errors = errors;
  }

  ImmutableSortedMap<String, Credentials> images(YNode node) {
    TreeMap<String, Credentials> out = new TreeMap<>();
    YMap map = Nodes.map(node, "spec.images", errors);
    if (map == null) {
      return ImmutableSortedMap.of();
    }
    for (Entry e : map.entries()) {
      String where = "spec.images[\"" + e.key() + "\"]";
      YMap m = Nodes.map(e.value(), where, errors);
      if (m == null) {
        continue;
      }
      Map<String, Entry> f = Nodes.entries(m, where, List.of("user", "group"), errors);
      Long user = f.containsKey("user") ? Nodes.integer(f.get("user").value(), where + ".user", 0, Integer.MAX_VALUE, errors)
          : Long.valueOf(0);
      Long group = f.containsKey("group")
          ? Nodes.integer(f.get("group").value(), where + ".group", 0, Integer.MAX_VALUE, errors) : Long.valueOf(0);
      if (!f.containsKey("user") && !f.containsKey("group")) {
        errors.add(m, where + " needs user or group");
      } else if (user != null && group != null) {
        out.put(e.key(), Credentials.of(user.intValue(), group.intValue()));
      }
    }
    return ImmutableSortedMap.copyOf(out);
  }

  ImmutableList<ContainerBehavior> behaviors(YNode node) {
    List<ContainerBehavior> out = new ArrayList<>();
    YList list = Nodes.list(node, "spec.behaviors", errors);
    if (list == null) {
      return ImmutableList.of();
    }
    for (int i = 0; i < list.items().size(); i++) {
      ContainerBehavior b = behavior(list.items().get(i), "spec.behaviors[" + i + "]");
      if (b != null) {
        out.add(b);
      }
    }
    return ImmutableList.copyOf(out);
  }

  private ContainerBehavior behavior(YNode node, String where) {
    YMap map = Nodes.map(node, where, errors);
    if (map == null) {
      return null;
    }
    int before = errors.list().size();
    Map<String, Entry> e = Nodes.entries(map, where, List.of("match", "onStart"), errors);
    Nodes.require(e, "match", map, where, errors);
    Nodes.require(e, "onStart", map, where, errors);
    String ns = null;
    String pod = null;
    String container = null;
    String image = null;
    if (e.containsKey("match")) {
      YMap m = Nodes.map(e.get("match").value(), where + ".match", errors);
      if (m != null) {
        Map<String, Entry> me = Nodes.entries(m, where + ".match", List.of("pod", "container", "image"), errors);
        if (me.containsKey("image")) {
          image = Nodes.nonEmptyString(me.get("image").value(), where + ".match.image", errors);
          for (String k : List.of("pod", "container")) {
            if (me.containsKey(k)) {
              errors.add(me.get(k).keyLocation(), where + ".match takes pod (and container) or image, not both");
            }
          }
        } else if (me.containsKey("pod")) {
          String ref = Nodes.nonEmptyString(me.get("pod").value(), where + ".match.pod", errors);
          if (ref != null) {
            int slash = ref.indexOf('/');
            ns = slash < 0 ? "default" : ref.substring(0, slash);
            pod = ref.substring(slash + 1);
          }
          container = me.containsKey("container")
              ? Nodes.nonEmptyString(me.get("container").value(), where + ".match.container", errors) : null;
        } else {
          errors.add(m, where + ".match needs pod (with an optional container) or image");
        }
      }
    }
    List<ContainerBehavior.Op> ops = new ArrayList<>();
    if (e.containsKey("onStart")) {
      YList l = Nodes.list(e.get("onStart").value(), where + ".onStart", errors);
      for (int i = 0; l != null && i < l.items().size(); i++) {
        ContainerBehavior.Op op = op(l.items().get(i), where + ".onStart[" + i + "]");
        if (op != null) {
          ops.add(op);
        }
      }
    }
    return errors.list().size() > before ? null : new ContainerBehavior(ns, pod, container, image,
        ImmutableList.copyOf(ops));
  }

  private ContainerBehavior.Op op(YNode node, String where) {
    YMap map = Nodes.map(node, where, errors);
    if (map == null) {
      return null;
    }
    int before = errors.list().size();
    List<String> known = new ArrayList<>(OPS);
    known.addAll(List.of("content", "size"));
    Map<String, Entry> e = Nodes.entries(map, where, known, errors);
    List<String> found = OPS.stream().filter(e::containsKey).toList();
    if (found.size() != 1) {
      errors.add(map, where + " needs exactly one operation of: " + String.join(", ", OPS));
      return null;
    }
    String op = found.get(0);
    YNode value = e.get(op).value();
    Map<String, String> args = new LinkedHashMap<>();
    boolean writes = op.equals("write") || op.equals("append");
    for (String k : List.of("content", "size")) {
      if (e.containsKey(k) && !writes) {
        errors.add(e.get(k).keyLocation(), where + "." + k + " belongs with write or append");
      }
    }
    switch (op) {
      case "exit" -> {
        Long code = Nodes.integer(value, where + ".exit", 0, 255, errors);
        if (code != null) {
          args.put("code", code.toString());
        }
      }
      case "rename" -> sub(value, where + ".rename", List.of("from", "to"), args);
      case "chmod" -> sub(value, where + ".chmod", List.of("path", "mode"), args);
      case "chown" -> sub(value, where + ".chown", List.of("path", "uid", "gid"), args);
      case "symlink" -> sub(value, where + ".symlink", List.of("path", "target"), args);
      default -> {
        String p = Nodes.nonEmptyString(value, where + "." + op, errors);
        if (p != null) {
          args.put("path", p);
        }
      }
    }
    if (args.get("mode") != null) {
      try {
        dev.volsim.core.world.Modes.parse(args.get("mode"));
      } catch (IllegalArgumentException ex) {
        errors.add(value, where + ".chmod.mode must be octal, as \"0644\": " + ex.getMessage());
      }
    }
    for (String k : List.of("uid", "gid")) {
      if (args.get(k) != null && !args.get(k).matches("[0-9]+")) {
        errors.add(value, where + ".chown." + k + " must be a whole number, got \"" + args.get(k) + "\"");
      }
    }
    if (writes) {
      if (e.containsKey("content") && e.containsKey("size")) {
        errors.add(e.get("size").keyLocation(), where + " takes content or size, not both");
      } else if (e.containsKey("content")) {
        String c = Nodes.string(e.get("content").value(), where + ".content", errors);
        if (c != null) {
          args.put("content", c);
        }
      } else if (e.containsKey("size")) {
        YNode sz = e.get("size").value();
        String text = Nodes.string(sz, where + ".size", errors);
        var q = text == null ? java.util.Optional.<dev.volsim.model.Quantity>empty()
            : dev.volsim.model.Quantity.tryParse(text);
        if (text != null && q.isEmpty()) {
          errors.add(sz, where + ".size must be a quantity such as 17Mi, got \"" + text + "\"");
        } else if (q.isPresent()) {
          args.put("size", Long.toString(q.get().longValueCeil()));
        }
      } else {
        errors.add(map, where + " needs content or size with " + op);
      }
    }
    return errors.list().size() > before ? null : new ContainerBehavior.Op(op, ImmutableMap.copyOf(args));
  }

  private void sub(YNode node, String where, List<String> required, Map<String, String> out) {
    YMap map = Nodes.map(node, where, errors);
    if (map == null) {
      return;
    }
    Map<String, Entry> e = Nodes.entries(map, where, required, errors);
    for (String k : required) {
      if (Nodes.require(e, k, map, where, errors)) {
        String v = Nodes.nonEmptyString(e.get(k).value(), where + "." + k, errors);
        if (v != null) {
          out.put(k, v);
        }
      }
    }
  }
}
