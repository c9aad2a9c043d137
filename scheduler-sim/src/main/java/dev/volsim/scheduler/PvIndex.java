package dev.volsim.scheduler;

import dev.volsim.model.core.PersistentVolume;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * PV names by storage class (what {@code pvCache.ListPVs(class)} returns), kept by the PV
 * informer's handlers. Provisioning capacity is not derived from PVs: the scheduler reads the
 * CSIStorageCapacity objects the external-provisioner publishes ({@link VolumeBinding#hasEnoughCapacity}).
 */
final class PvIndex {
  private final TreeMap<String, TreeSet<String>> byClass = new TreeMap<>();
  private final Map<String, String> classOf = new HashMap<>();

  void put(PersistentVolume pv) {
    remove(pv.metadata().name());
    String name = pv.metadata().name();
    String cls = pv.spec().className();
    byClass.computeIfAbsent(cls, k -> new TreeSet<>()).add(name);
    classOf.put(name, cls);
  }

  void remove(String name) {
    String cls = classOf.remove(name);
    if (cls != null) {
      TreeSet<String> s = byClass.get(cls);
      s.remove(name);
      if (s.isEmpty()) {
        byClass.remove(cls);
      }
    }
  }

  /** PV names of a class in name order (empty class: PVs without a class). */
  Iterable<String> namesOfClass(String cls) {
    TreeSet<String> s = byClass.get(cls);
    return s == null ? java.util.List.of() : s;
  }
}
