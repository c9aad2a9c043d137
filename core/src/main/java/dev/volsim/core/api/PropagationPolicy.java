package dev.volsim.core.api;

/** How deleting an owner treats its dependents ({@code metav1.DeletionPropagation}). */
public enum PropagationPolicy {
  /** Dependents are left, their owner references removed. */
  ORPHAN("Orphan"),
  /** The owner goes at once; the garbage collector deletes dependents afterwards. */
  BACKGROUND("Background"),
  /** The owner stays (finalizer {@code foregroundDeletion}) until blocking dependents are gone. */
  FOREGROUND("Foreground");

  private final String wire;

  PropagationPolicy(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** The policy named as kubectl and the API name it; null when no such policy exists. */
  public static PropagationPolicy fromWire(String s) {
    for (PropagationPolicy p : values()) {
      if (p.wire.equals(s)) {
        return p;
      }
    }
    return null;
  }
}
