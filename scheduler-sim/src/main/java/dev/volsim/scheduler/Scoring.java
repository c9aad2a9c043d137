package dev.volsim.scheduler;

/**
 * Node scores, 0..100 each, summed with weight 1: {@code NodeResourcesFit} LeastAllocated
 * (mean over cpu and memory of free/allocatable after placing the pod) and
 * {@code NodeResourcesBalancedAllocation} ((1 - |cpu fraction - memory fraction| / 2) x 100), with
 * requests counted as upstream's non-zero requests.
 */
final class Scoring {
  private Scoring() {}

  static long score(NodeInfo n, Resources pod) {
    long cpuReq = n.nonZeroMilliCpu() + pod.milliCpu();
    long memReq = n.nonZeroMemory() + pod.memory();
    long cpuCap = n.allocatableMilliCpu();
    long memCap = n.allocatableMemory();
    long least = (leastAllocated(cpuReq, cpuCap) + leastAllocated(memReq, memCap)) / 2;
    double cpuF = cpuCap == 0 ? 1 : Math.min(1.0, (double) cpuReq / cpuCap);
    double memF = memCap == 0 ? 1 : Math.min(1.0, (double) memReq / memCap);
    long balanced = (long) ((1 - Math.abs(cpuF - memF) / 2) * 100);
    return least + balanced;
  }

  private static long leastAllocated(long requested, long capacity) {
    if (capacity == 0 || requested > capacity) {
      return 0;
    }
    return (capacity - requested) * 100 / capacity;
  }
}
