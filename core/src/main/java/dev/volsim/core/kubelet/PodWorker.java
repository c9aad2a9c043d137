package dev.volsim.core.kubelet;

import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.DeleteOptions;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.engine.Durations;
import dev.volsim.model.core.ConditionStatus;
import dev.volsim.model.core.Container;
import dev.volsim.model.core.ContainerState;
import dev.volsim.model.core.ContainerStateTerminated;
import dev.volsim.model.core.ContainerStatus;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodCondition;
import dev.volsim.model.core.PodPhase;
import dev.volsim.model.core.PodStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import dev.volsim.core.world.Credentials;

/**
 * One Pod's worker ({@code podWorkers}): SyncPod (WaitForAttachAndMount, image pulls, init
 * containers one by one, then the containers), SyncTerminatingPod (Killing, containers stop within
 * the grace period) and SyncTerminatedPod (waits for TearDown, then deletes the Pod with grace 0).
 */
final class PodWorker {
  /** {@code podAttachAndMountRetryInterval}. */
  static final long ATTACH_MOUNT_POLL_MICROS = 300_000L;
  /** {@code podAttachAndMountTimeout = 2*time.Minute + 3*time.Second}. */
  static final long ATTACH_MOUNT_TIMEOUT_MICROS = 123_000_000L;
  /** Pod worker requeue after a sync error ({@code workerBackOffPeriod}). */
  static final long WORKER_BACKOFF_MICROS = 10_000_000L;
  /** SyncTerminatedPod's volume cleanup poll. */
  static final long TERMINATED_POLL_MICROS = 100_000L;

  private final Kubelet kubelet;
  Pod pod;
  final String uid;
  final String key;
  boolean terminating;
  boolean containersStopped;
  boolean started;
  final Map<String, RunningContainer> running = new LinkedHashMap<>();
  final Map<String, ContainerStatus> statuses = new LinkedHashMap<>();
  /** The status reason and message written with the phase ({@code Evicted} and why), else null. */
  String statusReason;
  String statusMessage;
  /** Set by {@link #evict}: the Pod ends Failed and stays until deleted. */
  boolean evicted;
  /** An evicted Pod whose containers are stopped and volumes torn down. */
  boolean cleanedUp;

  PodWorker(Kubelet kubelet, Pod pod) {
    this.kubelet = kubelet;
    this.pod = pod;
    this.uid = pod.metadata().uid();
    this.key = pod.metadata().namespace() + "/" + pod.metadata().name();
  }

  private long now() {
    return kubelet.ctx.engine().nowMicros();
  }

  private Instant wall() {
    return kubelet.ctx.engine().wallTime();
  }

  private void after(long micros, String type, Runnable r) {
    kubelet.ctx.engine().scheduleAfterMicros(micros, "kubelet", type, () -> {
      if (!kubelet.stopped) { // a crashed node's kubelet does nothing more
        r.run();
      }
    });
  }

  /** SyncPod: admit, then wait for volumes. */
  void syncPod() {
    if (terminating) {
      return;
    }
    if (!adopted) {
      writeStatus(PodPhase.PENDING, false);
    }
    kubelet.volumeManager.reprocessPod(uid);
    long deadline = now() + ATTACH_MOUNT_TIMEOUT_MICROS;
    after(0, "waitForAttachAndMount", () -> waitForAttachAndMount(deadline));
  }

  private void waitForAttachAndMount(long deadline) {
    if (terminating) {
      return;
    }
    boolean timedOut = now() >= deadline;
    Optional<String> err = kubelet.volumeManager.attachAndMountError(pod, timedOut);
    if (err.isEmpty()) {
      startContainers();
    } else if (!err.get().isEmpty()) {
      // An interrupted wait (the 2m3s ran out, from 1.28) is control flow, not an error: no event,
      // the Pod just goes round again; the Pod's own errors are always recorded.
      boolean interrupted = err.get().endsWith(": " + VolumeManager.CONTEXT_DEADLINE_EXCEEDED);
      if (!interrupted) {
        kubelet.recorder.warning(pod, "FailedMount", "Unable to attach or mount volumes: " + err.get());
      }
      kubelet.volumeManager.reprocessPod(uid);
      after(WORKER_BACKOFF_MICROS, "syncPod", this::syncPod);
    } else {
      after(ATTACH_MOUNT_POLL_MICROS, "waitForAttachAndMount", () -> waitForAttachAndMount(deadline));
    }
  }

  /** Whether this worker took over containers a previous kubelet process started. */
  private boolean adopted;

  /** Takes over the containers the runtime still runs for this Pod after a kubelet restart. */
  void adopt(Kubelet.RuntimePod previous) {
    adopted = true;
    started = true;
    running.putAll(previous.running());
    statuses.putAll(previous.statuses());
  }

  private void startContainers() {
    if (started) {
      if (adopted && running.size() == pod.spec().containers().size()) {
        writeStatus(PodPhase.RUNNING, true); // computePodActions: nothing to start
      }
      return;
    }
    started = true;
    syncContainers();
  }

  /** The back-off of a container that could not be created: 10 s doubling to 5 min, as the kubelet's. */
  private static final long CREATE_RETRY_START_MICROS = 10_000_000L;
  private static final long CREATE_RETRY_MAX_MICROS = 300_000_000L;
  private long createRetryMicros;

  private void startContainer(Container c, boolean init, Runnable then) {
    pullImage(c, () -> {
      RunningContainer created;
      try {
        created = RunningContainer.start(c, pod, kubelet.volumeManager.mountedVolumesForPod(uid),
            kubelet.nodeContext().volumeMounts(), kubelet.disk().root());
      } catch (ContainerConfigException e) {
        // makeMounts refused (a subPath leading out of its volume): CreateContainerConfigError, retried later.
        failedToCreate(c, init, then, "CreateContainerConfigError", e.getMessage());
        return;
      } catch (dev.volsim.core.world.FsException e) {
        // The runtime could not make the container (a mount point it cannot make, for one):
        // CreateContainerError, a Failed event, and another try at a later sync.
        statuses.put(c.name(), new ContainerStatus(c.name(), ContainerState.waiting("CreateContainerError",
            e.getMessage()), null, false, 0, c.image(), "", null, false));
        kubelet.recorder.warning(pod, "Failed", "Error: " + e.getMessage());
        writeStatus(PodPhase.PENDING, false);
        createRetryMicros = createRetryMicros == 0 ? CREATE_RETRY_START_MICROS
            : Math.min(CREATE_RETRY_MAX_MICROS, createRetryMicros * 2);
        after(createRetryMicros, "startContainer", () -> {
          if (!terminating) {
            startContainer(c, init, then);
          }
        });
        return;
      }
      kubelet.recorder.normal(pod, "Created", "Created container: " + c.name());
      after(kubelet.ctx.latencyMicros("containerStart", "kubelet/" + kubelet.nodeName), "startContainer", () -> {
        if (terminating) {
          return;
        }
        running.put(c.name(), created);
        ContainerStatus before = statuses.get(c.name());
        int restarts = restartCounts.getOrDefault(c.name(), 0);
        statuses.put(c.name(), new ContainerStatus(c.name(), ContainerState.running(wall()), lastState(before), !init,
            restarts, c.image(), "", containerId(c), true));
        startedAtMicros.put(c.name(), now());
        trace("ContainerStarted", c.name());
        kubelet.recorder.normal(pod, "Started", "Started container " + c.name());
        then.run();
      });
    });
  }

  /** A container that could not be created waits with {@code reason}; a Failed event; another try after the back-off. */
  private void failedToCreate(Container c, boolean init, Runnable then, String reason, String message) {
    statuses.put(c.name(), new ContainerStatus(c.name(), ContainerState.waiting(reason, message), null, false, 0,
        c.image(), "", null, false));
    kubelet.recorder.warning(pod, "Failed", "Error: " + message);
    writeStatus(PodPhase.PENDING, false);
    createRetryMicros = createRetryMicros == 0 ? CREATE_RETRY_START_MICROS
        : Math.min(CREATE_RETRY_MAX_MICROS, createRetryMicros * 2);
    after(createRetryMicros, "startContainer", () -> {
      if (!terminating) {
        startContainer(c, init, then);
      }
    });
  }

  private void pullImage(Container c, Runnable then) {
    String image = c.image();
    boolean present = kubelet.images.contains(image);
    if (present && c.imagePullPolicy() != dev.volsim.model.core.PullPolicy.ALWAYS) {
      kubelet.recorder.normal(pod, "Pulled", "Container image \"" + image + "\" already present on machine");
      then.run();
      return;
    }
    kubelet.recorder.normal(pod, "Pulling", "Pulling image \"" + image + "\"");
    long latency = kubelet.ctx.latencyMicros("imagePull", "kubelet/" + kubelet.nodeName);
    after(latency, "pullImage", () -> {
      kubelet.images.add(image);
      String d = Durations.formatGo(Durations.ofMicros(latency));
      kubelet.recorder.normal(pod, "Pulled", "Successfully pulled image \"" + image + "\" in " + d + " (" + d
          + " including waiting). Image size: 0 bytes.");
      then.run();
    });
  }

  /** SyncTerminatingPod: Killing each running container, stopped within the grace period. */
  void terminate() {
    if (terminating) {
      return;
    }
    terminating = true;
    long grace = pod.metadata().deletionGracePeriodSeconds() != null ? pod.metadata().deletionGracePeriodSeconds()
        : pod.spec().terminationGracePeriodSeconds();
    long stop = Math.min(kubelet.ctx.latencyMicros("containerStop", "kubelet/" + kubelet.nodeName), grace * 1_000_000L);
    for (String name : List.copyOf(running.keySet())) {
      kubelet.recorder.normal(pod, "Killing", "Stopping container " + name);
    }
    after(stop, "killContainers", () -> {
      for (String name : List.copyOf(running.keySet())) {
        running.remove(name);
        trace("ContainerKilled", name);
        statuses.put(name, terminatedStatus(containerNamed(name), 137));
      }
      containersStopped = true;
      kubelet.volumeManager.wake();
      syncTerminatedPod();
    });
  }

  /** SyncTerminatedPod: poll 100 ms until the Pod's volumes are torn down, then delete with grace 0. */
  private void syncTerminatedPod() {
    if (kubelet.volumeManager.podVolumesExist(uid)) {
      after(TERMINATED_POLL_MICROS, "syncTerminatedPod", this::syncTerminatedPod);
      return;
    }
    try {
      kubelet.client.delete(ObjectKey.namespaced("Pod", pod.metadata().namespace(), pod.metadata().name()),
          DeleteOptions.force().withPreconditionUid(uid));
    } catch (ApiException e) {
      // already gone
    }
    kubelet.forget(this);
  }

  private Container containerNamed(String name) {
    return pod.spec().allContainers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private ContainerStatus terminatedStatus(Container c, int code) {
    ContainerStatus old = statuses.get(c.name());
    Long startedAt = startedAtMicros.get(c.name());
    String id = old == null ? null : old.containerID();
    return new ContainerStatus(c.name(), ContainerState.terminated(new ContainerStateTerminated(code, 0,
        code == 0 ? "Completed" : "Error", null, startedAt == null ? null : wallAt(startedAt), wall(), id)),
        old == null ? null : old.lastState(), false,
        old == null ? 0 : old.restartCount(), c.image(), "", id, false);
  }

  private void trace(String type, String container, String... more) {
    List<String> attrs = new ArrayList<>(List.of("node", kubelet.nodeName, "container", container,
        "pod", pod.metadata().name(), "namespace", pod.metadata().namespace()));
    attrs.addAll(List.of(more));
    kubelet.client.trace(type, "pod/" + key, type + " " + key + " " + container, attrs.toArray(String[]::new));
  }

  private void writeStatus(PodPhase phase, boolean ready) {
    Optional<Pod> current = kubelet.ctx.api().get(Pod.class, pod.metadata().namespace(), pod.metadata().name());
    if (current.isEmpty() || !uid.equals(current.get().metadata().uid())) {
      return;
    }
    Instant t = wall();
    ConditionStatus r = ready ? ConditionStatus.TRUE : ConditionStatus.FALSE;
    boolean initialized = ready || initDone || pod.spec().initContainers().isEmpty();
    List<PodCondition> conditions = List.of(
        new PodCondition(PodCondition.INITIALIZED, initialized ? ConditionStatus.TRUE : ConditionStatus.FALSE, null, t,
            null, null),
        new PodCondition(PodCondition.READY, r, null, t, ready ? null : "ContainersNotReady", null),
        new PodCondition(PodCondition.CONTAINERS_READY, r, null, t, ready ? null : "ContainersNotReady", null),
        new PodCondition(PodCondition.POD_SCHEDULED, ConditionStatus.TRUE, null, t, null, null));
    List<ContainerStatus> cs = new ArrayList<>();
    List<ContainerStatus> ics = new ArrayList<>();
    for (Container c : pod.spec().initContainers()) {
      ics.add(statuses.getOrDefault(c.name(), waiting(c, "PodInitializing")));
    }
    for (Container c : pod.spec().containers()) {
      // convertToAPIContainerStatuses: with init containers every container waits in PodInitializing.
      cs.add(statuses.getOrDefault(c.name(), waiting(c, pod.spec().initContainers().isEmpty() ? "ContainerCreating"
          : "PodInitializing")));
    }
    PodStatus old = current.get().status();
    PodStatus status = new PodStatus(phase, dev.volsim.model.Immutables.list(conditions), statusMessage, statusReason, null,
        kubelet.nodeName, null, null, null, old != null && old.startTime() != null ? old.startTime() : t,
        dev.volsim.model.Immutables.list(ics), dev.volsim.model.Immutables.list(cs), null);
    try {
      kubelet.client.updateStatus(current.get().withStatus(status));
    } catch (ApiException e) {
      // the status manager retries at its next sync
    }
  }

  private static ContainerStatus waiting(Container c, String reason) {
    return new ContainerStatus(c.name(), ContainerState.waiting(reason, null), null, false, 0, c.image(), "", null,
        false);
  }

  // ---- Container lifecycle: restart policy, CrashLoopBackOff, Pod phase (computePodActions) ----

  /** Whether every init container has exited 0 (main containers start only then). */
  boolean initDone;
  /** Whether the Pod reached Succeeded or Failed: nothing is restarted any more. */
  boolean terminal;
  private boolean resyncScheduled;
  private final java.util.Set<String> starting = new java.util.HashSet<>();
  private final Map<String, Integer> restartCounts = new LinkedHashMap<>();
  private final Map<String, Long> startedAtMicros = new LinkedHashMap<>();
  private final Map<String, Long> finishedAtMicros = new LinkedHashMap<>();

  private Instant wallAt(long micros) {
    return wall().minusNanos((now() - micros) * 1000L);
  }

  private String containerId(Container c) {
    int restarts = restartCounts.getOrDefault(c.name(), 0);
    return "containerd://" + uid + "-" + c.name() + (restarts == 0 ? "" : "-" + restarts);
  }

  private static ContainerState lastState(ContainerStatus before) {
    if (before == null) {
      return null;
    }
    if (before.state().terminated() != null) {
      return before.state();
    }
    return before.lastState();
  }

  /**
   * SyncPod's container actions ({@code computePodActions}): the next init container, one at a
   * time; once all exited 0, every main container; an exited container restarted as the restart
   * policy says, after the kubelet's back-off. Then the Pod status with its phase.
   */
  void syncContainers() {
    if (terminating || terminal || !started) {
      return;
    }
    List<Container> init = pod.spec().initContainers();
    if (!initDone) {
      for (Container c : init) {
        ContainerStatus st = statuses.get(c.name());
        boolean succeeded = st != null && st.state().terminated() != null && st.state().terminated().exitCode() == 0;
        if (succeeded) {
          continue;
        }
        if (running.containsKey(c.name()) || starting.contains(c.name())) {
          writePhase();
          return;
        }
        if (st != null && exitedOrBackingOff(st)) {
          // A failed init container: restarted unless the Pod never restarts anything.
          if (pod.spec().restartPolicy() != dev.volsim.model.core.RestartPolicy.NEVER) {
            restartWithBackOff(c, true);
          }
        } else {
          launch(c, true);
        }
        writePhase();
        return;
      }
      initDone = true;
    }
    for (Container c : pod.spec().containers()) {
      if (running.containsKey(c.name()) || starting.contains(c.name())) {
        continue;
      }
      ContainerStatus st = statuses.get(c.name());
      if (st == null || !exitedOrBackingOff(st)) {
        if (st == null || st.state().waiting() == null || !"CreateContainerError".equals(st.state().waiting().reason())) {
          launch(c, false);
        }
      } else if (shouldRestart(c, st)) {
        restartWithBackOff(c, false);
      }
    }
    writePhase();
  }

  private static boolean exitedOrBackingOff(ContainerStatus st) {
    return st.state().terminated() != null || (st.lastState() != null && st.lastState().terminated() != null
        && st.state().waiting() != null);
  }

  /** {@code ShouldContainerBeRestarted}: Always restarts, OnFailure after a non-zero exit, Never not. */
  private boolean shouldRestart(Container c, ContainerStatus st) {
    var policy = pod.spec().restartPolicy();
    if (policy == dev.volsim.model.core.RestartPolicy.ALWAYS) {
      return true;
    }
    if (policy == dev.volsim.model.core.RestartPolicy.NEVER) {
      return false;
    }
    ContainerStateTerminated t = st.state().terminated() != null ? st.state().terminated() : st.lastState().terminated();
    return t.exitCode() != 0;
  }

  /** {@code doBackOff}: restart now, or wait in CrashLoopBackOff and look again at the next sync. */
  private void restartWithBackOff(Container c, boolean init) {
    String backOffKey = pod.metadata().name() + "_" + pod.metadata().namespace() + "_" + uid + "_" + c.name();
    long finished = finishedAtMicros.getOrDefault(c.name(), now());
    if (kubelet.containerBackOff.isInBackOffSince(backOffKey, finished, now())) {
      String podRef = pod.metadata().name() + "_" + pod.metadata().namespace() + "(" + uid + ")";
      kubelet.recorder.warning(pod, "BackOff", "Back-off restarting failed container " + c.name() + " in pod " + podRef);
      String d = Durations.formatGo(Durations.ofMicros(kubelet.containerBackOff.get(backOffKey)));
      ContainerStatus st = statuses.get(c.name());
      statuses.put(c.name(), new ContainerStatus(c.name(), ContainerState.waiting("CrashLoopBackOff",
          "back-off " + d + " restarting failed container=" + c.name() + " pod=" + podRef), lastState(st), false,
          st.restartCount(), c.image(), "", st.containerID(), false));
      scheduleResync();
      return;
    }
    kubelet.containerBackOff.next(backOffKey, finished, now());
    restartCounts.merge(c.name(), 1, Integer::sum);
    launch(c, init);
  }

  /** The pod worker requeues a Pod whose sync hit a back-off after {@code backOffPeriod} (10 s). */
  private void scheduleResync() {
    if (resyncScheduled) {
      return;
    }
    resyncScheduled = true;
    after(WORKER_BACKOFF_MICROS, "syncPod", () -> {
      resyncScheduled = false;
      syncContainers();
    });
  }

  /** Starts {@code c} with a fresh root file system; what its process does runs once it started. */
  private void launch(Container c, boolean init) {
    starting.add(c.name());
    startContainer(c, init, () -> {
      starting.remove(c.name());
      RunningContainer rc = running.get(c.name());
      Credentials as = ContainerUser.of(pod, c, kubelet.behaviors, null, null, VolumeGids.forPod(pod, kubelet.ctx.api()));
      // The understood part of its command runs first; a script that ends (exit, a failed
      // download) ends the process. Otherwise the scenario's behavior runs, which may exit; an init
      // container with nothing more to do exits 0, a main container runs on.
      ContainerCommands.Result r = ContainerCommands.run(c.command(), c.args(), kubelet.ctx.world(), rc.namespace(), as);
      Integer code = null;
      if (r.exited()) {
        code = r.exitCode();
      } else {
        OptionalInt behavior = kubelet.behaviors.onStart(pod, c, rc.namespace(), as);
        if (behavior.isPresent()) {
          code = behavior.getAsInt();
        } else if (init) {
          code = r.understood() ? r.exitCode() : kubelet.exitCodeFor(key, c.name());
        }
      }
      writePhase();
      if (code != null) {
        int exit = code;
        RunningContainer self = rc;
        after(0, "containerExited", () -> {
          if (running.get(c.name()) == self) {
            containerExited(c.name(), exit);
          }
        });
      }
    });
  }

  /** The container's process ended with {@code code} (PLEG sees it; the next sync acts on it). */
  void containerExited(String name, int code) {
    if (running.remove(name) == null) {
      return;
    }
    finishedAtMicros.put(name, now());
    statuses.put(name, terminatedStatus(containerNamed(name), code));
    trace("ContainerExited", name, "exitCode", String.valueOf(code));
    after(0, "syncPod", this::syncContainers);
  }

  /**
   * The container is restarted at once: its process killed (exit 137), a fresh root file system,
   * the Pod's volumes kept, {@code restartCount} one more.
   */
  boolean restartContainer(String name) {
    RunningContainer rc = running.remove(name);
    if (rc == null || terminating) {
      return false;
    }
    trace("ContainerKilled", name);
    finishedAtMicros.put(name, now());
    Container c = containerNamed(name);
    statuses.put(name, terminatedStatus(c, 137));
    restartCounts.merge(name, 1, Integer::sum);
    boolean init = pod.spec().initContainers().stream().anyMatch(x -> x.name().equals(name));
    launch(c, init);
    writePhase();
    return true;
  }

  /** Writes the status with the phase {@code getPhase} gives; a Succeeded or Failed Pod is final. */
  private void writePhase() {
    List<ContainerStatus> ics = new ArrayList<>();
    for (Container c : pod.spec().initContainers()) {
      ics.add(statuses.getOrDefault(c.name(), waiting(c, "PodInitializing")));
    }
    List<ContainerStatus> cs = new ArrayList<>();
    for (Container c : pod.spec().containers()) {
      cs.add(statuses.getOrDefault(c.name(), waiting(c, "PodInitializing")));
    }
    PodPhase phase = PodPhases.phase(pod.spec(), ics, cs);
    boolean ready = initDone && pod.spec().containers().stream().allMatch(c -> running.containsKey(c.name()));
    if (phase == PodPhase.SUCCEEDED || phase == PodPhase.FAILED) {
      terminal = true;
      ready = false;
      kubelet.volumeManager.wake();
    }
    writeStatus(phase, ready);
  }

  /**
   * The eviction manager's {@code killPodNow}: containers get {@code graceSeconds} (Killing, then
   * ContainerKilled), then the status turns Failed with {@code reason} and {@code message} (the
   * status manager never reports a terminal phase while containers may run); the volumes are torn
   * down as for any terminated Pod, but the Pod object stays until someone deletes it.
   */
  void evict(String reason, String message, long graceSeconds) {
    if (terminating) {
      return;
    }
    terminating = true;
    evicted = true;
    long stop = Math.min(kubelet.ctx.latencyMicros("containerStop", "kubelet/" + kubelet.nodeName),
        graceSeconds * 1_000_000L);
    for (String name : List.copyOf(running.keySet())) {
      kubelet.recorder.normal(pod, "Killing", "Stopping container " + name);
    }
    after(stop, "killContainers", () -> {
      for (String name : List.copyOf(running.keySet())) {
        running.remove(name);
        trace("ContainerKilled", name);
        statuses.put(name, terminatedStatus(containerNamed(name), 137));
      }
      containersStopped = true;
      statusReason = reason;
      statusMessage = message;
      writeStatus(PodPhase.FAILED, false);
      kubelet.volumeManager.wake();
      syncTerminatedEvictedPod();
    });
  }

  /** SyncTerminatedPod of an evicted Pod: waits for TearDown; the Pod object is deleted only if asked. */
  private void syncTerminatedEvictedPod() {
    if (kubelet.volumeManager.podVolumesExist(uid)) {
      after(TERMINATED_POLL_MICROS, "syncTerminatedPod", this::syncTerminatedEvictedPod);
      return;
    }
    cleanedUp = true;
    evictedPodChanged();
  }

  /**
   * An evicted, cleaned-up Pod changed or went away: once it is being deleted (or gone) the kubelet
   * finishes the deletion with grace 0 and forgets it, as the status manager does for any Pod whose
   * resources are reclaimed.
   */
  void evictedPodChanged() {
    if (!cleanedUp) {
      return;
    }
    Optional<Pod> current = kubelet.ctx.api().get(Pod.class, pod.metadata().namespace(), pod.metadata().name());
    if (current.isPresent() && uid.equals(current.get().metadata().uid())
        && current.get().metadata().deletionTimestamp() == null) {
      return;
    }
    if (current.isPresent() && uid.equals(current.get().metadata().uid())) {
      try {
        kubelet.client.delete(ObjectKey.namespaced("Pod", pod.metadata().namespace(), pod.metadata().name()),
            DeleteOptions.force().withPreconditionUid(uid));
      } catch (ApiException e) {
        // already gone
      }
    }
    kubelet.forget(this);
  }

  /** Traces a Pod-level entry ({@code Evicted}) as this kubelet. */
  void tracePod(String type, String message) {
    kubelet.client.trace(type, "pod/" + key, message, "node", kubelet.nodeName, "pod", pod.metadata().name(),
        "namespace", pod.metadata().namespace());
  }
}
