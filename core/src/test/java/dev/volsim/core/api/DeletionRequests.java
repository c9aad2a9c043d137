package dev.volsim.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.core.engine.Engine;
import dev.volsim.core.trace.TraceEntry;
import dev.volsim.model.KubeObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that an object is marked Terminating by exactly the deletion a test expects: the
 * {@code ObjectDeleting} trace entry of the component that asked for it, and a
 * {@code deletionTimestamp} equal to that moment (whole seconds, as the API server keeps it) plus
 * the grace period. Stronger than "a deletionTimestamp is set": a wrong requester, a second
 * deletion or a wrong grace period all fail it.
 */
public final class DeletionRequests {
  private static final Pattern GRACE = Pattern.compile("\\(grace period (\\d+)s\\)");

  private DeletionRequests() {}

  /** Asserts {@code object} was marked for deletion once, by {@code component}, at that moment. */
  public static void assertMarkedBy(List<TraceEntry> trace, KubeObject object, String ref, String component) {
    List<TraceEntry> requests = trace.stream()
        .filter(e -> e.type().equals("ObjectDeleting") && ref.equals(e.object())).toList();
    assertThat(requests).as("deletions requested of %s", ref).hasSize(1);
    TraceEntry request = requests.get(0);
    assertThat(request.component()).as("who asked to delete %s", ref).isEqualTo(component);
    long grace = 0;
    Matcher m = GRACE.matcher(request.message() == null ? "" : request.message());
    if (m.find()) {
      grace = Long.parseLong(m.group(1));
    }
    Instant expected = Engine.EPOCH.plusNanos(request.timeMicros() * 1_000L).truncatedTo(ChronoUnit.SECONDS)
        .plusSeconds(grace);
    assertThat(object.metadata().deletionTimestamp()).as("deletionTimestamp of %s", ref).isEqualTo(expected);
  }
}
