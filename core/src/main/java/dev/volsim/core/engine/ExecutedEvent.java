package dev.volsim.core.engine;

/**
 * What one {@link Engine#step()} ran.
 *
 * @param timeMicros when, in virtual microseconds
 * @param sequence its scheduling sequence number
 * @param component who it acted for
 * @param type what kind of event
 */
public record ExecutedEvent(long timeMicros, long sequence, String component, String type) {
  @Override
  public String toString() {
    return Durations.format(timeMicros) + "  " + component + "  " + type;
  }
}
