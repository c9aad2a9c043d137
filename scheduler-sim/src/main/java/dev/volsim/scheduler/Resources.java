package dev.volsim.scheduler;

import dev.volsim.model.Quantity;
import dev.volsim.model.core.Container;
import dev.volsim.model.core.Pod;
import java.util.Map;

/**
 * A pod's requests as the scheduler counts them ({@code resource.PodRequests}): the sum of the
 * containers' requests, or the largest init container's if that is more. For scoring, a container
 * without a request counts as 100m cpu and 200Mi memory ({@code schedutil.DefaultMilliCPURequest},
 * {@code DefaultMemoryRequest}), as upstream's {@code NonZeroRequested}.
 *
 * @param milliCpu requested cpu in millicores
 * @param memory requested memory in bytes
 */
record Resources(long milliCpu, long memory) {
  static final long DEFAULT_MILLI_CPU_REQUEST = 100;
  static final long DEFAULT_MEMORY_REQUEST = 200L * 1024 * 1024;

  static Resources requests(Pod pod, boolean nonZero) {
    long cpu = 0;
    long mem = 0;
    for (Container c : pod.spec().containers()) {
      cpu += value(c.resources().requests(), "cpu", true, nonZero ? DEFAULT_MILLI_CPU_REQUEST : 0);
      mem += value(c.resources().requests(), "memory", false, nonZero ? DEFAULT_MEMORY_REQUEST : 0);
    }
    for (Container c : pod.spec().initContainers()) {
      cpu = Math.max(cpu, value(c.resources().requests(), "cpu", true, 0));
      mem = Math.max(mem, value(c.resources().requests(), "memory", false, 0));
    }
    return new Resources(cpu, mem);
  }

  private static long value(Map<String, Quantity> m, String key, boolean milli, long dflt) {
    Quantity q = m.get(key);
    if (q == null) {
      return dflt;
    }
    return milli ? q.milliValue() : q.longValueCeil();
  }

  static long allocatable(Map<String, Quantity> allocatable, String key, boolean milli) {
    Quantity q = allocatable == null ? null : allocatable.get(key);
    if (q == null) {
      return 0;
    }
    return milli ? q.milliValue() : q.longValueCeil();
  }
}
