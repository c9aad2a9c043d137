package dev.volsim.core.kubelet;

import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.DeleteOptions;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.engine.Durations;
import dev.volsim.core.engine.ScheduledEvent;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodPhase;
import dev.volsim.model.volume.ConfigMapVolumeSource;
import dev.volsim.model.volume.DownwardAPIVolumeSource;
import dev.volsim.model.volume.ProjectedVolumeSource;
import dev.volsim.model.volume.SecretVolumeSource;
import dev.volsim.model.volume.Volume;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The pod workers' periodic resync as far as volumes see it (pkg/kubelet/pod_workers.go
 * {@code completeWork}: the next sync of a Pod is queued {@code wait.Jitter(resyncInterval,
 * workerResyncIntervalJitterFactor)} after the last, i.e. in [syncFrequency, 1.5·syncFrequency)).
 * A sync calls {@code WaitForAttachAndMount}, which marks the Pod's configMap, secret, downwardAPI
 * and projected volumes for remount: so they follow their objects at the next sync after the
 * kubelet's cache has seen the change. A change of the Pod's own labels or annotations is a Pod
 * update, which syncs at once (a status-only change is not).
 *
 * <p>Only Pods with such volumes are resynced: for others a sync changes nothing volsim models, and
 * idle Pods cost no events.
 */
final class PodResync {
  /** pod_workers.go {@code workerResyncIntervalJitterFactor = 0.5}. */
  static final double WORKER_RESYNC_INTERVAL_JITTER_FACTOR = 0.5;

  private final Kubelet kubelet;
  /** Per Pod uid: its next periodic sync and the metadata it last synced with. */
  private final Map<String, State> states = new TreeMap<>();

  private static final class State {
    ScheduledEvent next;
    Map<String, String> labels;
    Map<String, String> annotations;
  }

  PodResync(Kubelet kubelet) {
    this.kubelet = kubelet;
  }

  /** The worker's Pod was added or updated. */
  void podChanged(PodWorker w) {
    State s = states.get(w.uid);
    if (w.terminating || !requiresRemount(w.pod)) {
      if (s != null) {
        kubelet.ctx.engine().cancel(s.next);
        states.remove(w.uid);
      }
      return;
    }
    if (s == null) {
      s = new State();
      states.put(w.uid, s);
      remember(s, w.pod);
      schedule(w, s);
    } else if (!Objects.equals(s.labels, w.pod.metadata().labels())
        || !Objects.equals(s.annotations, w.pod.metadata().annotations())) {
      sync(w, s); // UpdatePod: a spec or metadata change syncs the Pod now
    }
  }

  private void sync(PodWorker w, State s) {
    kubelet.ctx.engine().cancel(s.next);
    if (w.terminating || !isCurrent(w)) {
      states.remove(w.uid);
      return;
    }
    remember(s, w.pod);
    kubelet.volumeManager.resyncPod(w.uid);
    schedule(w, s);
  }

  private boolean isCurrent(PodWorker w) {
    for (PodWorker x : kubelet.workers()) {
      if (x == w) {
        return true;
      }
    }
    return false;
  }

  private static void remember(State s, Pod pod) {
    s.labels = pod.metadata().labels();
    s.annotations = pod.metadata().annotations();
  }

  private void schedule(PodWorker w, State s) {
    long resync = Durations.toMicros(kubelet.ctx.config().duration("syncFrequency"));
    double r = kubelet.ctx.engine().random("kubelet/" + kubelet.nodeName + "/podResync").nextDouble();
    long delay = resync + (long) (r * WORKER_RESYNC_INTERVAL_JITTER_FACTOR * resync);
    s.next = kubelet.ctx.engine().scheduleAfterMicros(delay, Kubelet.NAME, "syncPod", () -> sync(w, s));
  }

  /** Whether a volume of the Pod is set up again at every sync ({@code RequiresRemount}). */
  static boolean requiresRemount(Pod pod) {
    if (pod.spec() == null) {
      return false;
    }
    for (Volume v : pod.spec().volumes()) {
      if (v.source() instanceof ConfigMapVolumeSource || v.source() instanceof SecretVolumeSource
          || v.source() instanceof DownwardAPIVolumeSource || v.source() instanceof ProjectedVolumeSource) {
        return true;
      }
    }
    return false;
  }

  /** Whether the Pod's phase is terminal (Succeeded or Failed): the kubelet never runs it again. */
  static boolean isTerminal(Pod pod) {
    return pod.status() != null
        && (pod.status().phase() == PodPhase.FAILED || pod.status().phase() == PodPhase.SUCCEEDED);
  }

  /**
   * A terminal Pod this kubelet has no worker for (an evicted Pod after a kubelet restart): nothing
   * runs; once it is being deleted the kubelet finishes the deletion with grace 0.
   */
  static void finishTerminalPod(Kubelet kubelet, Pod pod) {
    if (pod.metadata().deletionTimestamp() == null) {
      return;
    }
    try {
      kubelet.client.delete(ObjectKey.namespaced("Pod", pod.metadata().namespace(), pod.metadata().name()),
          DeleteOptions.force().withPreconditionUid(pod.metadata().uid()));
    } catch (ApiException e) {
      // already gone
    }
  }
}
