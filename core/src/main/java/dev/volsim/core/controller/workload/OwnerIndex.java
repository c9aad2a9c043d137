package dev.volsim.core.controller.workload;

import dev.volsim.core.api.Informer;
import dev.volsim.model.KubeObject;
import dev.volsim.model.OwnerReference;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An informer index of objects by their controller's uid (upstream's {@code controllerUIDIndex}),
 * so a controller finds its Pods without scanning the namespace. Keys and names are tree-ordered.
 *
 * @param <T> the indexed kind
 */
final class OwnerIndex<T extends KubeObject> implements Informer.Handler<T> {
  private final Informer<T> informer;
  private final TreeMap<String, TreeSet<String>> byOwnerUid = new TreeMap<>();

  OwnerIndex(Informer<T> informer) {
    this.informer = informer;
    informer.addHandler(this);
  }

  @Override
  public void onAdd(T object) {
    put(object);
  }

  @Override
  public void onUpdate(T old, T object) {
    remove(old);
    put(object);
  }

  @Override
  public void onDelete(T object) {
    remove(object);
  }

  /** The cached objects controlled by {@code ownerUid}, in name order. */
  List<T> controlledBy(String namespace, String ownerUid) {
    List<T> out = new ArrayList<>();
    TreeSet<String> names = byOwnerUid.get(ownerUid);
    if (names != null) {
      for (String key : names) {
        informer.get(namespace, key).ifPresent(out::add);
      }
    }
    return out;
  }

  private void put(T o) {
    String uid = Pods.controllerOf(o).map(OwnerReference::uid).orElse(null);
    if (uid != null) {
      byOwnerUid.computeIfAbsent(uid, k -> new TreeSet<>()).add(o.metadata().name());
    }
  }

  private void remove(T o) {
    String uid = Pods.controllerOf(o).map(OwnerReference::uid).orElse(null);
    if (uid != null) {
      TreeSet<String> names = byOwnerUid.get(uid);
      if (names != null) {
        names.remove(o.metadata().name());
        if (names.isEmpty()) {
          byOwnerUid.remove(uid);
        }
      }
    }
  }
}
