package dev.volsim.scheduler;

/** A plugin's verdict, as upstream's {@code framework.Code}. */
enum Code {
  SUCCESS,
  /** An internal or API error: the pod is retried after backoff. */
  ERROR,
  /** Rejected; preemption might help. */
  UNSCHEDULABLE,
  /** Rejected; preemption cannot help. */
  UNSCHEDULABLE_AND_UNRESOLVABLE,
  /** The plugin has nothing to do for this pod. */
  SKIP;

  boolean isRejected() {
    return this == UNSCHEDULABLE || this == UNSCHEDULABLE_AND_UNRESOLVABLE;
  }
}
