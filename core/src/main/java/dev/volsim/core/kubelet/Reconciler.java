package dev.volsim.core.kubelet;

import dev.volsim.core.api.ApiClient;
import dev.volsim.core.api.EventRecorder;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.cluster.OperationFaults;
import dev.volsim.core.kubelet.ActualStateOfWorld.AttachedVolume;
import dev.volsim.core.kubelet.ActualStateOfWorld.MountedVolume;
import dev.volsim.core.kubelet.DesiredStateOfWorld.PodToMount;
import dev.volsim.core.kubelet.DesiredStateOfWorld.VolumeToMount;
import dev.volsim.core.volume.StaticNodeContext;
import dev.volsim.core.volume.VolumeSetUpException;
import dev.volsim.core.world.MountSource;
import dev.volsim.model.core.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Upstream's kubelet volume reconciler (reconciler/reconciler_common.go): each pass unmounts what is
 * no longer desired ({@code unmountVolumes}), then verifies attachment and mounts
 * ({@code mountOrAttachVolumes}), then unmounts devices no Pod uses ({@code unmountDetachDevices}).
 * Operations take their latency, at most one per volume at a time, with exponential backoff on
 * failure; only a finished operation changes the actual state.
 */
final class Reconciler {
  private final ClusterContext ctx;
  private final ApiClient client;
  private final EventRecorder recorder;
  private final String nodeName;
  private final dev.volsim.core.volume.NodeContext node;
  private final DesiredStateOfWorld dsw;
  private final ActualStateOfWorld asw;
  private final Runnable changed;
  private final Set<String> pendingOperations = new HashSet<>();
  private final ExponentialBackoff backoff = new ExponentialBackoff();
  /** How an injected failure of the running operation of a volume ended, until it is traced. */
  private final java.util.TreeMap<String, String> injectedOutcomes = new java.util.TreeMap<>();

  Reconciler(ClusterContext ctx, ApiClient client, EventRecorder recorder, String nodeName, dev.volsim.core.volume.NodeContext node,
      DesiredStateOfWorld dsw, ActualStateOfWorld asw, Runnable changed) {
    this.ctx = ctx;
    this.client = client;
    this.recorder = recorder;
    this.nodeName = nodeName;
    this.node = node;
    this.dsw = dsw;
    this.asw = asw;
    this.changed = changed;
  }

  /** One pass; returns whether there is still work. */
  boolean reconcile() {
    unmountVolumes();
    mountOrAttachVolumes();
    unmountDetachDevices();
    return hasWork();
  }

  boolean hasWork() {
    if (!pendingOperations.isEmpty()) {
      return true;
    }
    for (VolumeToMount v : dsw.volumes.values()) {
      for (String uid : v.pods.keySet()) {
        if (!asw.isMounted(v.volumeName, uid) || asw.isRemountRequired(v.volumeName, uid)) {
          return true;
        }
      }
    }
    for (AttachedVolume a : asw.volumes.values()) {
      VolumeToMount v = dsw.volumes.get(a.volumeName);
      if (v == null) {
        return true;
      }
      for (String uid : a.mountedPods.keySet()) {
        if (!v.pods.containsKey(uid)) {
          return true;
        }
      }
    }
    return false;
  }

  private void unmountVolumes() {
    for (AttachedVolume a : asw.volumes.values()) {
      VolumeToMount desired = dsw.volumes.get(a.volumeName);
      for (MountedVolume m : List.copyOf(a.mountedPods.values())) {
        if (desired != null && desired.pods.containsKey(m.podUid())) {
          continue;
        }
        if (pendingOperations.contains(a.volumeName) || !backoff.safeToRetry(a.volumeName + "/" + m.podUid(), now())) {
          continue;
        }
        run(a.volumeName, "tearDown", m.podKey(), m.traceVolume(), () -> {
          fault("tearDown", m.podKey(), a.volumeName);
          m.setUp().tearDown(node);
          a.mountedPods.remove(m.podUid());
          asw.clearRemountRequired(a.volumeName, m.podUid());
          client.trace("TearDown", "pod/" + m.podKey(), "UnmountVolume.TearDown succeeded for volume \"" + m.outerVolumeSpecName()
              + "\" (UniqueName: \"" + a.volumeName + "\") pod " + m.podKey(), "node", nodeName,
              "volume", m.traceVolume(), "uniqueName", a.volumeName, "pod", podName(m.podKey()));
        }, e -> { }, a.volumeName + "/" + m.podUid());
      }
    }
  }

  private void mountOrAttachVolumes() {
    for (VolumeToMount v : dsw.volumes.values()) {
      if (pendingOperations.contains(v.volumeName)) {
        continue;
      }
      for (PodToMount p : v.pods.values()) {
        String uid = p.pod().metadata().uid();
        if (!asw.isAttached(v.volumeName)) {
          if (v.attachable && !v.reportedInUse) {
            continue; // waits for the node status update to list it in volumesInUse
          }
          if (!backoff.safeToRetry(v.volumeName, now())) {
            break;
          }
          verifyControllerAttachedVolume(v, p);
          if (!asw.isAttached(v.volumeName)) {
            break;
          }
        }
        if (!asw.isMounted(v.volumeName, uid)) {
          if (backoff.safeToRetry(v.volumeName + "/" + uid, now())) {
            mountVolume(v, p);
          }
          break; // one operation per volume
        } else if (asw.isRemountRequired(v.volumeName, uid)) {
          if (backoff.safeToRetry(v.volumeName + "/" + uid, now())) {
            remountVolume(v, p);
          }
          break;
        }
      }
    }
  }

  /** {@code VerifyControllerAttachedVolume}: no latency, a read of the node's status; no events. */
  private void verifyControllerAttachedVolume(VolumeToMount v, PodToMount p) {
    if (!v.attachable) {
      asw.markVolumeAsAttached(v.volumeName, p.setUp());
      return;
    }
    Optional<Node> n = client.server().get(Node.class, "", nodeName);
    boolean attached = n.isPresent() && n.get().status() != null
        && n.get().status().volumesAttached().stream().anyMatch(a -> a.name().equals(v.volumeName));
    if (attached) {
      backoff.succeeded(v.volumeName);
      asw.markVolumeAsAttached(v.volumeName, p.setUp());
      changed.run();
    } else {
      // "Volume not attached according to node status"
      backoff.failed(v.volumeName, now());
    }
  }

  private void mountVolume(VolumeToMount v, PodToMount p) {
    AttachedVolume a = asw.volumes.get(v.volumeName);
    String podKey = podKey(p);
    String uid = p.pod().metadata().uid();
    boolean needDevice = v.deviceMountable && !a.deviceMounted;
    String backoffKey = v.volumeName + "/" + uid;
    if (needDevice) {
      run(v.volumeName, "mountDevice", podKey, traceVolume(p), () -> {
        try {
          fault("mountDevice", podKey, v.volumeName);
          p.setUp().mountDevice(node);
        } catch (VolumeSetUpException e) {
          throw e.reworded(e.eventMessage("MountVolume.MountDevice", p.specName()));
        }
        a.deviceMounted = true;
        a.deviceTraceVolume = traceVolume(p);
        client.trace("MountDevice", "pod/" + podKey, "MountVolume.MountDevice succeeded for volume \"" + p.specName()
            + "\" (UniqueName: \"" + v.volumeName + "\")", "node", nodeName, "volume", traceVolume(p),
            "uniqueName", v.volumeName, "pod", podName(podKey));
      }, e -> recorder.warning(p.pod(), "FailedMount", e), backoffKey);
      return;
    }
    run(v.volumeName, "setUp", podKey, traceVolume(p), () -> {
      MountSource source;
      try {
        fault("setUp", podKey, v.volumeName);
        source = p.setUp().setUp(node);
        applyFsGroup(p, source);
      } catch (VolumeSetUpException e) {
        throw e.reworded(e.eventMessage(p.specName()));
      }
      a.mountedPods.put(uid, new MountedVolume(uid, podKey, p.outerVolumeSpecName(), p.setUp(), source,
          traceVolume(p)));
      client.trace("SetUp", "pod/" + podKey, "MountVolume.SetUp succeeded for volume \"" + p.specName()
          + "\" (UniqueName: \"" + v.volumeName + "\") pod " + podKey, "node", nodeName,
          "volume", traceVolume(p), "uniqueName", v.volumeName, "pod", podName(podKey));
    }, e -> recorder.warning(p.pod(), "FailedMount", e), backoffKey);
  }

  /**
   * A remount ({@code MountVolume} with {@code isRemount}): SetUp again on a mounted volume, which
   * for configMap, secret, downwardAPI and projected volumes rewrites the files through the atomic
   * writer when the objects changed. Traced as {@code SetUp} (with {@code remount: true}) only when
   * something was rewritten; a failure is a FailedMount event and the old files stay.
   */
  private void remountVolume(VolumeToMount v, PodToMount p) {
    String podKey = podKey(p);
    String uid = p.pod().metadata().uid();
    String dataLink = dev.volsim.core.world.NodeDisk.podVolumeDirectory(uid, p.setUp().pluginName(),
        p.outerVolumeSpecName()) + "/..data";
    run(v.volumeName, "setUp", podKey, traceVolume(p), () -> {
      String before = dataDirectory(dataLink);
      try {
        fault("setUp", podKey, v.volumeName);
        applyFsGroup(p, p.setUp().setUp(node));
      } catch (VolumeSetUpException e) {
        throw e.reworded(e.eventMessage(p.specName()));
      }
      asw.clearRemountRequired(v.volumeName, uid);
      if (!java.util.Objects.equals(before, dataDirectory(dataLink))) {
        client.trace("SetUp", "pod/" + podKey, "MountVolume.SetUp succeeded for volume \"" + p.specName()
            + "\" (UniqueName: \"" + v.volumeName + "\") pod " + podKey + " (remount)", "node", nodeName,
            "volume", traceVolume(p), "uniqueName", v.volumeName, "pod", podName(podKey),
            "remount", "true");
      }
    }, e -> recorder.warning(p.pod(), "FailedMount", e), v.volumeName + "/" + uid);
  }

  /** Where the atomic writer's {@code ..data} link points now, or null. */
  private String dataDirectory(String dataLink) {
    try {
      return node.volumeMounts().hostNamespace().readlink(dataLink, dev.volsim.core.world.Credentials.ROOT);
    } catch (dev.volsim.core.world.FsException e) {
      return null;
    }
  }

  /** {@code SetVolumeOwnership} after a SetUp, for a Pod with {@code fsGroup} and a plugin that manages ownership. */
  private static void applyFsGroup(PodToMount p, MountSource source) {
    var sc = p.pod().spec().securityContext();
    if (sc == null || sc.fsGroup() == null || !p.setUp().supportsFsGroup()) {
      return;
    }
    if (dev.volsim.core.volume.VolumeOwnership.isProjection(p.setUp().pluginName())) {
      dev.volsim.core.volume.VolumeOwnership.applyToProjection(source, sc.fsGroup());
      return;
    }
    boolean onRootMismatch = sc.fsGroupChangePolicy() == dev.volsim.model.core.PodFSGroupChangePolicy.ON_ROOT_MISMATCH;
    dev.volsim.core.volume.VolumeOwnership.apply(source, sc.fsGroup(), source.readOnly(), onRootMismatch);
  }

  /**
   * The {@code volume} a trace entry names (the scenario contract): the PersistentVolume's name for a
   * volume backed by one (a claim, a generic ephemeral volume), else {@code <pod>/<volume>}.
   */
  static String traceVolume(PodToMount p) {
    for (dev.volsim.model.volume.Volume v : p.pod().spec().volumes()) {
      if (v.name().equals(p.outerVolumeSpecName())) {
        if (v.source() instanceof dev.volsim.model.volume.PersistentVolumeClaimVolumeSource
            || v.source() instanceof dev.volsim.model.volume.EphemeralVolumeSource) {
          return p.specName();
        }
        break;
      }
    }
    return p.pod().metadata().name() + "/" + p.outerVolumeSpecName();
  }

  /** The name of a {@code namespace/name} Pod key. */
  private static String podName(String podKey) {
    return podKey.substring(podKey.indexOf('/') + 1);
  }

  private void unmountDetachDevices() {
    for (AttachedVolume a : List.copyOf(asw.volumes.values())) {
      if (!a.mountedPods.isEmpty() || dsw.volumes.containsKey(a.volumeName)
          || pendingOperations.contains(a.volumeName)) {
        continue;
      }
      if (a.deviceMounted) {
        if (!backoff.safeToRetry(a.volumeName, now())) {
          continue;
        }
        run(a.volumeName, "unmountDevice", "", a.deviceTraceVolume, () -> {
          fault("unmountDevice", null, a.volumeName);
          a.setUp.unmountDevice(node);
          a.deviceMounted = false;
          List<String> attrs = new ArrayList<>(List.of("node", nodeName, "uniqueName", a.volumeName));
          if (a.deviceTraceVolume != null) {
            attrs.addAll(List.of("volume", a.deviceTraceVolume));
          }
          client.trace("UnmountDevice", a.volumeName, "UnmountDevice succeeded for volume \"" + a.volumeName + "\"",
              attrs.toArray(String[]::new));
        }, e -> { }, a.volumeName);
      } else {
        asw.volumes.remove(a.volumeName); // MarkVolumeAsDetached: "Volume detached"
        changed.run();
      }
    }
  }

  private void fault(String operation, String podKey, String volumeName) {
    Map<String, String> facts = new java.util.TreeMap<>();
    facts.put("node", nodeName);
    facts.put("volume", volumeName);
    if (podKey != null && !podKey.isEmpty()) {
      facts.put("pod", podKey);
    }
    Optional<OperationFaults.Injected> f = ctx.faults().take(operation, facts);
    if (f.isPresent()) {
      injectedOutcomes.put(volumeName, switch (f.get().mode()) {
        case ERROR -> "failed";
        case TIMEOUT -> "timeout";
        case UNCERTAIN -> "uncertain";
      });
      throw new VolumeSetUpException(f.get().message() != null ? f.get().message() : operation + " failed");
    }
  }

  /** Runs an operation after its latency, holding the volume's operation slot meanwhile. */
  private void run(String volumeName, String operation, String podKey, Runnable op,
      java.util.function.Consumer<String> onError, String backoffKey) {
    run(volumeName, operation, podKey, null, op, onError, backoffKey);
  }

  /** The trace type of a volume manager operation. */
  private static String traceType(String operation) {
    return switch (operation) {
      case "mountDevice" -> "MountDevice";
      case "setUp" -> "SetUp";
      case "tearDown" -> "TearDown";
      case "unmountDevice" -> "UnmountDevice";
      default -> throw new IllegalArgumentException("operation " + operation);
    };
  }

  /**
   * Runs an operation after its latency, holding the volume's operation slot meanwhile; a failure
   * is traced with its outcome ({@code failed}, or {@code timeout}/{@code uncertain} for an injected
   * one, {@code timeout} for a call that ran into its deadline), then backs off and goes to {@code onError}.
   *
   * @param traceVolume the trace's {@code volume} (PV name or {@code <pod>/<volume>}), or null
   */
  private void run(String volumeName, String operation, String podKey, String traceVolume, Runnable op,
      java.util.function.Consumer<String> onError, String backoffKey) {
    pendingOperations.add(volumeName);
    long latency = ctx.latencyMicros(operation, "kubelet/" + nodeName);
    ctx.engine().scheduleAfterMicros(latency, "kubelet", operation, () -> {
      pendingOperations.remove(volumeName);
      if (node instanceof StaticNodeContext s) {
        s.setNowMicros(ctx.engine().nowMicros());
      }
      try {
        op.run();
        backoff.succeeded(backoffKey);
      } catch (VolumeSetUpException e) {
        if (e.timedOut() && latency < CSI_TIMEOUT_MICROS) {
          // A call into a hung driver returns only at its deadline; the operation holds the volume till then.
          pendingOperations.add(volumeName);
          ctx.engine().scheduleAfterMicros(CSI_TIMEOUT_MICROS - latency, "kubelet", operation, () -> {
            pendingOperations.remove(volumeName);
            failed(volumeName, operation, podKey, traceVolume, onError, backoffKey, e);
            changed.run();
          });
          return;
        }
        failed(volumeName, operation, podKey, traceVolume, onError, backoffKey, e);
      }
      changed.run();
    });
  }

  /** {@code csiTimeout} (pkg/volume/csi/csi_plugin.go): the deadline of the kubelet's calls to a CSI node plugin. */
  static final long CSI_TIMEOUT_MICROS = java.time.Duration.ofMinutes(2).toNanos() / 1000;

  /** A failed operation: backed off, traced with its outcome, then handed to {@code onError}. */
  private void failed(String volumeName, String operation, String podKey, String traceVolume,
      java.util.function.Consumer<String> onError, String backoffKey, VolumeSetUpException e) {
    backoff.failed(backoffKey, now());
    String outcome = injectedOutcomes.remove(volumeName);
    List<String> attrs = new ArrayList<>(List.of("node", nodeName, "uniqueName", volumeName,
        "outcome", outcome != null ? outcome : e.timedOut() ? "timeout" : "failed"));
    if (traceVolume != null) {
      attrs.addAll(List.of("volume", traceVolume));
    }
    if (podKey != null && !podKey.isEmpty()) {
      attrs.addAll(List.of("pod", podName(podKey)));
    }
    client.trace(traceType(operation), podKey == null || podKey.isEmpty() ? volumeName : "pod/" + podKey,
        e.getMessage(), attrs.toArray(String[]::new));
    onError.accept(e.getMessage());
  }

  private long now() {
    return ctx.engine().nowMicros();
  }

  static String podKey(PodToMount p) {
    return p.pod().metadata().namespace() + "/" + p.pod().metadata().name();
  }

  static List<String> sorted(Iterable<String> names) {
    List<String> out = new ArrayList<>();
    names.forEach(out::add);
    out.sort(null);
    return out;
  }
}
