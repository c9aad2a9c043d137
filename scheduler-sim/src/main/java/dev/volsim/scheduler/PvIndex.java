package dev.volsim.scheduler;

import dev.volsim.model.Quantity;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.volume.CSIPersistentVolumeSource;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * PV names by storage class (what {@code pvCache.ListPVs(class)} returns) and the capacity of the
 * PVs of each CSI driver (for provisioning capacity checks), kept by the PV informer's handlers.
 */
final class PvIndex {
  private final TreeMap<String, TreeSet<String>> byClass = new TreeMap<>();
  private final Map<String, String> classOf = new HashMap<>();
  private final Map<String, Long> bytesOf = new HashMap<>();
  private final Map<String, String> driverOf = new HashMap<>();
  private final Map<String, Long> bytesByDriver = new HashMap<>();

  void put(PersistentVolume pv) {
    remove(pv.metadata().name());
    String name = pv.metadata().name();
    String cls = pv.spec().className();
    byClass.computeIfAbsent(cls, k -> new TreeSet<>()).add(name);
    classOf.put(name, cls);
    if (pv.spec().source() instanceof CSIPersistentVolumeSource csi) {
      Quantity q = pv.spec().capacity().get("storage");
      long bytes = q == null ? 0 : q.longValueCeil();
      driverOf.put(name, csi.driver());
      bytesOf.put(name, bytes);
      bytesByDriver.merge(csi.driver(), bytes, Long::sum);
    }
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
    String driver = driverOf.remove(name);
    if (driver != null) {
      long bytes = bytesOf.remove(name);
      bytesByDriver.merge(driver, -bytes, Long::sum);
    }
  }

  /** PV names of a class in name order (empty class: PVs without a class). */
  Iterable<String> namesOfClass(String cls) {
    TreeSet<String> s = byClass.get(cls);
    return s == null ? java.util.List.of() : s;
  }

  long provisionedBytes(String driver) {
    return bytesByDriver.getOrDefault(driver, 0L);
  }
}
