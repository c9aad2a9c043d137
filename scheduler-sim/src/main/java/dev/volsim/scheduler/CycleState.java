package dev.volsim.scheduler;

import dev.volsim.model.core.Pod;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What the plugins keep for one pod's scheduling and binding cycle ({@code framework.CycleState}). */
final class CycleState {
  final Pod pod;
  final String podKey;
  /** Plugins whose PreFilter said Skip. */
  final Set<String> skipFilter = new HashSet<>();
  private final Map<String, Object> data = new HashMap<>();

  CycleState(Pod pod, String podKey) {
    this.pod = pod;
    this.podKey = podKey;
  }

  void write(String key, Object value) {
    data.put(key, value);
  }

  <T> T read(String key, Class<T> type) {
    return type.cast(data.get(key));
  }
}
