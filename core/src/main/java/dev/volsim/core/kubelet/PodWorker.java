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
      kubelet.recorder.warning(pod, "FailedMount", "Unable to attach or mount volumes: " + err.get());
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
    List<Container> init = pod.spec().initContainers();
    runInit(init, 0);
  }

  private void runInit(List<Container> init, int i) {
    if (terminating) {
      return;
    }
    if (i == init.size()) {
      for (Container c : pod.spec().containers()) {
        startContainer(c, false, () -> {
          if (running.size() == pod.spec().containers().size()) {
            writeStatus(PodPhase.RUNNING, true);
          }
        });
      }
      return;
    }
    Container c = init.get(i);
    startContainer(c, true, () -> {
      int code = kubelet.exitCodeFor(key, c.name());
      running.remove(c.name());
      statuses.put(c.name(), terminatedStatus(c, code));
      trace("ContainerExited", c.name(), "exitCode", String.valueOf(code));
      if (code == 0) {
        runInit(init, i + 1);
      } else {
        writeStatus(pod.spec().restartPolicy() == dev.volsim.model.core.RestartPolicy.NEVER ? PodPhase.FAILED
            : PodPhase.PENDING, false);
      }
    });
  }

  /** The back-off of a container that could not be created: 10 s doubling to 5 min, as the kubelet's. */
  private static final long CREATE_RETRY_START_MICROS = 10_000_000L;
  private static final long CREATE_RETRY_MAX_MICROS = 300_000_000L;
  private long createRetryMicros;

  private void startContainer(Container c, boolean init, Runnable then) {
    pullImage(c, () -> {
      RunningContainer created;
      try {
        created = RunningContainer.start(c, kubelet.volumeManager.mountedVolumesForPod(uid));
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
        statuses.put(c.name(), new ContainerStatus(c.name(), ContainerState.running(wall()), null, !init, 0,
            c.image(), "", "containerd://" + uid + "-" + c.name(), true));
        trace("ContainerStarted", c.name());
        kubelet.recorder.normal(pod, "Started", "Started container " + c.name());
        then.run();
      });
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
    return new ContainerStatus(c.name(), ContainerState.terminated(new ContainerStateTerminated(code, 0,
        code == 0 ? "Completed" : "Error", null, null, wall(), null)), null, false,
        old == null ? 0 : old.restartCount(), c.image(), "", old == null ? null : old.containerID(), false);
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
    boolean initialized = ready || pod.spec().initContainers().isEmpty();
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
      cs.add(statuses.getOrDefault(c.name(), waiting(c, "ContainerCreating")));
    }
    PodStatus old = current.get().status();
    PodStatus status = new PodStatus(phase, dev.volsim.model.Immutables.list(conditions), null, null, null,
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
}
