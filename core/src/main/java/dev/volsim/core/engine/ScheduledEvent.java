package dev.volsim.core.engine;

/**
 * One event on the engine's queue: an action that runs at a virtual time on behalf of a
 * component. Events at the same time run in the order they were scheduled. The handle lets its
 * scheduler cancel it before it runs.
 */
public final class ScheduledEvent {
  final long time;
  final long seq;
  final String component;
  final String type;
  final Runnable action;
  boolean cancelled;
  /** A background event (a heartbeat) does not keep the engine from being quiescent. */
  boolean background;
  int heapIndex = -1;

  ScheduledEvent(long time, long seq, String component, String type, Runnable action) {
    this.time = time;
    this.seq = seq;
    this.component = component;
    this.type = type;
    this.action = action;
  }

  /** The virtual time it runs at, in microseconds since the start of the simulation. */
  public long timeMicros() {
    return time;
  }

  /** Its sequence number: the order of scheduling, which breaks ties in time. */
  public long sequence() {
    return seq;
  }

  /** The component it acts for, with Kubernetes' name ({@code attachdetach-controller}). */
  public String component() {
    return component;
  }

  /** What it does, a short type name ({@code reconcile}, {@code watch}). */
  public String type() {
    return type;
  }

  /** Whether it was cancelled before it ran. */
  public boolean isCancelled() {
    return cancelled;
  }

  @Override
  public String toString() {
    return Durations.format(time) + " #" + seq + " " + component + " " + type;
  }
}
