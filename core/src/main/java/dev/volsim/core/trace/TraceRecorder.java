package dev.volsim.core.trace;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/** A listener that keeps every entry, for expectations and tests over short runs. */
public final class TraceRecorder implements TraceListener {
  private final List<TraceEntry> entries = new ArrayList<>();

  @Override
  public void onEntry(TraceEntry entry) {
    entries.add(entry);
  }

  /** The entries so far, in order. */
  public ImmutableList<TraceEntry> entries() {
    return ImmutableList.copyOf(entries);
  }

  /** A live, read-only view, cheap to scan repeatedly. */
  public List<TraceEntry> view() {
    return java.util.Collections.unmodifiableList(entries);
  }

  public int size() {
    return entries.size();
  }
}
