package dev.volsim.core.api;

import dev.volsim.model.KindInfo;
import dev.volsim.model.Kinds;
import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.OwnerReference;
import dev.volsim.model.Records;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The garbage collector and namespace controller: dependents of removed owners are deleted in
 * the background (or orphaned, or deleted first for a foreground deletion), and a terminating
 * namespace is emptied, then removed. Each reaction is an engine event shortly after its cause,
 * as the real controllers react to watch events.
 */
final class GarbageCollector {
  static final String COMPONENT = "garbage-collector";
  static final String NAMESPACE_COMPONENT = "namespace-controller";
  /** How long after a change the collectors act (watch delivery and queueing). */
  private static final Duration REACTION = Duration.ofMillis(10);

  private final ApiServer api;
  private final java.util.Set<String> sweepsPending = new java.util.TreeSet<>();
  private final PausableComponent gc = new PausableComponent(COMPONENT);
  private final PausableComponent namespaces = new PausableComponent(NAMESPACE_COMPONENT);

  GarbageCollector(ApiServer api) {
    this.api = api;
  }

  dev.volsim.core.controller.Controller gcController() {
    return gc;
  }

  dev.volsim.core.controller.Controller namespaceController() {
    return namespaces;
  }

  /** A controller whose reactions wait while it is paused and run, in order, when resumed. */
  private final class PausableComponent implements dev.volsim.core.controller.Controller {
    private final String name;
    private final List<Runnable> pending = new ArrayList<>();
    private boolean paused;

    PausableComponent(String name) {
      this.name = name;
    }

    void react(Runnable action) {
      api.engine().schedule(REACTION, name, "sync", () -> {
        if (paused) {
          pending.add(action);
        } else {
          action.run();
        }
      });
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void pause() {
      paused = true;
    }

    @Override
    public void resume() {
      if (!paused) {
        return;
      }
      paused = false;
      List<Runnable> missed = new ArrayList<>(pending);
      pending.clear();
      for (Runnable r : missed) {
        api.engine().schedule(Duration.ZERO, name, "sync", r);
      }
    }

    @Override
    public boolean isPaused() {
      return paused;
    }
  }

  /** An owner object is gone: delete or un-own its dependents. */
  void objectRemoved(KubeObject owner) {
    String uid = owner.metadata().uid();
    if (uid == null || api.dependentsOf(uid).isEmpty()) {
      recheckForegroundOwners(owner);
      return;
    }
    gc.react(() -> collectDependents(uid));
    recheckForegroundOwners(owner);
  }

  private void collectDependents(String ownerUid) {
    ApiClient client = api.systemClient(COMPONENT);
    for (ObjectKey key : api.dependentsOf(ownerUid)) {
      KubeObject dependent = api.get(key).orElse(null);
      if (dependent == null || dependent.metadata().isTerminating()) {
        continue;
      }
      List<OwnerReference> remaining = new ArrayList<>();
      for (OwnerReference ref : dependent.metadata().ownerReferences()) {
        if (!ownerUidGone(ref, ownerUid) && ownerExists(ref, dependent)) {
          remaining.add(ref);
        }
      }
      try {
        if (remaining.isEmpty()) {
          client.delete(key, DeleteOptions.defaults().withPreconditionUid(dependent.metadata().uid()));
        } else if (remaining.size() < dependent.metadata().ownerReferences().size()) {
          client.update(Records.withMetadata(dependent, dependent.metadata().toBuilder().ownerReferences(remaining).build()));
        }
      } catch (ApiException e) {
        // A dependent changed meanwhile; the next change of it or its owners brings it back.
      }
    }
  }

  private static boolean ownerUidGone(OwnerReference ref, String goneUid) {
    return goneUid.equals(ref.uid());
  }

  private boolean ownerExists(OwnerReference ref, KubeObject dependent) {
    if (ref.uid() == null || ref.kind() == null) {
      return false;
    }
    KindInfo<?> info = Kinds.all().stream().filter(k -> k.kind().equals(ref.kind())).findFirst().orElse(null);
    if (info == null) {
      return false;
    }
    String ns = info.namespaced() ? dependent.metadata().namespace() : "";
    return api.get(new ObjectKey(ref.kind(), ns, ref.name() == null ? "" : ref.name()))
        .filter(o -> ref.uid().equals(o.metadata().uid())).isPresent();
  }

  /** An owner was marked with {@code foregroundDeletion} or {@code orphan}: act on dependents. */
  void ownerDeleting(KubeObject owner) {
    gc.react(() -> processDeletingOwner(ObjectKey.of(owner)));
  }

  private void processDeletingOwner(ObjectKey ownerKey) {
    KubeObject owner = api.get(ownerKey).orElse(null);
    if (owner == null) {
      return;
    }
    ApiClient client = api.systemClient(COMPONENT);
    String uid = owner.metadata().uid();
    ObjectMeta meta = owner.metadata();
    if (meta.hasFinalizer(ApiServer.ORPHAN)) {
      for (ObjectKey key : api.dependentsOf(uid)) {
        api.get(key).ifPresent(d -> {
          List<OwnerReference> refs = d.metadata().ownerReferences().stream()
              .filter(r -> !uid.equals(r.uid())).toList();
          client.update(Records.withMetadata(d, d.metadata().toBuilder().ownerReferences(refs).build()));
        });
      }
      removeFinalizer(client, ownerKey, ApiServer.ORPHAN);
      return;
    }
    if (meta.hasFinalizer(ApiServer.FOREGROUND_DELETION)) {
      boolean blocked = false;
      for (ObjectKey key : api.dependentsOf(uid)) {
        KubeObject d = api.get(key).orElse(null);
        if (d == null) {
          continue;
        }
        boolean blocks = d.metadata().ownerReferences().stream()
            .anyMatch(r -> uid.equals(r.uid()) && Boolean.TRUE.equals(r.blockOwnerDeletion()));
        if (blocks) {
          blocked = true;
        }
        if (!d.metadata().isTerminating()) {
          try {
            client.delete(key, DeleteOptions.defaults().withPropagation(PropagationPolicy.FOREGROUND));
          } catch (ApiException e) {
            // retried when the dependent changes
          }
        }
      }
      if (!blocked || api.dependentsOf(uid).isEmpty()) {
        removeFinalizer(client, ownerKey, ApiServer.FOREGROUND_DELETION);
      }
    }
  }

  private void recheckForegroundOwners(KubeObject removed) {
    for (OwnerReference ref : removed.metadata().ownerReferences()) {
      KindInfo<?> info = Kinds.all().stream().filter(k -> k.kind().equals(ref.kind())).findFirst().orElse(null);
      if (info == null || ref.name() == null) {
        continue;
      }
      ObjectKey ownerKey = new ObjectKey(ref.kind(), info.namespaced() ? removed.metadata().namespace() : "", ref.name());
      api.get(ownerKey).filter(o -> o.metadata().hasFinalizer(ApiServer.FOREGROUND_DELETION))
          .ifPresent(o -> gc.react(() -> processDeletingOwner(ownerKey)));
    }
  }

  private static void removeFinalizer(ApiClient client, ObjectKey key, String finalizer) {
    client.get(key).ifPresent(o -> {
      List<String> fs = o.metadata().finalizers().stream().filter(f -> !f.equals(finalizer)).toList();
      client.update(Records.withMetadata(o, o.metadata().toBuilder().finalizers(fs).build()));
    });
  }

  /** A namespace is terminating: delete what is in it, then remove it once empty. */
  void namespaceDeleting(String namespace) {
    if (!sweepsPending.add(namespace)) {
      return;
    }
    namespaces.react(() -> {
      sweepsPending.remove(namespace);
      ApiClient client = api.systemClient(NAMESPACE_COMPONENT);
      for (KindInfo<?> k : Kinds.all()) {
        if (!k.namespaced()) {
          continue;
        }
        for (KubeObject o : api.list(k.type(), namespace)) {
          if (!o.metadata().isTerminating()) {
            try {
              client.delete(ObjectKey.of(o));
            } catch (ApiException e) {
              // it changed or went meanwhile
            }
          }
        }
      }
      api.removeNamespaceIfEmpty(namespace);
    });
  }
}
