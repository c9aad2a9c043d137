package dev.volsim.scenario;

import dev.volsim.core.api.ApiClient.PatchType;
import dev.volsim.core.api.ApiFaults;
import dev.volsim.core.api.PropagationPolicy;
import dev.volsim.model.Kinds;
import dev.volsim.model.io.Trees;
import dev.volsim.model.io.YNode;
import dev.volsim.model.io.YNode.Entry;
import dev.volsim.model.io.YNode.YList;
import dev.volsim.model.io.YNode.YMap;
import dev.volsim.scenario.expr.ExprException;
import dev.volsim.scenario.expr.Expectation;
import dev.volsim.scenario.expr.Expectations;
import dev.volsim.scenario.expr.Interpolator;
import dev.volsim.scenario.expr.ObjectRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code spec.steps}: one record per step, every problem reported at its place. Steps of
 * the contract that this version does not run are refused as not supported yet.
 */
final class StepParser {
  private static final Pattern CAPTURE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  private static final List<String> LATER_EXPECTATIONS = List.of();
  private static final List<String> OPERATIONS = List.of("provision", "delete", "recycle", "attach", "detach",
      "mountDevice", "setUp", "tearDown", "unmountDevice", "apiUpdate");
  private static final List<String> FAILURE_KEYS = List.of("operation", "component", "object", "kind", "times",
      "mode", "message", "claim", "volume", "node", "pod");

  private final ScenarioErrors errors;
  private final ManifestReader manifests;

  StepParser(ScenarioErrors errors, ManifestReader manifests) {
    this.errors = errors;
    this.manifests = manifests;
  }

  /** The steps of a {@code steps} list; a step with an error is left out (and reported). */
  List<Step> parse(YNode node) {
    List<Step> out = new ArrayList<>();
    YList list = Nodes.list(node, "spec.steps", errors);
    if (list == null) {
      return out;
    }
    for (int i = 0; i < list.items().size(); i++) {
      Step s = step(list.items().get(i), i + 1);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  private Step step(YNode node, int number) {
    String where = "spec.steps[" + (number - 1) + "]";
    YMap map = Nodes.map(node, where, errors);
    if (map == null) {
      return null;
    }
    Entry action = null;
    String expectError = null;
    boolean bad = false;
    for (Entry e : map.entries()) {
      if (e.key().equals("expectError")) {
        expectError = Nodes.nonEmptyString(e.value(), where + ".expectError", errors);
        bad |= expectError == null;
        continue;
      }
      Optional<StepKind> kind = StepKind.ofKey(e.key());
      if (kind.isEmpty()) {
        errors.add(e.keyLocation(), "unknown step \"" + e.key() + "\" (known: "
            + String.join(", ", StepKind.keys()) + ", and expectError beside any of them)");
        bad = true;
      } else if (!kind.get().supported()) {
        errors.add(e.keyLocation(), "\"" + e.key() + "\" steps are " + Nodes.NOT_SUPPORTED);
        bad = true;
      } else if (action != null) {
        errors.add(e.keyLocation(), "a step does one thing: this one has both \"" + action.key()
            + "\" and \"" + e.key() + "\"");
        bad = true;
      } else {
        action = e;
      }
    }
    if (action == null) {
      if (!bad) {
        errors.add(map, where + " needs one of: " + String.join(", ", StepKind.keys()));
      }
      return null;
    }
    StepInfo info = new StepInfo(number, map.location(), expectError);
    Step step = switch (StepKind.ofKey(action.key()).orElseThrow()) {
      case APPLY -> apply(info, action.value(), where + ".apply");
      case DELETE -> delete(info, action.value(), where + ".delete");
      case PATCH -> patch(info, action.value(), where + ".patch");
      case ADVANCE -> advance(info, action.value(), where + ".advance");
      case WAIT_FOR -> waitFor(info, action.value(), where + ".waitFor");
      case EXPECT -> expect(info, action.value(), where + ".expect");
      case EXPECT_ORDER -> expectOrder(info, action.value());
      case CAPTURE -> capture(info, action.value(), where + ".capture");
      case PAUSE, RESUME -> controllerStep(info, action, where + "." + action.key());
      case INJECT -> inject(info, action.value(), where + ".inject");
      case EXEC -> fileOp(info, StepKind.EXEC, action.value(), where + ".exec");
      case ADMIN -> action.value() instanceof YMap am && am.entries().stream().anyMatch(x -> x.key().equals("git"))
          ? new GitPushParser(errors).parse(info, am, where + ".admin")
          : fileOp(info, StepKind.ADMIN, action.value(), where + ".admin");
      case EXIT -> containerExit(info, action.value(), where + ".exit");
      case RESTART -> restart(info, action.value(), where + ".restart");
      case FAIL -> new NodeStepParser(errors).failOrRecover(info, action.value(), where + ".fail", false);
      case RECOVER -> new NodeStepParser(errors).failOrRecover(info, action.value(), where + ".recover", true);
      case TAINT -> new NodeStepParser(errors).taint(info, action.value(), where + ".taint");
      case UNTAINT -> new NodeStepParser(errors).untaint(info, action.value(), where + ".untaint");
    };
    return bad ? null : step;
  }

  private Step apply(StepInfo info, YNode node, String where) {
    int before = errorCount();
    List<ScenarioManifest> list = info.expectError() == null ? manifests.read(node, where)
        : manifests.readExpectingRejection(node, where);
    return errorCount() > before ? null : new Step.Apply(info, com.google.common.collect.ImmutableList.copyOf(list));
  }

  private Step delete(StepInfo info, YNode node, String where) {
    YMap map = Nodes.map(node, where, errors);
    if (map == null) {
      return null;
    }
    int before = errorCount();
    Map<String, Entry> e = Nodes.entries(map, where,
        List.of("object", "gracePeriodSeconds", "force", "propagationPolicy"), errors);
    String object = e.containsKey("object") ? objectRef(e.get("object").value(), where + ".object") : null;
    Nodes.require(e, "object", map, where, errors);
    Long grace = e.containsKey("gracePeriodSeconds")
        ? Nodes.integer(e.get("gracePeriodSeconds").value(), where + ".gracePeriodSeconds", 0, Long.MAX_VALUE, errors)
        : null;
    Boolean force = e.containsKey("force") ? Nodes.bool(e.get("force").value(), where + ".force", errors) : Boolean.FALSE;
    PropagationPolicy propagation = null;
    if (e.containsKey("propagationPolicy")) {
      YNode p = e.get("propagationPolicy").value();
      String text = Nodes.string(p, where + ".propagationPolicy", errors);
      propagation = text == null ? null : PropagationPolicy.fromWire(text);
      if (text != null && propagation == null) {
        errors.add(p, where + ".propagationPolicy must be Orphan, Background or Foreground, got \"" + text + "\"");
      }
    }
    if (Boolean.TRUE.equals(force)) {
      if (grace != null && grace > 0) {
        // kubectl: "--force and --grace-period greater than 0 cannot be specified together"
        errors.add(e.get("gracePeriodSeconds").value(),
            "force and gracePeriodSeconds greater than 0 cannot be given together (as kubectl says)");
      }
      grace = 0L;
    } else if (grace != null && grace == 0) {
      // kubectl turns --grace-period=0 without --force into 1 "to prevent accidental data loss".
      grace = 1L;
    }
    return errorCount() > before ? null : new Step.Delete(info, object, grace, propagation);
  }

  private Step patch(StepInfo info, YNode node, String where) {
    YMap map = Nodes.map(node, where, errors);
    if (map == null) {
      return null;
    }
    int before = errorCount();
    Map<String, Entry> e = Nodes.entries(map, where, List.of("object", "merge", "json", "subresource"), errors);
    Nodes.require(e, "object", map, where, errors);
    String object = e.containsKey("object") ? objectRef(e.get("object").value(), where + ".object") : null;
    PatchType type = null;
    Object patch = null;
    if (e.containsKey("merge") && e.containsKey("json")) {
      errors.add(e.get("json").keyLocation(), where + " takes merge or json, not both");
    } else if (e.containsKey("merge")) {
      type = PatchType.MERGE;
      YMap m = Nodes.map(e.get("merge").value(), where + ".merge", errors);
      if (m != null) {
        Templates.checkTree(m, errors);
      }
      patch = m == null ? null : Trees.toPlain(m);
    } else if (e.containsKey("json")) {
      type = PatchType.JSON;
      YList l = Nodes.list(e.get("json").value(), where + ".json", errors);
      if (l != null) {
        Templates.checkTree(l, errors);
      }
      patch = l == null ? null : Trees.toPlain(l);
    } else {
      errors.add(map, where + " needs merge: {...} or json: [...]");
    }
    boolean status = false;
    if (e.containsKey("subresource")) {
      YNode s = e.get("subresource").value();
      String text = Nodes.string(s, where + ".subresource", errors);
      if (text != null && !text.equals("status")) {
        errors.add(s, where + ".subresource must be status, got \"" + text + "\"");
      }
      status = "status".equals(text);
    }
    return errorCount() > before ? null : new Step.Patch(info, object, type, patch, status);
  }

  private Step advance(StepInfo info, YNode node, String where) {
    Duration d = Nodes.duration(node, where, errors);
    return d == null ? null : new Step.Advance(info, d);
  }

  private Step waitFor(StepInfo info, YNode node, String where) {
    if (refuseLaterForms(node)) {
      return null;
    }
    var parsed = Expectations.parseWaitFor(node, errors);
    if (parsed == null) {
      return null;
    }
    Duration timeout = parsed.timeout().orElse(Step.WaitFor.DEFAULT_TIMEOUT);
    return new Step.WaitFor(info, parsed.expectation(), timeout);
  }

  private Step expect(StepInfo info, YNode node, String where) {
    if (refuseLaterForms(node)) {
      return null;
    }
    Expectation x = Expectations.parse(node, errors);
    return x == null ? null : new Step.Expect(info, x);
  }

  private Step expectOrder(StepInfo info, YNode node) {
    var order = dev.volsim.scenario.expr.ExpectOrder.parse(node, errors);
    return order == null ? null : new Step.ExpectOrder(info, order);
  }

  /** Expectation forms of the contract that come with later versions: refused, saying so. */
  private boolean refuseLaterForms(YNode node) {
    boolean refused = false;
    if (node instanceof YMap map) {
      for (Entry e : map.entries()) {
        if (LATER_EXPECTATIONS.contains(e.key())) {
          errors.add(e.keyLocation(), "\"" + e.key() + "\" expectations are " + Nodes.NOT_SUPPORTED);
          refused = true;
        }
      }
    }
    return refused;
  }

  private Step capture(StepInfo info, YNode node, String where) {
    YMap map = Nodes.map(node, where, errors);
    if (map == null) {
      return null;
    }
    int before = errorCount();
    Map<String, Entry> e = Nodes.entries(map, where, List.of("name", "value"), errors);
    Nodes.require(e, "name", map, where, errors);
    Nodes.require(e, "value", map, where, errors);
    String name = e.containsKey("name") ? Nodes.nonEmptyString(e.get("name").value(), where + ".name", errors) : null;
    if (name != null && !CAPTURE_NAME.matcher(name).matches()) {
      errors.add(e.get("name").value(), where + ".name must be a name such as oldUid (letters, digits, _ and -), got \""
          + name + "\"");
    }
    String value = e.containsKey("value") ? Nodes.string(e.get("value").value(), where + ".value", errors) : null;
    if (value != null) {
      Templates.check(e.get("value").value(), value, errors);
    }
    return errorCount() > before ? null : new Step.Capture(info, name, value);
  }

  private Step controllerStep(StepInfo info, Entry action, String where) {
    YMap map = Nodes.map(action.value(), where, errors);
    if (map == null) {
      return null;
    }
    Map<String, Entry> e = Nodes.entries(map, where, List.of("controller"), errors);
    if (!Nodes.require(e, "controller", map, where, errors)) {
      return null;
    }
    String c = Nodes.nonEmptyString(e.get("controller").value(), where + ".controller", errors);
    if (c == null) {
      return null;
    }
    return action.key().equals("pause") ? new Step.Pause(info, c) : new Step.Resume(info, c);
  }

  private Step inject(StepInfo info, YNode node, String where) {
    YMap map = Nodes.map(node, where, errors);
    if (map == null) {
      return null;
    }
    Map<String, Entry> top = Nodes.entries(map, where, List.of("failure"), errors);
    if (!Nodes.require(top, "failure", map, where, errors)) {
      return null;
    }
    where = where + ".failure";
    YMap f = Nodes.map(top.get("failure").value(), where, errors);
    if (f == null) {
      return null;
    }
    int before = errorCount();
    Map<String, Entry> e = Nodes.entries(f, where, FAILURE_KEYS, errors);
    if (!Nodes.require(e, "operation", f, where, errors)) {
      return null;
    }
    YNode opNode = e.get("operation").value();
    String op = Nodes.string(opNode, where + ".operation", errors);
    if (op == null) {
      return null;
    }
    if (!OPERATIONS.contains(op)) {
      errors.add(opNode, "unknown operation \"" + op + "\" in " + where + " (known: " + String.join(", ", OPERATIONS) + ")");
      return null;
    }
    if (!STORAGE_OPERATIONS_NOW.contains(op) && !op.equals("apiUpdate")) {
      errors.add(opNode, "inject of \"" + op + "\" failures is " + Nodes.NOT_SUPPORTED
          + " (supported: apiUpdate, " + String.join(", ", STORAGE_OPERATIONS_NOW) + ")");
      return null;
    }
    if (!op.equals("apiUpdate")) {
      return storageFailure(info, op, e, where, before);
    }
    for (String scope : List.of("claim", "volume", "node", "pod")) {
      if (e.containsKey(scope)) {
        errors.add(e.get(scope).keyLocation(), where + "." + scope
            + " does not apply to apiUpdate failures (they are scoped by component plus object or kind)");
      }
    }
    String component = e.containsKey("component")
        ? Nodes.nonEmptyString(e.get("component").value(), where + ".component", errors) : null;
    String object = e.containsKey("object") ? objectRef(e.get("object").value(), where + ".object") : null;
    String kind = null;
    if (e.containsKey("object") && e.containsKey("kind")) {
      errors.add(e.get("kind").keyLocation(), where + " takes object or kind, not both");
    } else if (e.containsKey("kind")) {
      YNode k = e.get("kind").value();
      String text = Nodes.nonEmptyString(k, where + ".kind", errors);
      if (text != null) {
        var info2 = Kinds.resolve(text);
        if (info2.isEmpty()) {
          errors.add(k, "unknown kind \"" + text + "\" in " + where + ".kind");
        } else {
          kind = info2.get().kind();
        }
      }
    }
    int times = times(e, where);
    ApiFaults.Mode mode = ApiFaults.Mode.ERROR;
    if (e.containsKey("mode")) {
      YNode m = e.get("mode").value();
      String text = Nodes.string(m, where + ".mode", errors);
      if (text != null) {
        switch (text) {
          case "error" -> mode = ApiFaults.Mode.ERROR;
          case "timeout" -> mode = ApiFaults.Mode.TIMEOUT;
          case "uncertain" -> mode = ApiFaults.Mode.UNCERTAIN;
          default -> errors.add(m, where + ".mode must be error, timeout or uncertain, got \"" + text + "\"");
        }
      }
    }
    String message = e.containsKey("message") ? Nodes.string(e.get("message").value(), where + ".message", errors) : null;
    if (message != null) {
      Templates.check(e.get("message").value(), message, errors);
    }
    return errorCount() > before ? null
        : new Step.InjectApiFailure(info, component, object, kind, times, mode, message);
  }

  /** {@code times: N | forever} (default 1); -1 for forever. */
  private int times(Map<String, Entry> e, String where) {
    if (!e.containsKey("times")) {
      return 1;
    }
    YNode t = e.get("times").value();
    if (t instanceof YNode.YScalar s && s.text().equals("forever")) {
      return -1;
    } else if (t instanceof YNode.YScalar s && s.kind() == YNode.ScalarKind.INT) {
      Long n = Nodes.integer(t, where + ".times", 1, Integer.MAX_VALUE, errors);
      return n == null ? 1 : n.intValue();
    } else {
      errors.add(t, where + ".times must be a positive integer or forever, got " + Nodes.describe(t));
      return 1;
    }
  }

  /** Storage operations whose failures this version injects. */
  private static final List<String> STORAGE_OPERATIONS_NOW = List.of("provision", "delete", "recycle", "attach",
      "detach", "mountDevice", "setUp", "tearDown", "unmountDevice");

  /** {@code inject} of a storage operation: scoped by claim, volume, node or pod. */
  private Step storageFailure(StepInfo info, String op, Map<String, Entry> e, String where, int before) {
    for (String key : List.of("component", "object", "kind")) {
      if (e.containsKey(key)) {
        errors.add(e.get(key).keyLocation(), where + "." + key + " applies only to apiUpdate failures ("
            + op + " failures are scoped by claim, volume, node or pod)");
      }
    }
    java.util.TreeMap<String, String> scope = new java.util.TreeMap<>();
    for (String key : List.of("claim", "volume", "node", "pod")) {
      if (e.containsKey(key)) {
        String v = Nodes.nonEmptyString(e.get(key).value(), where + "." + key, errors);
        if (v != null && Templates.check(e.get(key).value(), v, errors)) {
          scope.put(key, v);
        }
      }
    }
    int times = times(e, where);
    dev.volsim.core.cluster.OperationFaults.Mode mode = dev.volsim.core.cluster.OperationFaults.Mode.ERROR;
    if (e.containsKey("mode")) {
      YNode m = e.get("mode").value();
      String text = Nodes.string(m, where + ".mode", errors);
      if (text != null) {
        switch (text) {
          case "error" -> mode = dev.volsim.core.cluster.OperationFaults.Mode.ERROR;
          case "timeout" -> mode = dev.volsim.core.cluster.OperationFaults.Mode.TIMEOUT;
          case "uncertain" -> mode = dev.volsim.core.cluster.OperationFaults.Mode.UNCERTAIN;
          default -> errors.add(m, where + ".mode must be error, timeout or uncertain, got \"" + text + "\"");
        }
      }
    }
    String message = e.containsKey("message") ? Nodes.string(e.get("message").value(), where + ".message", errors) : null;
    if (message != null) {
      Templates.check(e.get("message").value(), message, errors);
    }
    return errorCount() > before ? null
        : new Step.InjectOperationFailure(info, op, com.google.common.collect.ImmutableSortedMap.copyOf(scope), times, mode, message);
  }

  /** An object reference, checked now unless it holds run-time references. */
  private String objectRef(YNode node, String what) {
    String text = Nodes.nonEmptyString(node, what, errors);
    if (text == null) {
      return null;
    }
    if (Interpolator.hasReferences(text)) {
      return Templates.check(node, text, errors) ? text : null;
    }
    try {
      ObjectRef.parse(text);
      return text;
    } catch (ExprException ex) {
      errors.add(node, what + ": " + ex.getMessage());
      return null;
    }
  }

  private int errorCount() {
    return errors.list().size();
  }

  private static final List<String> FILE_OPS = List.of("write", "append", "read", "list", "mkdir", "remove", "rename",
      "chmod", "chown", "symlink", "stat", "mount", "umount");

  /** {@code exec: {pod, container, as, <op>}} or {@code admin: {node | nfs | backend, <op>}}. */
  private Step fileOp(StepInfo info, StepKind kind, YNode node, String where) {
    YMap map = Nodes.map(node, where, errors);
    if (map == null) {
      return null;
    }
    int before = errorCount();
    List<String> known = new ArrayList<>(kind == StepKind.EXEC ? List.of("pod", "container", "as")
        : List.of("node", "nfs", "backend", "git"));
    known.addAll(FILE_OPS);
    known.addAll(List.of("content", "size"));
    Map<String, Entry> e = Nodes.entries(map, where, known, errors);
    if (errorCount() > before) {
      return null;
    }
    String pod = null;
    String container = null;
    String nodeName = null;
    String nfs = null;
    String backend = null;
    Long uid = null;
    Long gid = null;
    if (kind == StepKind.EXEC) {
      Nodes.require(e, "pod", map, where, errors);
      pod = e.containsKey("pod") ? templated(e.get("pod").value(), where + ".pod") : null;
      container = e.containsKey("container") ? templated(e.get("container").value(), where + ".container") : null;
      if (e.containsKey("as")) {
        YMap as = Nodes.map(e.get("as").value(), where + ".as", errors);
        if (as != null) {
          Map<String, Entry> a = Nodes.entries(as, where + ".as", List.of("uid", "gid"), errors);
          uid = a.containsKey("uid") ? Nodes.integer(a.get("uid").value(), where + ".as.uid", 0, Integer.MAX_VALUE, errors) : null;
          gid = a.containsKey("gid") ? Nodes.integer(a.get("gid").value(), where + ".as.gid", 0, Integer.MAX_VALUE, errors) : null;
          if (!a.containsKey("uid") && !a.containsKey("gid")) {
            errors.add(as, where + ".as needs uid or gid");
          }
        }
      }
    } else {
      List<String> hosts = List.of("node", "nfs", "backend").stream().filter(e::containsKey).toList();
      if (hosts.size() > 1) {
        errors.add(e.get(hosts.get(1)).keyLocation(), where + " acts on one of node, nfs, backend or git: it has both \""
            + hosts.get(0) + "\" and \"" + hosts.get(1) + "\"");
        return null;
      }
      if (hosts.isEmpty()) {
        errors.add(map, where + " needs one of node, nfs, backend or git");
        return null;
      }
      nodeName = e.containsKey("node") ? templated(e.get("node").value(), where + ".node") : null;
      nfs = e.containsKey("nfs") ? templated(e.get("nfs").value(), where + ".nfs") : null;
      backend = e.containsKey("backend") ? templated(e.get("backend").value(), where + ".backend") : null;
    }
    List<String> ops = FILE_OPS.stream().filter(e::containsKey).toList();
    if (ops.isEmpty()) {
      errors.add(map, where + " needs one operation of: " + String.join(", ", FILE_OPS));
      return null;
    }
    if (ops.size() > 1) {
      errors.add(e.get(ops.get(1)).keyLocation(), where + " does one operation: it has both \"" + ops.get(0)
          + "\" and \"" + ops.get(1) + "\"");
      return null;
    }
    String op = ops.get(0);
    boolean writes = op.equals("write") || op.equals("append");
    for (String k : List.of("content", "size")) {
      if (e.containsKey(k) && !writes) {
        errors.add(e.get(k).keyLocation(), where + "." + k + " belongs with write or append");
      }
    }
    java.util.LinkedHashMap<String, String> args = new java.util.LinkedHashMap<>();
    YNode value = e.get(op).value();
    String w = where + "." + op;
    switch (op) {
      case "rename" -> sub(value, w, List.of("from", "to"), List.of(), args);
      case "chmod" -> sub(value, w, List.of("path", "mode"), List.of(), args);
      case "chown" -> sub(value, w, List.of("path", "uid", "gid"), List.of(), args);
      case "symlink" -> sub(value, w, List.of("path", "target"), List.of(), args);
      case "mount" -> sub(value, w, List.of("source", "target"), List.of(), args);
      default -> args.put("path", templated(value, w));
    }
    if (args.containsKey("mode") && args.get("mode") != null && !Interpolator.hasReferences(args.get("mode"))) {
      try {
        dev.volsim.core.world.Modes.parse(args.get("mode"));
      } catch (IllegalArgumentException ex) {
        errors.add(value, w + ".mode must be octal, as \"0644\": " + ex.getMessage());
      }
    }
    for (String k : List.of("uid", "gid")) {
      if (args.get(k) != null && !args.get(k).matches("[0-9]+")) {
        errors.add(value, w + "." + k + " must be a whole number, got \"" + args.get(k) + "\"");
      }
    }
    if (writes) {
      if (e.containsKey("content") && e.containsKey("size")) {
        errors.add(e.get("size").keyLocation(), where + " takes content or size, not both");
      } else if (e.containsKey("content")) {
        args.put("content", templatedAllowEmpty(e.get("content").value(), where + ".content"));
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
    return errorCount() > before ? null : new Step.FileOp(info, kind, pod, container, nodeName, uid, gid, op,
        com.google.common.collect.ImmutableMap.copyOf(args), nfs, backend);
  }

  private void sub(YNode node, String where, List<String> required, List<String> optional,
      Map<String, String> out) {
    YMap map = Nodes.map(node, where, errors);
    if (map == null) {
      return;
    }
    List<String> known = new ArrayList<>(required);
    known.addAll(optional);
    Map<String, Entry> e = Nodes.entries(map, where, known, errors);
    for (String k : required) {
      Nodes.require(e, k, map, where, errors);
    }
    for (String k : known) {
      if (e.containsKey(k)) {
        out.put(k, templated(e.get(k).value(), where + "." + k));
      }
    }
  }

  private String templated(YNode node, String what) {
    String text = Nodes.nonEmptyString(node, what, errors);
    return text != null && Templates.check(node, text, errors) ? text : null;
  }

  private String templatedAllowEmpty(YNode node, String what) {
    String text = Nodes.string(node, what, errors);
    return text != null && Templates.check(node, text, errors) ? text : null;
  }

  /** {@code exit: {pod, container, code}}. */
  private Step containerExit(StepInfo info, YNode node, String where) {
    YMap map = Nodes.map(node, where, errors);
    if (map == null) {
      return null;
    }
    int before = errorCount();
    Map<String, Entry> e = Nodes.entries(map, where, List.of("pod", "container", "code"), errors);
    Nodes.require(e, "pod", map, where, errors);
    String pod = e.containsKey("pod") ? templated(e.get("pod").value(), where + ".pod") : null;
    String container = e.containsKey("container") ? templated(e.get("container").value(), where + ".container") : null;
    // A process that just ends exits 0 unless the step says otherwise.
    Long code = e.containsKey("code") ? Nodes.integer(e.get("code").value(), where + ".code", 0, 255, errors) : Long.valueOf(0);
    return errorCount() > before ? null : new Step.ContainerExit(info, pod, container, code.intValue());
  }

  /** {@code restart: {container: {pod, name}}}; the kubelet and controller forms are not here yet. */
  /** {@code restart: {container: {pod, name}} | {kubelet: N} | {controller: C}}: one thing at a time. */
  private Step restart(StepInfo info, YNode node, String where) {
    YMap map = Nodes.map(node, where, errors);
    if (map == null) {
      return null;
    }
    int before = errorCount();
    Map<String, Entry> e = Nodes.entries(map, where, List.of("container", "kubelet", "controller"), errors);
    if (errorCount() > before) {
      return null;
    }
    if (e.size() != 1) {
      errors.add(map, where + " restarts one thing: one of container, kubelet, controller");
      return null;
    }
    if (e.containsKey("container")) {
      return restartContainer(info, e.get("container").value(), where + ".container");
    }
    return new NodeStepParser(errors).restart(info, node, where);
  }

  private Step restartContainer(StepInfo info, YNode node, String where) {
    YMap map = Nodes.map(node, where, errors);
    if (map == null) {
      return null;
    }
    int before = errorCount();
    Map<String, Entry> e = Nodes.entries(map, where, List.of("pod", "name"), errors);
    Nodes.require(e, "pod", map, where, errors);
    String pod = e.containsKey("pod") ? templated(e.get("pod").value(), where + ".pod") : null;
    String name = e.containsKey("name") ? templated(e.get("name").value(), where + ".name") : null;
    return errorCount() > before ? null : new Step.RestartContainer(info, pod, name);
  }
}
