package dev.volsim.core.controller.attachdetach;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableMap;
import com.google.common.hash.Hashing;
import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.core.cluster.OperationFaults;
import dev.volsim.core.controller.attachdetach.cache.AttachableVolume;
import dev.volsim.core.controller.attachdetach.cache.DesiredStateOfWorld.VolumeToAttach;
import dev.volsim.core.engine.ScheduledEvent;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.Pod;
import dev.volsim.model.storage.VolumeAttachment;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The attach/detach controller's operation executor ({@code operationexecutor} with
 * {@code nestedpendingoperations}): at most one operation per key, where the key is the volume
 * alone when multi-attach is not allowed (so an RWO volume is attached or detached on one node at
 * a time) and (volume, node) otherwise; after a failure the key backs off 500 ms, doubling up to
 * 2m2s, and a success forgets the key. Operations: attach and detach, through VolumeAttachment
 * objects for CSI ({@code csi_attacher.go}) or directly for in-tree plugins.
 */
final class OperationExecutor {
  // exponentialbackoff.initialDurationBeforeRetry
  static final long INITIAL_BACKOFF_MICROS = Duration.ofMillis(500).toNanos() / 1000;
  // exponentialbackoff.maxDurationBeforeRetry = 2m2s
  static final long MAX_BACKOFF_MICROS = Duration.ofMinutes(2).plusSeconds(2).toNanos() / 1000;
  // csi_plugin.go csiTimeout: how long Attach/Detach wait for the VolumeAttachment.
  static final long CSI_TIMEOUT_MICROS = Duration.ofMinutes(2).toNanos() / 1000;

  private static final class Operation {
    boolean pending;
    long lastErrorMicros;
    long durationBeforeRetryMicros;
  }

  /** A CSI attach or detach waiting for its VolumeAttachment. */
  private record Waiter(boolean attach, Consumer<String> done, ScheduledEvent timeout) {}

  private final AttachDetachController adc;
  private final TreeMap<String, Operation> operations = new TreeMap<>();
  private final Map<String, Waiter> waiters = new HashMap<>();

  OperationExecutor(AttachDetachController adc) {
    this.adc = adc;
  }

  static String key(AttachableVolume spec, String nodeName) {
    return spec.multiAttachAllowed() ? spec.uniqueName() + "\u0000" + nodeName : spec.uniqueName();
  }

  /** Whether an operation of this key is running ({@code IsOperationPending}). */
  boolean isOperationPending(AttachableVolume spec, String nodeName) {
    Operation op = operations.get(key(spec, nodeName));
    return op != null && op.pending;
  }

  /**
   * When this key may run again: 0 if it may now ({@code IsOperationSafeToRetry}), otherwise the
   * time its back-off ends, or {@code Long.MAX_VALUE} while an operation runs.
   */
  long retryAtMicros(AttachableVolume spec, String nodeName) {
    Operation op = operations.get(key(spec, nodeName));
    if (op == null) {
      return 0;
    } else if (op.pending) {
      return Long.MAX_VALUE;
    } else {
      long at = op.lastErrorMicros + op.durationBeforeRetryMicros;
      return adc.ctx.engine().nowMicros() >= at ? 0 : at;
    }
  }

  private boolean begin(String key) {
    Operation op = operations.computeIfAbsent(key, k -> new Operation());
    if (op.pending || (op.durationBeforeRetryMicros > 0
        && adc.ctx.engine().nowMicros() < op.lastErrorMicros + op.durationBeforeRetryMicros)) {
      return false;
    }
    op.pending = true;
    return true;
  }

  private void finish(String key, boolean failed) {
    if (!failed) {
      operations.remove(key);
    } else {
      Operation op = operations.get(key);
      op.pending = false;
      op.lastErrorMicros = adc.ctx.engine().nowMicros();
      op.durationBeforeRetryMicros = op.durationBeforeRetryMicros == 0 ? INITIAL_BACKOFF_MICROS
          : Math.min(2 * op.durationBeforeRetryMicros, MAX_BACKOFF_MICROS);
    }
    adc.loop.wake();
  }

  // ---- attach ----

  /** Starts an attach ({@code AttachVolume}); a no-op while the key is busy or backing off. */
  void attachVolume(VolumeToAttach v) {
    AttachableVolume spec = v.spec();
    String node = v.nodeName();
    String key = key(spec, node);
    if (!begin(key)) {
      return;
    }
    List<Pod> pods = v.scheduledPods();
    Consumer<String> done = error -> attachDone(key, spec, node, pods, error);
    if (spec.isCsi()) {
      csiAttach(spec, node, done);
    } else {
      long latency = adc.ctx.latencyMicros("attach", AttachDetachController.NAME);
      adc.ctx.engine().scheduleAfterMicros(latency, AttachDetachController.NAME, "attach", () -> {
        Optional<OperationFaults.Injected> fault = adc.ctx.faults().take("attach", facts(spec, node, pods));
        done.accept(fault.map(OperationFaults.Injected::message).orElse(null));
      });
    }
  }

  private void attachDone(String key, AttachableVolume spec, String node, List<Pod> pods, String error) {
    String ref = objectRef(spec);
    if (error == null) {
      adc.asw.markVolumeAsAttached(spec, node, spec.isCsi() ? "" : spec.devicePath());
      String msg = "AttachVolume.Attach succeeded for volume \"" + spec.specName() + "\" ";
      adc.client.trace("AttachVolume", ref, msg + "node \"" + node + "\"", attrs(spec, node));
      for (Pod p : pods) {
        adc.recorder.normal(p, "SuccessfulAttachVolume", msg);
      }
    } else {
      adc.asw.markVolumeAsUncertain(spec, node);
      String msg = "AttachVolume.Attach failed for volume \"" + spec.specName() + "\" : " + error;
      adc.client.trace("AttachVolume", ref, msg + " (node \"" + node + "\")", attrs(spec, node, "outcome", "failed"));
      for (Pod p : pods) {
        adc.recorder.warning(p, "FailedAttachVolume", msg);
      }
    }
    finish(key, error != null);
  }

  /**
   * The {@code inlineVolumeSpec} of a migrated inline volume: the translated PV spec (csi source,
   * ReadWriteOnce, Filesystem), as csi_attacher's Attach puts it when the spec has no PV.
   */
  private static dev.volsim.model.core.PersistentVolumeSpec inlineVolumeSpec(AttachableVolume spec) {
    return new dev.volsim.model.core.PersistentVolumeSpec(null,
        new dev.volsim.model.volume.CSIPersistentVolumeSource(spec.csiDriver(), spec.volumeHandle(), false, null, null,
            null, null, null, null, null),
        com.google.common.collect.ImmutableList.of(dev.volsim.model.core.PersistentVolumeAccessMode.READ_WRITE_ONCE),
        null, null, null, null, dev.volsim.model.core.PersistentVolumeMode.FILESYSTEM, null, null);
  }

  /** {@code getAttachmentName}: "csi-" + hex(sha256(volumeHandle + driver + nodeName)). */
  static String attachmentName(String volumeHandle, String driver, String nodeName) {
    return "csi-" + Hashing.sha256().hashString(volumeHandle + driver + nodeName, UTF_8);
  }

  private void csiAttach(AttachableVolume spec, String node, Consumer<String> done) {
    String name = attachmentName(spec.volumeHandle(), spec.csiDriver(), node);
    VolumeAttachment va = new VolumeAttachment(ObjectMeta.named(name),
        new VolumeAttachment.Spec(spec.csiDriver(), new VolumeAttachment.Source(spec.persistentVolumeName(),
            spec.persistentVolumeName() == null ? inlineVolumeSpec(spec) : null), node),
        null);
    try {
      adc.client.create(va);
    } catch (ApiException e) {
      if (e.reason() != ApiException.Reason.ALREADY_EXISTS) {
        done.accept("failed to create VolumeAttachment " + name + ": " + e.getMessage());
        return;
      }
    }
    ScheduledEvent timeout = adc.ctx.engine().scheduleAfterMicros(CSI_TIMEOUT_MICROS, AttachDetachController.NAME,
        "attachTimeout", () -> complete(name, "timed out waiting for external-attacher of " + spec.csiDriver()
            + " CSI driver to attach volume " + spec.volumeHandle()));
    waiters.put(name, new Waiter(true, done, timeout));
    adc.ctx.api().get(VolumeAttachment.class, "", name).ifPresent(this::onVolumeAttachment);
  }

  // ---- detach ----

  /**
   * Starts a detach ({@code DetachVolume}); a no-op while the key is busy or backing off.
   *
   * @param verifySafeToDetach whether to refuse while the node still lists the volume in use
   */
  void detachVolume(AttachableVolume spec, String node, boolean verifySafeToDetach) {
    String key = key(spec, node);
    if (!begin(key)) {
      return;
    }
    Consumer<String> done = error -> detachDone(key, spec, node, error);
    if (verifySafeToDetach) {
      Optional<Node> n = adc.ctx.api().get(Node.class, "", node);
      if (n.isPresent() && n.get().status() != null && n.get().status().volumesInUse().contains(spec.uniqueName())) {
        done.accept("volume is still in use by node, according to Node status");
        return;
      }
    }
    if (spec.isCsi()) {
      csiDetach(spec, node, done);
    } else {
      long latency = adc.ctx.latencyMicros("detach", AttachDetachController.NAME);
      adc.ctx.engine().scheduleAfterMicros(latency, AttachDetachController.NAME, "detach", () -> {
        Optional<OperationFaults.Injected> fault = adc.ctx.faults().take("detach", facts(spec, node, List.of()));
        done.accept(fault.map(OperationFaults.Injected::message).orElse(null));
      });
    }
  }

  private void detachDone(String key, AttachableVolume spec, String node, String error) {
    String ref = objectRef(spec);
    if (error == null) {
      adc.asw.markVolumeAsDetached(spec.uniqueName(), node);
      adc.client.trace("DetachVolume", ref, "DetachVolume.Detach succeeded for volume \"" + spec.specName()
          + "\" node \"" + node + "\"", attrs(spec, node));
    } else {
      // A failed detach leaves the volume attached as far as anyone knows: report it again.
      adc.asw.addVolumeToReportAsAttached(spec.uniqueName(), node);
      adc.client.trace("DetachVolume", ref, "DetachVolume.Detach failed for volume \"" + spec.specName()
          + "\" node \"" + node + "\" : " + error, attrs(spec, node, "outcome", "failed"));
    }
    finish(key, error != null);
  }

  private void csiDetach(AttachableVolume spec, String node, Consumer<String> done) {
    String name = attachmentName(spec.volumeHandle(), spec.csiDriver(), node);
    try {
      adc.client.delete(ObjectKey.cluster("VolumeAttachment", name));
    } catch (ApiException e) {
      if (e.reason() == ApiException.Reason.NOT_FOUND) {
        done.accept(null);
      } else {
        done.accept("failed to delete VolumeAttachment " + name + ": " + e.getMessage());
      }
      return;
    }
    if (adc.ctx.api().get(VolumeAttachment.class, "", name).isEmpty()) {
      done.accept(null);
      return;
    }
    ScheduledEvent timeout = adc.ctx.engine().scheduleAfterMicros(CSI_TIMEOUT_MICROS, AttachDetachController.NAME,
        "detachTimeout", () -> complete(name, "timed out waiting for external-attacher of " + spec.csiDriver()
            + " CSI driver to detach volume " + spec.volumeHandle()));
    waiters.put(name, new Waiter(false, done, timeout));
  }

  // ---- VolumeAttachment watch (csi_attacher waitForVolumeAttachment / waitForVolumeDetachment) ----

  void onVolumeAttachment(VolumeAttachment va) {
    Waiter w = waiters.get(va.metadata().name());
    if (w == null) {
      return;
    }
    VolumeAttachment.Status s = va.status();
    if (w.attach()) {
      if (s.attached()) {
        complete(va.metadata().name(), null);
      } else if (s.attachError() != null) {
        complete(va.metadata().name(), s.attachError().message());
      }
    } else if (s.detachError() != null) {
      complete(va.metadata().name(), s.detachError().message());
    }
  }

  void onVolumeAttachmentDeleted(VolumeAttachment va) {
    Waiter w = waiters.get(va.metadata().name());
    if (w != null && !w.attach()) {
      complete(va.metadata().name(), null);
    } else if (w != null) {
      complete(va.metadata().name(), "volume attachment is being deleted");
    }
  }

  private void complete(String name, String error) {
    Waiter w = waiters.remove(name);
    if (w == null) {
      return;
    }
    adc.ctx.engine().cancel(w.timeout());
    w.done().accept(error);
  }

  /** The attributes of an AttachVolume/DetachVolume entry: the PV's kind and name, volume, node, then extra. */
  static String[] attrs(AttachableVolume spec, String node, String... extra) {
    java.util.List<String> a = new java.util.ArrayList<>();
    if (spec.persistentVolumeName() != null) {
      a.addAll(List.of("kind", "PersistentVolume", "name", spec.persistentVolumeName()));
    }
    a.addAll(List.of("volume", spec.specName(), "node", node, "uniqueName", spec.uniqueName()));
    a.addAll(List.of(extra));
    return a.toArray(new String[0]);
  }

  static String objectRef(AttachableVolume spec) {
    return spec.persistentVolumeName() != null
        ? ObjectKey.cluster("PersistentVolume", spec.persistentVolumeName()).ref()
        : "volume/" + spec.uniqueName();
  }

  private Map<String, String> facts(AttachableVolume spec, String node, List<Pod> pods) {
    ImmutableMap.Builder<String, String> b = ImmutableMap.builder();
    b.put("volume", spec.specName()).put("node", node);
    if (!pods.isEmpty()) {
      b.put("pod", pods.get(0).metadata().namespace() + "/" + pods.get(0).metadata().name());
    }
    return claimFacts(adc.ctx.api(), spec.persistentVolumeName(), b.build());
  }

  /**
   * {@code facts} plus {@code claim} ({@code namespace/name}) when the PersistentVolume {@code pvName}
   * is bound to one, so an injected failure can be scoped by the claim a user knows.
   */
  static Map<String, String> claimFacts(dev.volsim.core.api.ApiServer api, String pvName, Map<String, String> facts) {
    if (pvName == null) {
      return facts;
    }
    var pv = api.get(dev.volsim.model.core.PersistentVolume.class, "", pvName);
    var ref = pv.isEmpty() ? null : pv.get().spec().claimRef();
    if (ref == null || ref.name() == null) {
      return facts;
    }
    java.util.TreeMap<String, String> out = new java.util.TreeMap<>(facts);
    out.put("claim", ref.namespace() + "/" + ref.name());
    return out;
  }
}
