package dev.volsim.scheduler;

import java.util.Map;
import java.util.TreeMap;

/**
 * The PostFilter message of {@code DefaultPreemption} ({@code defaultpreemption} and
 * {@code framework/preemption}): preemption is evaluated, never carried out. Nodes rejected as
 * UnschedulableAndUnresolvable are "Preemption is not helpful for scheduling"; nodes rejected as
 * Unschedulable would be searched for lower-priority victims: volsim finds none there, because it
 * does not evict pods for preemption ("No preemption victims found for incoming pod", which is
 * exactly what a real cluster says when every pod has the same priority, the usual case).
 */
final class DefaultPreemption {
  static final String NAME = "DefaultPreemption";
  static final String NOT_HELPFUL = "Preemption is not helpful for scheduling";
  static final String NO_VICTIMS = "No preemption victims found for incoming pod";

  private DefaultPreemption() {}

  /** The "preemption: ..." message for a failed cycle. */
  static String postFilterMessage(FitError fit) {
    Map<String, Status> statuses = new TreeMap<>();
    for (Map.Entry<String, Status> e : fit.nodeToStatus().entrySet()) {
      statuses.put(e.getKey(), verdict(e.getValue()));
    }
    Status absent = fit.absentStatus() == null ? null : verdict(fit.absentStatus());
    FitError preemption = new FitError(fit.numAllNodes(), null, statuses, absent);
    return "preemption: " + preemption.message();
  }

  private static Status verdict(Status s) {
    return s.code() == Code.UNSCHEDULABLE_AND_UNRESOLVABLE
        ? Status.of(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, NOT_HELPFUL)
        : Status.of(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, NO_VICTIMS);
  }
}
