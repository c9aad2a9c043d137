package dev.volsim.describe;

import static dev.volsim.describe.DescribeWriter.LEVEL_0;
import static dev.volsim.describe.DescribeWriter.LEVEL_1;

import dev.volsim.model.core.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** kubectl's {@code DescribeEvents}: the Events table, oldest first, ages from the virtual clock. */
final class Events {
  private Events() {}

  static void describe(List<Event> events, Instant now, DescribeWriter w) {
    if (events.isEmpty()) {
      w.write(LEVEL_0, "Events:\t<none>\n");
      return;
    }
    List<Event> sorted = new ArrayList<>(events);
    // event.SortableEvents: by the time last seen (a stable sort keeps creation order on ties).
    sorted.sort(Comparator.comparing(Events::lastSeen, Comparator.nullsFirst(Comparator.naturalOrder())));
    w.write(LEVEL_0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
    w.write(LEVEL_1, "----\t------\t----\t----\t-------\n");
    for (Event e : sorted) {
      String first = e.eventTime() != null ? GoText.since(e.eventTime(), now) : GoText.since(e.firstTimestamp(), now);
      int count = e.count() == null ? 0 : e.count();
      String interval = count > 1
          ? GoText.since(e.lastTimestamp(), now) + " (x" + count + " over " + first + ")"
          : first;
      String source = e.source() != null && e.source().component() != null && !e.source().component().isEmpty()
          ? e.source().component() : GoText.v(e.reportingComponent());
      String message = GoText.v(e.message()).strip();
      if (e.involvedObject() != null && e.involvedObject().fieldPath() != null
          && !e.involvedObject().fieldPath().isEmpty()) {
        message = e.involvedObject().fieldPath() + ": " + message;
      }
      w.write(LEVEL_1, "%s\t%s\t%s\t%s\t%s\n", GoText.v(e.type()), GoText.v(e.reason()), interval, source, message);
    }
  }

  private static Instant lastSeen(Event e) {
    return e.lastTimestamp() != null ? e.lastTimestamp() : e.eventTime();
  }
}
