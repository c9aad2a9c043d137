package dev.volsim.core.api;

/**
 * Options of a delete request.
 *
 * @param gracePeriodSeconds the grace period (Pods); null for the object's own; 0 to remove at once
 * @param propagationPolicy what happens to dependents; null for Background
 * @param preconditionUid only delete if the object still has this uid; null for any
 */
public record DeleteOptions(Long gracePeriodSeconds, PropagationPolicy propagationPolicy, String preconditionUid) {
  /** Defaults: the object's grace period, background propagation. */
  public static DeleteOptions defaults() {
    return new DeleteOptions(null, null, null);
  }

  /** Grace period 0: what {@code kubectl delete --grace-period=0 --force} sends. */
  public static DeleteOptions force() {
    return new DeleteOptions(0L, null, null);
  }

  public DeleteOptions withGracePeriod(Long seconds) {
    return new DeleteOptions(seconds, propagationPolicy, preconditionUid);
  }

  public DeleteOptions withPropagation(PropagationPolicy p) {
    return new DeleteOptions(gracePeriodSeconds, p, preconditionUid);
  }

  public DeleteOptions withPreconditionUid(String uid) {
    return new DeleteOptions(gracePeriodSeconds, propagationPolicy, uid);
  }
}
