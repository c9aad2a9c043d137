package dev.volsim.scheduler;

/** A plugin at the PreFilter and Filter extension points, run in the default profile's order. */
interface FilterPlugin {
  String name();

  /** Once per cycle; SKIP means Filter is not called for this pod. */
  default Status preFilter(CycleState state) {
    return Status.SUCCESS;
  }

  /** Once per node. */
  Status filter(CycleState state, NodeInfo node);

  /** The cluster events that may make a pod this plugin rejected schedulable ({@code EventsToRegister}). */
  java.util.Set<ClusterEvent> events();
}
