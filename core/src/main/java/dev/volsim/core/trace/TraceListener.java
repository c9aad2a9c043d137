package dev.volsim.core.trace;

/** Receives trace entries as they happen, in order. Listeners must not act on the simulation. */
@FunctionalInterface
public interface TraceListener {
  void onEntry(TraceEntry entry);
}
