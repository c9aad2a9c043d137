package dev.volsim.core.controller;

/**
 * What a {@link WorkQueue}'s handler asks the queue to do with the key it just processed, the
 * two endings of client-go's {@code processNextWorkItem} plus one for handlers that manage the
 * queue themselves.
 */
public enum SyncResult {
  /** Success: {@code queue.Forget(key)}, so the key's next failure backs off from the base again. */
  FORGET,
  /** Failure: {@code queue.AddRateLimited(key)}, retried after the rate limiter's delay. */
  REQUEUE_RATE_LIMITED,
  /**
   * Neither: the handler already did what it wanted (for example {@code addAfter} with its own
   * delay, or give up after too many retries while keeping the count).
   */
  HANDLED
}
