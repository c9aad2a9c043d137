package dev.volsim.core.api;

import java.util.HashMap;
import java.util.Map;

/**
 * The event correlators of the cluster's event sources, one per (component, host), shared by all
 * recorders of a source as a component's one broadcaster is. Lookup only.
 */
final class EventRecorderIndex {
  private final Map<String, EventCorrelator> correlators = new HashMap<>();

  /** The correlator of one event source (component and host). */
  EventCorrelator correlator(String source) {
    return correlators.computeIfAbsent(source, s -> new EventCorrelator());
  }
}
