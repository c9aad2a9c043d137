package dev.volsim.scenario;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.api.ApiClient.PatchType;
import dev.volsim.core.api.ApiFaults;
import dev.volsim.core.api.PropagationPolicy;
import dev.volsim.scenario.expr.Expectation;
import java.time.Duration;

/**
 * One step of a scenario, a record per kind. Text that may hold run-time references
 * ({@code ${...}}: object references, captured values, patches, deferred manifests) is kept as
 * written and interpolated when the step runs.
 */
public sealed interface Step {
  /** Number, location and expected error. */
  StepInfo info();

  /** Which kind of step this is (the runner switches over it). */
  StepKind kind();

  /** {@code apply}: create or update each manifest, in order, like {@code kubectl apply}. */
  record Apply(StepInfo info, ImmutableList<ScenarioManifest> manifests) implements Step {
    public Apply {
      requireNonNull(info, "info is null");
      manifests = ImmutableList.copyOf(manifests);
    }

    @Override
    public StepKind kind() {
      return StepKind.APPLY;
    }
  }

  /**
   * {@code delete}: like {@code kubectl delete}.
   *
   * @param object the object reference
   * @param gracePeriodSeconds the grace period, or null for the object's own ({@code force} gives 0)
   * @param propagationPolicy the propagation, or null for the default (Background)
   */
  record Delete(StepInfo info, String object, Long gracePeriodSeconds, PropagationPolicy propagationPolicy)
      implements Step {
    public Delete {
      requireNonNull(info, "info is null");
      requireNonNull(object, "object is null");
    }

    @Override
    public StepKind kind() {
      return StepKind.DELETE;
    }
  }

  /**
   * {@code patch}: like {@code kubectl patch --type merge|json [--subresource status]}.
   *
   * @param patch the plain patch document (a map for merge, a list of operations for json)
   */
  record Patch(StepInfo info, String object, PatchType type, Object patch, boolean status) implements Step {
    public Patch {
      requireNonNull(info, "info is null");
      requireNonNull(object, "object is null");
      requireNonNull(type, "type is null");
      requireNonNull(patch, "patch is null");
    }

    @Override
    public StepKind kind() {
      return StepKind.PATCH;
    }
  }

  /** {@code advance}: run every event up to and including now + {@code duration}. */
  record Advance(StepInfo info, Duration duration) implements Step {
    public Advance {
      requireNonNull(info, "info is null");
      requireNonNull(duration, "duration is null");
    }

    @Override
    public StepKind kind() {
      return StepKind.ADVANCE;
    }
  }

  /** {@code waitFor}: run events until the expectation holds, failing at the timeout. */
  record WaitFor(StepInfo info, Expectation expectation, Duration timeout) implements Step {
    /** The timeout when a {@code waitFor} gives none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public WaitFor {
      requireNonNull(info, "info is null");
      requireNonNull(expectation, "expectation is null");
      requireNonNull(timeout, "timeout is null");
    }

    @Override
    public StepKind kind() {
      return StepKind.WAIT_FOR;
    }
  }

  /** {@code expect}: the expectation holds now. */
  record Expect(StepInfo info, Expectation expectation) implements Step {
    public Expect {
      requireNonNull(info, "info is null");
      requireNonNull(expectation, "expectation is null");
    }

    @Override
    public StepKind kind() {
      return StepKind.EXPECT;
    }
  }

  /** {@code expectOrder}: the trace so far holds matching entries in this order. */
  record ExpectOrder(StepInfo info, dev.volsim.scenario.expr.ExpectOrder order) implements Step {
    public ExpectOrder {
      requireNonNull(info, "info is null");
      requireNonNull(order, "order is null");
    }

    @Override
    public StepKind kind() {
      return StepKind.EXPECT_ORDER;
    }
  }

  /** {@code capture}: keep a value, evaluated now, for later steps as {@code ${name}}. */
  record Capture(StepInfo info, String name, String value) implements Step {
    public Capture {
      requireNonNull(info, "info is null");
      requireNonNull(name, "name is null");
      requireNonNull(value, "value is null");
    }

    @Override
    public StepKind kind() {
      return StepKind.CAPTURE;
    }
  }

  /** {@code pause}: the controller stops acting and its caches stop updating. */
  record Pause(StepInfo info, String controller) implements Step {
    public Pause {
      requireNonNull(info, "info is null");
      requireNonNull(controller, "controller is null");
    }

    @Override
    public StepKind kind() {
      return StepKind.PAUSE;
    }
  }

  /** {@code resume}: the paused controller catches up and acts again. */
  record Resume(StepInfo info, String controller) implements Step {
    public Resume {
      requireNonNull(info, "info is null");
      requireNonNull(controller, "controller is null");
    }

    @Override
    public StepKind kind() {
      return StepKind.RESUME;
    }
  }

  /**
   * {@code inject: {failure: {operation: apiUpdate, ...}}}: the next {@code times} writes (create,
   * update, patch, delete) of {@code component} on the object or kind fail.
   *
   * @param component the writing component, or null for any
   * @param object an object reference, or null
   * @param objectKind the kind (as the API names it, {@code PersistentVolumeClaim}), or null
   * @param times how many writes fail; -1 for {@code forever}
   * @param message the error message, or null for volsim's
   */
  record InjectApiFailure(StepInfo info, String component, String object, String objectKind, int times,
      ApiFaults.Mode mode, String message) implements Step {
    public InjectApiFailure {
      requireNonNull(info, "info is null");
      requireNonNull(mode, "mode is null");
    }

    @Override
    public StepKind kind() {
      return StepKind.INJECT;
    }
  }

  /**
   * {@code inject: {failure: {operation: provision|delete|recycle, claim | volume | node | pod, ...}}}:
   * the next {@code times} such operations within the scope fail.
   *
   * @param operation the storage operation
   * @param scope claim, volume, node or pod values (may hold run-time references)
   * @param times how many fail; -1 for {@code forever}
   * @param mode how they fail
   * @param message the error text, or null for volsim's
   */
  record InjectOperationFailure(StepInfo info, String operation, com.google.common.collect.ImmutableSortedMap<String, String> scope,
      int times, dev.volsim.core.cluster.OperationFaults.Mode mode, String message) implements Step {
    public InjectOperationFailure {
      requireNonNull(info, "info is null");
      requireNonNull(operation, "operation is null");
      requireNonNull(mode, "mode is null");
    }

    @Override
    public StepKind kind() {
      return StepKind.INJECT;
    }
  }

  /**
   * {@code exec: {pod, container, as, <op>}} (a process in a container) or
   * {@code admin: {node | nfs | backend, <op>}} (root on the node's disk, an NFS server's disk with
   * server-absolute paths, or a backend's file system) acting on files.
   *
   * @param kind {@link StepKind#EXEC} or {@link StepKind#ADMIN}
   * @param pod the Pod ({@code NAME} or {@code NS/NAME}) for exec, else null
   * @param container the container, or null for the Pod's only one
   * @param node the node for admin, else null
   * @param uid the uid to act as, or null for the container's
   * @param gid the gid to act as, or null
   * @param op the operation: write, append, read, list, mkdir, remove, rename, chmod, chown, symlink, stat
   * @param args its arguments: path, content, size (bytes), from, to, mode, uid, gid, target
   * @param nfs the NFS server for admin, else null
   * @param backend the backend for admin, else null
   */
  record FileOp(StepInfo info, StepKind kind, String pod, String container, String node, Long uid, Long gid,
      String op, com.google.common.collect.ImmutableMap<String, String> args, String nfs, String backend)
      implements Step {
    public FileOp {
      requireNonNull(info, "info is null");
      requireNonNull(kind, "kind is null");
      requireNonNull(op, "op is null");
      args = com.google.common.collect.ImmutableMap.copyOf(args);
    }

    /** An exec, or an admin on a node. */
    FileOp(StepInfo info, StepKind kind, String pod, String container, String node, Long uid, Long gid,
        String op, com.google.common.collect.ImmutableMap<String, String> args) {
      this(info, kind, pod, container, node, uid, gid, op, args, null, null);
    }
  }

  /**
   * {@code admin: {git: URL, commit: {id, branch, files, parent}}}: a commit is pushed.
   *
   * @param url the repository
   * @param id the commit's id
   * @param branch its branch, or null for the repository's default branch
   * @param parent the commit it forks from, or null
   * @param files the whole tree at the commit
   */
  record GitPush(StepInfo info, String url, String id, String branch, String parent,
      com.google.common.collect.ImmutableList<dev.volsim.core.world.FileSpec> files) implements Step {
    public GitPush {
      requireNonNull(info, "info is null");
      requireNonNull(url, "url is null");
      requireNonNull(id, "id is null");
      files = com.google.common.collect.ImmutableList.copyOf(files);
    }

    @Override
    public StepKind kind() {
      return StepKind.ADMIN;
    }
  }

  /**
   * {@code exit: {pod, container, code}}: the container's process ends with {@code code}; the restart
   * policy applies.
   *
   * @param pod the Pod ({@code NAME} or {@code NS/NAME}; may hold run-time references)
   * @param container the container (main or init), or null for the Pod's only container
   */
  record ContainerExit(StepInfo info, String pod, String container, int code) implements Step {
    public ContainerExit {
      requireNonNull(info, "info is null");
      requireNonNull(pod, "pod is null");
    }

    @Override
    public StepKind kind() {
      return StepKind.EXIT;
    }
  }

  /**
   * {@code restart: {container: {pod, name}}}: the container's process is killed and started again,
   * with a fresh root file system and the Pod's volumes kept.
   *
   * @param pod the Pod ({@code NAME} or {@code NS/NAME}; may hold run-time references)
   * @param container the container, or null for the Pod's only container
   */
  record RestartContainer(StepInfo info, String pod, String container) implements Step {
    public RestartContainer {
      requireNonNull(info, "info is null");
      requireNonNull(pod, "pod is null");
    }

    @Override
    public StepKind kind() {
      return StepKind.RESTART;
    }
  }

  /** {@code fail: {node, mode}} or {@code fail: {nfs}}: a node or an NFS server fails. */
  record Fail(StepInfo info, String node, String mode, String nfs) implements Step {
    public Fail {
      requireNonNull(info, "info is null");
    }

    @Override
    public StepKind kind() {
      return StepKind.FAIL;
    }
  }

  /** {@code recover: {node}} or {@code recover: {nfs}}: undoes the matching {@code fail}. */
  record Recover(StepInfo info, String node, String nfs) implements Step {
    public Recover {
      requireNonNull(info, "info is null");
    }

    @Override
    public StepKind kind() {
      return StepKind.RECOVER;
    }
  }

  /** {@code taint: {node, key, value, effect}}, as {@code kubectl taint}. */
  record TaintNode(StepInfo info, String node, String key, String value, String effect) implements Step {
    public TaintNode {
      requireNonNull(info, "info is null");
      requireNonNull(node, "node is null");
      requireNonNull(key, "key is null");
      requireNonNull(effect, "effect is null");
    }

    @Override
    public StepKind kind() {
      return StepKind.TAINT;
    }
  }

  /** {@code untaint: {node, key}}, as {@code kubectl taint <node> <key>-}. */
  record UntaintNode(StepInfo info, String node, String key) implements Step {
    public UntaintNode {
      requireNonNull(info, "info is null");
      requireNonNull(node, "node is null");
      requireNonNull(key, "key is null");
    }

    @Override
    public StepKind kind() {
      return StepKind.UNTAINT;
    }
  }

  /** {@code restart: {controller: C}}: the controller starts again with nothing in memory. */
  record RestartController(StepInfo info, String controller) implements Step {
    public RestartController {
      requireNonNull(info, "info is null");
      requireNonNull(controller, "controller is null");
    }

    @Override
    public StepKind kind() {
      return StepKind.RESTART;
    }
  }

  /**
   * {@code fail: {csiDriver: D, part: controller}} (or {@code recover:} of it): the driver's
   * external-provisioner and external-attacher stop answering, or answer again.
   */
  record CsiDriverFault(StepInfo info, boolean recover, String driver) implements Step {
    public CsiDriverFault {
      requireNonNull(info, "info is null");
      requireNonNull(driver, "driver is null");
    }

    @Override
    public StepKind kind() {
      return recover ? StepKind.RECOVER : StepKind.FAIL;
    }
  }

  /**
   * {@code fail: {csiDriver: D, part: node, node: N}} (or {@code recover:} of it): the driver's node
   * plugin on node N stops answering the kubelet, or answers again.
   */
  record CsiNodePluginFault(StepInfo info, boolean recover, String driver, String node) implements Step {
    public CsiNodePluginFault {
      requireNonNull(info, "info is null");
      requireNonNull(driver, "driver is null");
      requireNonNull(node, "node is null");
    }

    @Override
    public StepKind kind() {
      return recover ? StepKind.RECOVER : StepKind.FAIL;
    }
  }

  /** {@code restart: {kubelet: N}}: the node's kubelet process restarts (containers and mounts stay). */
  record RestartKubelet(StepInfo info, String node) implements Step {
    public RestartKubelet {
      requireNonNull(info, "info is null");
      requireNonNull(node, "node is null");
    }

    @Override
    public StepKind kind() {
      return StepKind.RESTART;
    }
  }
}
