package dev.volsim.core.controller.attachdetach;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import dev.volsim.core.api.ApiClient;
import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.Informer;
import dev.volsim.core.cluster.ClusterContext;
import dev.volsim.core.cluster.OperationFaults;
import dev.volsim.core.controller.Controller;
import dev.volsim.model.Records;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.storage.VolumeAttachment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CSI external-attacher sidecars of the cluster's drivers (kubernetes-csi/external-attacher):
 * for a VolumeAttachment of an installed driver it adds its finalizer
 * ({@code external-attacher/<driver with non-alphanumerics as dashes>}), runs
 * ControllerPublishVolume (the {@code attach} latency) and sets {@code status.attached}, or
 * {@code status.attachError} on an injected failure and retries (1 s doubling to 5 min, the
 * sidecar's {@code --retry-interval-start/max}); for a deleted one it runs
 * ControllerUnpublishVolume and removes the finalizer, or sets {@code status.detachError}. The same
 * finalizer goes on the PersistentVolume before it is first attached, and comes off only once the
 * PV is being deleted and no VolumeAttachment names it any more ({@code csi_handler.go}): a PV
 * never disappears while it is attached somewhere.
 */
public final class ExternalAttacher implements Controller {
  public static final String NAME = "external-attacher";
  private static final long RETRY_START_MICROS = Duration.ofSeconds(1).toNanos() / 1000;
  private static final long RETRY_MAX_MICROS = Duration.ofMinutes(5).toNanos() / 1000;

  private final ClusterContext ctx;
  private final ApiClient client;
  private final Informer<VolumeAttachment> informer;
  private final Informer<PersistentVolume> pvInformer;
  private final Set<String> inFlight = new HashSet<>();
  private final Map<String, Long> backoff = new HashMap<>();
  private boolean paused;

  public ExternalAttacher(ClusterContext ctx) {
    this.ctx = requireNonNull(ctx, "ctx is null");
    this.client = ctx.api().client(NAME);
    this.informer = new Informer<>(ctx.api(), VolumeAttachment.class, NAME);
    this.pvInformer = new Informer<>(ctx.api(), PersistentVolume.class, NAME);
  }

  public void start() {
    informer.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(VolumeAttachment va) {
        process(va.metadata().name());
      }

      @Override
      public void onUpdate(VolumeAttachment o, VolumeAttachment va) {
        process(va.metadata().name());
      }
    });
    pvInformer.addHandler(new Informer.Handler<>() {
      @Override
      public void onAdd(PersistentVolume pv) {
        syncVolume(pv.metadata().name());
      }

      @Override
      public void onUpdate(PersistentVolume o, PersistentVolume pv) {
        syncVolume(pv.metadata().name());
      }
    });
    informer.start();
    pvInformer.start();
  }

  /** {@code SyncNewOrUpdatedPersistentVolume}: a deleted PV loses the finalizer once nothing attaches it. */
  private void syncVolume(String pvName) {
    if (paused) {
      return;
    }
    Optional<PersistentVolume> cur = ctx.api().get(PersistentVolume.class, null, pvName);
    if (cur.isEmpty() || cur.get().metadata().deletionTimestamp() == null) {
      return;
    }
    PersistentVolume pv = cur.get();
    for (VolumeAttachment va : ctx.api().list(VolumeAttachment.class)) {
      if (pvName.equals(va.spec().source().persistentVolumeName())) {
        return; // still attached (or detaching) somewhere
      }
    }
    List<String> fins = new ArrayList<>(pv.metadata().finalizers());
    boolean removed = fins.removeIf(f -> f.startsWith("external-attacher/"));
    if (removed) {
      try {
        client.update(Records.withMetadata(pv, pv.metadata().toBuilder().finalizers(fins).build()));
      } catch (ApiException e) {
        // the next update of the PV brings it back
      }
    }
  }

  /** Adds the attacher's finalizer to the PV a VolumeAttachment names, before attaching it. */
  private boolean protectVolume(VolumeAttachment va, String fin) {
    String pvName = va.spec().source().persistentVolumeName();
    if (pvName == null) {
      return true;
    }
    Optional<PersistentVolume> pv = ctx.api().get(PersistentVolume.class, null, pvName);
    if (pv.isEmpty() || pv.get().metadata().hasFinalizer(fin)) {
      return true;
    }
    if (pv.get().metadata().deletionTimestamp() != null) {
      return true; // no new finalizers on an object being deleted; attach goes on as upstream does
    }
    List<String> fins = new ArrayList<>(pv.get().metadata().finalizers());
    fins.add(fin);
    try {
      client.update(Records.withMetadata(pv.get(), pv.get().metadata().toBuilder().finalizers(fins).build()));
      return true;
    } catch (ApiException e) {
      return false;
    }
  }

  static String finalizer(String driver) {
    return "external-attacher/" + driver.replaceAll("[^a-zA-Z0-9-]", "-");
  }

  private void process(String name) {
    if (paused || inFlight.contains(name)) {
      return;
    }
    Optional<VolumeAttachment> cur = ctx.api().get(VolumeAttachment.class, "", name);
    if (cur.isEmpty() || ctx.csiDriver(cur.get().spec().attacher()).isEmpty()) {
      return; // no sidecar runs for a driver the cluster does not have
    }
    VolumeAttachment va = cur.get();
    String fin = finalizer(va.spec().attacher());
    boolean deleting = va.metadata().deletionTimestamp() != null;
    if (deleting && !va.metadata().hasFinalizer(fin)) {
      return;
    }
    if (!deleting && va.status().attached()) {
      return;
    }
    if (!deleting && !va.metadata().hasFinalizer(fin)) {
      List<String> fins = new ArrayList<>(va.metadata().finalizers());
      fins.add(fin);
      try {
        va = client.update(Records.withMetadata(va, va.metadata().toBuilder().finalizers(fins).build()));
      } catch (ApiException e) {
        return; // the update's watch event brings it back
      }
    }
    if (!deleting && !protectVolume(va, fin)) {
      return; // the PV's watch event brings it back
    }
    inFlight.add(name);
    String op = deleting ? "detach" : "attach";
    long latency = ctx.latencyMicros(op, NAME);
    long started = ctx.engine().nowMicros();
    ctx.engine().scheduleAfterMicros(latency, NAME, op, () -> finish(name, deleting, started));
  }

  /**
   * How long the sidecar waits for ControllerPublish/Unpublish ({@code --timeout}, default 15 s):
   * a call that does not answer fails with DeadlineExceeded only then.
   */
  static final long RPC_TIMEOUT_MICROS = 15_000_000L;

  private void finish(String name, boolean detach, long started) {
    inFlight.remove(name);
    Optional<VolumeAttachment> cur = ctx.api().get(VolumeAttachment.class, "", name);
    if (cur.isEmpty()) {
      return;
    }
    VolumeAttachment va = cur.get();
    boolean deleting = va.metadata().deletionTimestamp() != null;
    if (deleting != detach) {
      process(name); // it changed while the RPC ran
      return;
    }
    Map<String, String> facts = OperationExecutor.claimFacts(ctx.api(), va.spec().source().persistentVolumeName(),
        ImmutableMap.of("volume", String.valueOf(va.spec().source().persistentVolumeName()),
            "node", String.valueOf(va.spec().nodeName()), "driver", String.valueOf(va.spec().attacher())));
    Optional<OperationFaults.Injected> fault = ctx.faults().take(detach ? "detach" : "attach", facts);
    long waited = ctx.engine().nowMicros() - started;
    if (fault.isPresent() && fault.get().mode() == OperationFaults.Mode.TIMEOUT && waited < RPC_TIMEOUT_MICROS) {
      // The driver does not answer: the call returns at the sidecar's deadline, not before.
      inFlight.add(name);
      ctx.engine().scheduleAfterMicros(RPC_TIMEOUT_MICROS - waited, NAME, detach ? "detach" : "attach",
          () -> {
            inFlight.remove(name);
            ctx.api().get(VolumeAttachment.class, "", name).ifPresent(v -> recordFailure(v, detach, fault.get()));
          });
      return;
    }
    if (fault.isPresent()) {
      recordFailure(va, detach, fault.get());
      return;
    }
    VolumeAttachment.Status s = va.status();
    try {
      if (detach) {
        backoff.remove(name);
        List<String> fins = new ArrayList<>(va.metadata().finalizers());
        fins.remove(finalizer(va.spec().attacher()));
        client.update(Records.withMetadata(va, va.metadata().toBuilder().finalizers(fins).build()));
        String pvName = va.spec().source().persistentVolumeName();
        if (pvName != null) {
          syncVolume(pvName);
        }
      } else {
        backoff.remove(name);
        client.updateStatus(new VolumeAttachment(va.metadata(), va.spec(),
            new VolumeAttachment.Status(true, s.attachmentMetadata(), null, s.detachError())));
      }
    } catch (ApiException e) {
      ctx.engine().scheduleAfterMicros(RETRY_START_MICROS, NAME, "retry", () -> process(name));
    }
  }

  /** The RPC failed: the error goes into the VolumeAttachment's status; retried with back-off. */
  private void recordFailure(VolumeAttachment va, boolean detach, OperationFaults.Injected fault) {
    String name = va.metadata().name();
    VolumeAttachment.Status s = va.status();
    try {
      VolumeAttachment.VolumeError err = new VolumeAttachment.VolumeError(
          ctx.engine().wallTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), fault.message(), null);
      client.updateStatus(new VolumeAttachment(va.metadata(), va.spec(), detach
          ? new VolumeAttachment.Status(s.attached(), s.attachmentMetadata(), s.attachError(), err)
          : new VolumeAttachment.Status(false, s.attachmentMetadata(), err, s.detachError())));
      long delay = Math.min(RETRY_MAX_MICROS, backoff.getOrDefault(name, RETRY_START_MICROS / 2) * 2);
      backoff.put(name, delay);
      ctx.engine().scheduleAfterMicros(delay, NAME, "retry", () -> process(name));
    } catch (ApiException e) {
      ctx.engine().scheduleAfterMicros(RETRY_START_MICROS, NAME, "retry", () -> process(name));
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void pause() {
    paused = true;
    informer.pause();
    pvInformer.pause();
  }

  @Override
  public void resume() {
    if (!paused) {
      return;
    }
    paused = false;
    informer.resume();
    pvInformer.resume();
    for (VolumeAttachment va : informer.list()) {
      process(va.metadata().name());
    }
  }

  @Override
  public boolean isPaused() {
    return paused;
  }
}
