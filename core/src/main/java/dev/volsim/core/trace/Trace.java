package dev.volsim.core.trace;

import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The stream of what happens in one simulation. Entries are handed to listeners as they are
 * made and not kept here, so a long run need not hold its whole history; {@link TraceRecorder}
 * keeps them when that is wanted. Entries are only built while someone listens.
 */
public final class Trace {
  private final LongSupplier clock;
  private final List<TraceListener> listeners = new ArrayList<>();
  private long sequence;

  /** A trace stamped with the given clock's virtual time (microseconds). */
  public Trace(LongSupplier clock) {
    this.clock = clock;
  }

  public void addListener(TraceListener listener) {
    listeners.add(listener);
  }

  public void removeListener(TraceListener listener) {
    listeners.remove(listener);
  }

  /** Whether anyone listens; callers skip building costly messages when not. */
  public boolean enabled() {
    return !listeners.isEmpty();
  }

  /** The number of entries made so far. */
  public long size() {
    return sequence;
  }

  /** Records an entry now; a no-op without listeners (the sequence still counts). */
  public void record(String component, String type, String object, String message,
      ImmutableSortedMap<String, String> attributes) {
    long seq = sequence++;
    if (listeners.isEmpty()) {
      return;
    }
    TraceEntry entry = new TraceEntry(clock.getAsLong(), seq, component, type, object, message, attributes);
    for (int i = 0; i < listeners.size(); i++) {
      listeners.get(i).onEntry(entry);
    }
  }
}
