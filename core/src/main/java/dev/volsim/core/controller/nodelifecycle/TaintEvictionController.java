package dev.volsim.core.controller.nodelifecycle;

import static java.util.Objects.requireNonNull;

import dev.volsim.core.api.ApiClient;
import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.DeleteOptions;
import dev.volsim.core.api.EventRecorder;
import dev.volsim.core.api.Informer;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.controller.Controller;
import dev.volsim.core.engine.ScheduledEvent;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.Taint;
import dev.volsim.model.core.TaintEffect;
import dev.volsim.model.core.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The {@code taint-eviction-controller} (pkg/controller/tainteviction/taint_eviction.go): a Pod
 * bound to a node with NoExecute taints it does not tolerate is deleted at once; one that
 * tolerates them all for a while ({@code tolerationSeconds}, the smallest of the matching ones)
 * is deleted when that time has passed since the controller saw the taints, unless they are gone
 * by then. Each deletion is announced by the event {@code TaintManagerEviction} "Marking for
 * deletion Pod &lt;ns&gt;/&lt;name&gt;" and traced as {@code Evicted}; a cancelled one by
 * "Cancelling deletion Pod &lt;ns&gt;/&lt;name&gt;". The deletion is graceful: on a node whose
 * kubelet is gone the Pod stays Terminating.
 */
public final class TaintEvictionController implements Controller {
  public static final String NAME = "taint-eviction-controller";

  private final ClusterContext ctx;
  private final ApiClient client;
  private final EventRecorder recorder;
  private final Informer<Node> nodes;
  private final Informer<Pod> pods;
  /** {@code taintEvictionQueue}: the pending deletions by Pod key, with when they were planned. */
  private final TreeMap<String, Planned> planned = new TreeMap<>();
  private boolean paused;

  private record Planned(String uid, long createdMicros, long triggerMicros, ScheduledEvent event) {}

  public TaintEvictionController(ClusterContext ctx) {
    this.ctx = requireNonNull(ctx, "ctx is null");
    this.client = ctx.api().client(NAME);
    this.recorder = new EventRecorder(client, null);
    this.nodes = new Informer<>(ctx.api(), Node.class, NAME);
    this.pods = new Informer<>(ctx.api(), Pod.class, NAME);
    nodes.addHandler(new Informer.Handler<>() {
      @Override public void onAdd(Node n) {
        nodeChanged(n);
      }

      @Override public void onUpdate(Node old, Node n) {
        if (!old.spec().taints().equals(n.spec().taints())) {
          nodeChanged(n);
        }
      }
    });
    pods.addHandler(new Informer.Handler<>() {
      @Override public void onAdd(Pod p) {
        podChanged(p);
      }

      @Override public void onUpdate(Pod old, Pod p) {
        podChanged(p);
      }

      @Override public void onDelete(Pod p) {
        cancel(key(p), false);
      }
    });
  }

  public TaintEvictionController start() {
    nodes.start();
    pods.start();
    return this;
  }

  private static String key(Pod p) {
    return p.metadata().namespace() + "/" + p.metadata().name();
  }

  private void nodeChanged(Node n) {
    if (paused) {
      return;
    }
    for (Pod p : pods.list()) {
      if (p.spec() != null && n.metadata().name().equals(p.spec().nodeName())) {
        processPodOnNode(p, n);
      }
    }
  }

  private void podChanged(Pod p) {
    if (paused || p.spec() == null || p.spec().nodeName() == null) {
      return;
    }
    nodes.get("", p.spec().nodeName()).ifPresent(n -> processPodOnNode(p, n));
  }

  /** {@code processPodOnNode}. */
  private void processPodOnNode(Pod pod, Node node) {
    String key = key(pod);
    List<Taint> taints = new ArrayList<>();
    for (Taint t : node.spec().taints()) {
      if (t.effect() == TaintEffect.NO_EXECUTE) {
        taints.add(t);
      }
    }
    if (taints.isEmpty()) {
      cancel(key, true);
      return;
    }
    long minSeconds = Long.MAX_VALUE;
    for (Taint t : taints) {
      long best = -1;
      for (Toleration tol : pod.spec().tolerations()) {
        if (tol.tolerates(t)) {
          long s = tol.tolerationSeconds() == null ? Long.MAX_VALUE : Math.max(0, tol.tolerationSeconds());
          best = Math.max(best, s);
        }
      }
      if (best < 0) {
        minSeconds = 0; // "not all taints are tolerated": delete at once
        break;
      }
      minSeconds = Math.min(minSeconds, best);
    }
    if (minSeconds == Long.MAX_VALUE) {
      cancel(key, true); // tolerated forever
      return;
    }
    long now = ctx.engine().nowMicros();
    Planned existing = planned.get(key);
    long created = now;
    if (existing != null && existing.uid().equals(pod.metadata().uid())) {
      created = existing.createdMicros();
      if (created + minSeconds * 1_000_000L >= existing.triggerMicros()) {
        return; // already planned at that time or earlier
      }
      ctx.engine().cancel(existing.event());
    }
    long trigger = created + minSeconds * 1_000_000L;
    String uid = pod.metadata().uid();
    ScheduledEvent e = ctx.engine().scheduleAtMicros(Math.max(trigger, now), NAME, "deletePod",
        () -> deletePod(key, uid));
    planned.put(key, new Planned(uid, created, trigger, e));
  }

  private void cancel(String key, boolean event) {
    Planned p = planned.remove(key);
    if (p == null) {
      return;
    }
    ctx.engine().cancel(p.event());
    if (event) {
      pods.get(namespaceOf(key), nameOf(key)).ifPresent(pod ->
          recorder.normal(pod, "TaintManagerEviction", "Cancelling deletion Pod " + key));
    }
  }

  private void deletePod(String key, String uid) {
    planned.remove(key);
    if (paused) {
      return;
    }
    Pod pod = pods.get(namespaceOf(key), nameOf(key)).orElse(null);
    if (pod == null || !pod.metadata().uid().equals(uid) || pod.metadata().deletionTimestamp() != null) {
      return;
    }
    recorder.normal(pod, "TaintManagerEviction", "Marking for deletion Pod " + key);
    try {
      client.delete(ObjectKey.namespaced("Pod", namespaceOf(key), nameOf(key)),
          DeleteOptions.defaults().withPreconditionUid(uid));
      client.trace("Evicted", "pod/" + key, "evicted " + key + " from node " + pod.spec().nodeName()
          + " (NoExecute taint)", "pod", pod.metadata().name(), "namespace", pod.metadata().namespace(),
          "node", pod.spec().nodeName());
    } catch (ApiException e) {
      // NotFound: already gone
    }
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
    paused = true;
    nodes.pause();
    pods.pause();
  }

  @Override
  public void resume() {
    paused = false;
    nodes.resume();
    pods.resume();
    for (Node n : nodes.list()) {
      nodeChanged(n);
    }
  }

  @Override
  public boolean isPaused() {
    return paused;
  }
}
