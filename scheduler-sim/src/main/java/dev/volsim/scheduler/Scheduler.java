package dev.volsim.scheduler;

import dev.volsim.core.api.ApiClient;
import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.EventRecorder;
import dev.volsim.core.api.Informer;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.controller.Controller;
import dev.volsim.core.engine.ScheduledEvent;
import dev.volsim.model.Records;
import dev.volsim.model.core.ConditionStatus;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodCondition;
import dev.volsim.model.core.PodPhase;
import dev.volsim.model.core.PodSpec;
import dev.volsim.model.core.PodStatus;
import dev.volsim.model.storage.CSIDriver;
import dev.volsim.model.storage.CSINode;
import dev.volsim.model.storage.CSIStorageCapacity;
import dev.volsim.model.storage.StorageClass;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code kube-scheduler} with the default profile's plugins that matter for volumes. Each
 * scheduling cycle is one engine event, {@code schedule} latency after a pod became ready to be
 * tried; binding cycles (VolumeBinding's PreBind wait, then Bind) run as their own events so other
 * pods are scheduled meanwhile, as upstream's binding goroutines allow.
 *
 * <p>Only pods with {@code schedulerName: default-scheduler} and no {@code nodeName} are taken.
 * Binding writes the pod's {@code spec.nodeName} and a PodScheduled=True condition (what the
 * Binding subresource does); a failure records a {@code FailedScheduling} Warning event and
 * PodScheduled=False (reason Unschedulable, or SchedulerError for errors) with the same message.
 */
public final class Scheduler implements Controller {
  /** The component name, as upstream's default profile. */
  public static final String NAME = "default-scheduler";
  /** {@code minFeasibleNodesToFind}. */
  static final int MIN_FEASIBLE_NODES_TO_FIND = 100;
  /** {@code minFeasibleNodesPercentageToFind}. */
  static final int MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;
  /** VolumeBinding's PreBind polls every second ({@code wait.PollUntilContextTimeout(ctx, time.Second, ...)}). */
  static final long BIND_POLL_MICROS = 1_000_000L;

  private final ClusterContext ctx;
  private final ApiClient client;
  private final EventRecorder recorder;
  private final SchedulerCache cache = new SchedulerCache();
  private final Handle handle;
  private final SchedulingQueue queue;
  private final List<FilterPlugin> plugins = new ArrayList<>();
  private final Map<String, Set<ClusterEvent>> pluginEvents = new HashMap<>();
  private final VolumeBinding volumeBinding;
  private ScheduledEvent cycleEvent;
  private int nextStartNodeIndex;
  private boolean paused;
  private boolean started;

  public Scheduler(ClusterContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx is null");
    this.client = ctx.api().client(NAME);
    this.recorder = new EventRecorder(client, null);
    this.handle = new Handle(ctx, NAME, cache);
    this.queue = new SchedulingQueue(ctx.engine(), NAME, this::scheduleNext);
    this.volumeBinding = new VolumeBinding(handle);
    // The default profile's Filter order (apis/config/v1/default_plugins.go).
    plugins.add(new NodeUnschedulable());
    plugins.add(new NodeName());
    plugins.add(new TaintToleration(handle.minor()));
    plugins.add(new NodeAffinity());
    plugins.add(new NodeResourcesFit());
    plugins.add(new VolumeRestrictions(handle));
    plugins.add(new NodeVolumeLimits(handle));
    plugins.add(volumeBinding);
    plugins.add(new VolumeZone(handle));
    for (FilterPlugin p : plugins) {
      pluginEvents.put(p.name(), p.events());
    }
  }

  /** Starts the informers (nodes and storage first, then pods) and the queue. */
  public void start() {
    if (started) {
      return;
    }
    started = true;
    handle.nodes.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(Node n) {
        cache.setNode(n);
        move(ClusterEvent.NODE_ADD);
      }

      @Override
      public void onUpdate(Node o, Node n) {
        cache.setNode(n);
        move(ClusterEvent.NODE_UPDATE);
      }

      @Override
      public void onDelete(Node n) {
        cache.removeNode(n.metadata().name());
      }
    });
    handle.csiNodes.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(CSINode n) {
        move(ClusterEvent.CSI_NODE_ADD_OR_UPDATE);
      }

      @Override
      public void onUpdate(CSINode o, CSINode n) {
        move(ClusterEvent.CSI_NODE_ADD_OR_UPDATE);
      }
    });
    handle.csiDrivers.addHandler(new Informer.Handler<>() {
      @Override
      public void onUpdate(CSIDriver o, CSIDriver d) {
        move(ClusterEvent.CSI_DRIVER_UPDATE);
      }
    });
    handle.capacities.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(CSIStorageCapacity c) {
        move(ClusterEvent.CSI_STORAGE_CAPACITY_ADD_OR_UPDATE);
      }

      @Override
      public void onUpdate(CSIStorageCapacity o, CSIStorageCapacity c) {
        move(ClusterEvent.CSI_STORAGE_CAPACITY_ADD_OR_UPDATE);
      }
    });
    handle.classes.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(StorageClass c) {
        move(ClusterEvent.STORAGE_CLASS_ADD_OR_UPDATE);
      }

      @Override
      public void onUpdate(StorageClass o, StorageClass c) {
        move(ClusterEvent.STORAGE_CLASS_ADD_OR_UPDATE);
      }
    });
    handle.pvs.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(PersistentVolume pv) {
        handle.pvIndex.put(pv);
        move(ClusterEvent.PV_ADD_OR_UPDATE);
      }

      @Override
      public void onUpdate(PersistentVolume o, PersistentVolume pv) {
        handle.pvIndex.put(pv);
        move(ClusterEvent.PV_ADD_OR_UPDATE);
      }

      @Override
      public void onDelete(PersistentVolume pv) {
        handle.pvIndex.remove(pv.metadata().name());
      }
    });
    handle.pvcs.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(PersistentVolumeClaim c) {
        move(ClusterEvent.PVC_ADD);
      }

      @Override
      public void onUpdate(PersistentVolumeClaim o, PersistentVolumeClaim c) {
        move(ClusterEvent.PVC_UPDATE);
      }
    });
    handle.pods.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(Pod p) {
        onPod(null, p);
      }

      @Override
      public void onUpdate(Pod o, Pod p) {
        onPod(o, p);
      }

      @Override
      public void onDelete(Pod p) {
        String key = key(p);
        boolean wasAssigned = cache.hasPod(key) && !cache.isAssumed(key);
        if (wasAssigned) {
          cache.removePod(key);
          move(ClusterEvent.POD_DELETE);
        }
        queue.delete(key);
      }
    });
    handle.nodes.start();
    handle.csiNodes.start();
    handle.csiDrivers.start();
    handle.capacities.start();
    handle.classes.start();
    handle.pvs.start();
    handle.pvcs.start();
    handle.pods.start();
  }

  private void onPod(Pod old, Pod p) {
    String key = key(p);
    if (assigned(p)) {
      cache.addOrUpdatePod(key, p);
      queue.delete(key);
      return;
    }
    if (!NAME.equals(p.spec().schedulerName()) || p.metadata().deletionTimestamp() != null
        || p.phase() == PodPhase.SUCCEEDED || p.phase() == PodPhase.FAILED || cache.isAssumed(key)) {
      return;
    }
    if (queue.contains(key)) {
      if (old != null && (!Objects.equals(old.spec(), p.spec()) || !Objects.equals(old.metadata().labels(), p.metadata().labels()))) {
        queue.podSpecUpdated(key);
      }
    } else {
      queue.add(key, p.spec().priority() == null ? 0 : p.spec().priority());
    }
  }

  private void move(ClusterEvent event) {
    queue.moveAllToActiveOrBackoff(event, pluginEvents);
  }

  private void scheduleNext() {
    if (paused || cycleEvent != null || !queue.hasActive()) {
      return;
    }
    cycleEvent = ctx.engine().scheduleAfterMicros(ctx.latencyMicros("schedule", NAME), NAME, "schedule", this::scheduleOne);
  }

  /** One scheduling cycle ({@code ScheduleOne}). */
  private void scheduleOne() {
    cycleEvent = null;
    if (paused) {
      return;
    }
    SchedulingQueue.QueuedPodInfo info = queue.pop();
    if (info == null) {
      return;
    }
    try {
      Pod pod = handle.pods.get(ObjectKey.namespaced("Pod", namespaceOf(info.key), nameOf(info.key))).orElse(null);
      if (pod == null || assigned(pod) || pod.metadata().deletionTimestamp() != null) {
        queue.done(info.key);
        return;
      }
      schedulingCycle(info, pod);
    } finally {
      scheduleNext();
    }
  }

  private void schedulingCycle(SchedulingQueue.QueuedPodInfo info, Pod pod) {
    CycleState cs = new CycleState(pod, info.key);
    List<NodeInfo> nodes = cache.nodeList();
    if (nodes.isEmpty()) {
      fail(info, pod, "no nodes available to schedule pods", true, Set.of());
      return;
    }
    // PreFilter: the first rejection ends the cycle for every node.
    for (FilterPlugin p : plugins) {
      Status s = p.preFilter(cs);
      if (s.code() == Code.SKIP) {
        cs.skipFilter.add(p.name());
      } else if (s.isRejected()) {
        FitError fit = new FitError(nodes.size(), s.message(), Map.of(), s);
        fail(info, pod, fit.message(DefaultPreemption.postFilterMessage(fit)), true, Set.of(p.name()));
        return;
      } else if (!s.isSuccess()) {
        fail(info, pod, "running PreFilter plugin \"" + p.name() + "\": " + s.message(), false, Set.of());
        return;
      }
    }
    // Filter, from where the last cycle stopped, until enough feasible nodes are found.
    int numToFind = numFeasibleNodesToFind(nodes.size());
    List<NodeInfo> feasible = new ArrayList<>();
    Map<String, Status> statuses = new TreeMap<>();
    Set<String> rejecting = new TreeSet<>();
    int processed = 0;
    for (int i = 0; i < nodes.size() && feasible.size() < numToFind; i++) {
      NodeInfo n = nodes.get((nextStartNodeIndex + i) % nodes.size());
      processed++;
      Status verdict = Status.SUCCESS;
      for (FilterPlugin p : plugins) {
        if (cs.skipFilter.contains(p.name())) {
          continue;
        }
        Status s = p.filter(cs, n);
        if (!s.isSuccess()) {
          verdict = s.withPlugin(p.name());
          break;
        }
      }
      if (verdict.isSuccess()) {
        feasible.add(n);
      } else if (verdict.isRejected()) {
        statuses.put(n.name(), verdict);
        rejecting.add(verdict.plugin());
      } else {
        fail(info, pod, "running \"" + verdict.plugin() + "\" filter plugin: " + verdict.message(), false, Set.of());
        return;
      }
    }
    nextStartNodeIndex = (nextStartNodeIndex + processed) % nodes.size();
    if (feasible.isEmpty()) {
      FitError fit = new FitError(nodes.size(), null, statuses, null);
      fail(info, pod, fit.message(DefaultPreemption.postFilterMessage(fit)), true, rejecting);
      return;
    }
    String host = feasible.size() == 1 ? feasible.get(0).name() : selectHost(pod, feasible);
    // Reserve, then the binding cycle.
    volumeBinding.reserve(cs, host);
    cache.assumePod(info.key, pod, host);
    VolumeBinding.State vb = volumeBinding.state(cs);
    if (vb == null || vb.allBound) {
      scheduleBind(info, cs, host);
    } else {
      preBind(info, cs, host);
    }
  }

  /** {@code numFeasibleNodesToFind} with the default adaptive percentage. */
  static int numFeasibleNodesToFind(int numAllNodes) {
    if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) {
      return numAllNodes;
    }
    int percentage = 50 - numAllNodes / 125;
    if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) {
      percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
    }
    int num = numAllNodes * percentage / 100;
    return Math.max(num, MIN_FEASIBLE_NODES_TO_FIND);
  }

  /**
   * Scores (NodeResourcesFit least-allocated and NodeResourcesBalancedAllocation, weight 1 each)
   * and picks the best; among equal scores one at random from the seeded stream, as upstream's
   * {@code selectHost} does with reservoir sampling.
   */
  private String selectHost(Pod pod, List<NodeInfo> feasible) {
    Resources req = Resources.requests(pod, true);
    String selected = null;
    long best = Long.MIN_VALUE;
    int count = 0;
    for (NodeInfo n : feasible) {
      long score = Scoring.score(n, req);
      if (score > best) {
        best = score;
        selected = n.name();
        count = 1;
      } else if (score == best) {
        count++;
        if (ctx.engine().random(NAME).nextInt(count) == 0) {
          selected = n.name();
        }
      }
    }
    return selected;
  }

  /** PreBind: VolumeBinding's API writes, then a poll every second until bound or timed out. */
  private void preBind(SchedulingQueue.QueuedPodInfo info, CycleState cs, String host) {
    VolumeBinding.State vb = volumeBinding.state(cs);
    List<PodVolumes.Binding> written = new ArrayList<>();
    List<PersistentVolumeClaim> writtenClaims = new ArrayList<>();
    try {
      for (PodVolumes.Binding b : vb.reserved.staticBindings()) {
        written.add(new PodVolumes.Binding(client.update(b.pv()), b.pvc()));
      }
      for (PersistentVolumeClaim c : vb.reserved.dynamicProvisions()) {
        writtenClaims.add(client.update(c));
      }
    } catch (ApiException e) {
      // bindAPIUpdate's errors come back unwrapped; only the wait is "binding volumes: %w".
      bindingFailed(info, cs, "running PreBind plugin \"VolumeBinding\": " + e.getMessage());
      return;
    }
    vb.reserved = new PodVolumes(com.google.common.collect.ImmutableList.copyOf(written),
        com.google.common.collect.ImmutableList.copyOf(writtenClaims));
    long timeoutMicros = ctx.config().number("scheduler.bindTimeoutSeconds") * 1_000_000L;
    long deadline = ctx.engine().nowMicros() + timeoutMicros;
    ctx.engine().scheduleAfterMicros(BIND_POLL_MICROS, NAME, "check-bindings", () -> pollBindings(info, cs, host, deadline));
  }

  private void pollBindings(SchedulingQueue.QueuedPodInfo info, CycleState cs, String host, long deadline) {
    long now = ctx.engine().nowMicros();
    if (now >= deadline) {
      bindingFailed(info, cs, "running PreBind plugin \"VolumeBinding\": binding volumes: " + bindTimeoutError());
      return;
    }
    Object r = volumeBinding.checkBindings(cs, host);
    if (r instanceof String error) {
      bindingFailed(info, cs, "running PreBind plugin \"VolumeBinding\": binding volumes: " + error);
    } else if (Boolean.TRUE.equals(r)) {
      scheduleBind(info, cs, host);
    } else {
      ctx.engine().scheduleAtMicros(Math.min(now + BIND_POLL_MICROS, deadline), NAME, "check-bindings",
          () -> pollBindings(info, cs, host, deadline));
    }
  }

  /**
   * What the bind wait returns at its timeout: {@code wait.PollUntilContextTimeout}'s context error
   * from 1.29 (kubernetes#119746), the deprecated {@code wait.Poll}'s {@code ErrWaitTimeout} before.
   */
  private String bindTimeoutError() {
    return handle.minor() >= 29 ? "context deadline exceeded" : "timed out waiting for the condition";
  }

  private void scheduleBind(SchedulingQueue.QueuedPodInfo info, CycleState cs, String host) {
    ctx.engine().scheduleAfterMicros(ctx.latencyMicros("bind", NAME), NAME, "bind", () -> bind(info, cs, host));
  }

  /** Bind ({@code DefaultBinder}): the Binding's effect, then the Scheduled event. */
  private void bind(SchedulingQueue.QueuedPodInfo info, CycleState cs, String host) {
    Pod current = ctx.api().get(Pod.class, cs.pod.metadata().namespace(), cs.pod.metadata().name()).orElse(null);
    if (current == null || !Objects.equals(current.metadata().uid(), cs.pod.metadata().uid())) {
      bindingFailed(info, cs, "pods \"" + cs.pod.metadata().name() + "\" not found");
      return;
    }
    try {
      Pod bound = client.update(current.withSpec(current.spec().withNodeName(host)));
      client.updateStatus(bound.withStatus(withCondition(bound.status(), ConditionStatus.TRUE, null, null)));
    } catch (ApiException e) {
      bindingFailed(info, cs, e.getMessage());
      return;
    }
    queue.done(info.key);
    String ns = cs.pod.metadata().namespace();
    String name = cs.pod.metadata().name();
    String msg = "Successfully assigned " + ns + "/" + name + " to " + host;
    recorder.normal(current, "Scheduled", msg);
    client.trace("Scheduled", "pod/" + ns + "/" + name, msg, "pod", name, "node", host);
  }

  private void bindingFailed(SchedulingQueue.QueuedPodInfo info, CycleState cs, String message) {
    volumeBinding.unreserve(cs);
    cache.forgetPod(info.key);
    Pod pod = handle.pods.get(ObjectKey.of(cs.pod)).orElse(cs.pod);
    fail(info, pod, message, false, Set.of());
  }

  /** {@code handleSchedulingFailure}: requeue, FailedScheduling event, PodScheduled=False. */
  private void fail(SchedulingQueue.QueuedPodInfo info, Pod pod, String message, boolean rejected, Set<String> plugins) {
    queue.addUnschedulable(info, rejected ? plugins : Set.of());
    recorder.warning(pod, "FailedScheduling", message);
    Pod current = ctx.api().get(Pod.class, pod.metadata().namespace(), pod.metadata().name()).orElse(null);
    if (current == null || assigned(current)) {
      return;
    }
    String reason = rejected ? "Unschedulable" : "SchedulerError";
    PodCondition existing = current.status() == null ? null : current.status().condition(PodCondition.POD_SCHEDULED).orElse(null);
    if (existing != null && existing.status() == ConditionStatus.FALSE && reason.equals(existing.reason())
        && message.equals(existing.message())) {
      return; // upstream's updatePod skips an unchanged condition
    }
    try {
      client.updateStatus(current.withStatus(withCondition(current.status(), ConditionStatus.FALSE, reason, message)));
    } catch (ApiException e) {
      // best effort, as upstream logs and goes on
    }
  }

  private PodStatus withCondition(PodStatus status, ConditionStatus value, String reason, String message) {
    PodStatus s = status == null ? PodStatus.ofPhase(PodPhase.PENDING) : status;
    List<PodCondition> conditions = new ArrayList<>();
    PodCondition old = null;
    for (PodCondition c : s.conditions()) {
      if (PodCondition.POD_SCHEDULED.equals(c.type())) {
        old = c;
      } else {
        conditions.add(c);
      }
    }
    var now = ctx.engine().wallTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    var transition = old != null && old.status() == value ? old.lastTransitionTime() : now;
    conditions.add(0, new PodCondition(PodCondition.POD_SCHEDULED, value, null, transition, reason, message));
    return Records.with(s, "conditions", com.google.common.collect.ImmutableList.copyOf(conditions));
  }

  private static boolean assigned(Pod p) {
    return p.spec().nodeName() != null && !p.spec().nodeName().isEmpty();
  }

  private static String key(Pod p) {
    return p.metadata().namespace() + "/" + p.metadata().name();
  }

  private static String namespaceOf(String key) {
    return key.substring(0, key.indexOf('/'));
  }

  private static String nameOf(String key) {
    return key.substring(key.indexOf('/') + 1);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void pause() {
    if (paused) {
      return;
    }
    paused = true;
    for (Informer<?> i : List.of(handle.nodes, handle.csiNodes, handle.csiDrivers, handle.capacities, handle.classes, handle.pvs, handle.pvcs, handle.pods)) {
      i.pause();
    }
  }

  @Override
  public void resume() {
    if (!paused) {
      return;
    }
    paused = false;
    for (Informer<?> i : List.of(handle.nodes, handle.csiNodes, handle.csiDrivers, handle.capacities, handle.classes, handle.pvs, handle.pvcs, handle.pods)) {
      i.resume();
    }
    scheduleNext();
  }

  @Override
  public boolean isPaused() {
    return paused;
  }

  /** Pods waiting as unschedulable (for tests and reports). */
  int unschedulablePods() {
    return queue.unschedulableCount();
  }
}
