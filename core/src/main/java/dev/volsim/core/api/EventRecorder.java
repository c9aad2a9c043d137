package dev.volsim.core.api;

import static java.util.Objects.requireNonNull;

import dev.volsim.core.trace.TraceEntry;
import dev.volsim.model.KindInfo;
import dev.volsim.model.Kinds;
import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.core.Event;
import dev.volsim.model.core.EventSource;
import dev.volsim.model.core.ObjectReference;
import java.time.Instant;
import java.util.Optional;

/**
 * Records Kubernetes Events as a component does ({@code record.EventRecorder}): an Event object
 * in the involved object's namespace, named {@code <object>.<hex unix nanos>}; the same event
 * again (same source, object, type, reason and message) increments {@code count} and moves
 * {@code lastTimestamp} instead of making a new object. Each event is also a trace entry of type
 * {@code Event}.
 */
public final class EventRecorder {
  private final ApiClient client;
  private final String host;

  /**
   * A recorder for {@code client}'s component.
   *
   * @param host the node a kubelet's events come from, or null for controllers
   */
  public EventRecorder(ApiClient client, String host) {
    this.client = requireNonNull(client, "client is null");
    this.host = host;
  }

  /** A Normal event. */
  public void normal(KubeObject object, String reason, String message) {
    record(object, Event.TYPE_NORMAL, reason, message);
  }

  /** A Warning event. */
  public void warning(KubeObject object, String reason, String message) {
    record(object, Event.TYPE_WARNING, reason, message);
  }

  /**
   * Records an event about {@code object} through the source's correlator: counted on an
   * existing Event, combined with similar ones, or dropped by the spam filter, as client-go does.
   */
  public void record(KubeObject object, String type, String reason, String message) {
    if (!client.reachable()) {
      return; // a partitioned node's events never reach the API server
    }
    ApiServer api = client.server();
    KindInfo<?> info = Kinds.of(object);
    String namespace = info.namespaced() && object.metadata().namespace() != null
        ? object.metadata().namespace() : "default";
    ObjectReference involved = new ObjectReference(object.kind(), info.namespaced() ? object.metadata().namespace() : null,
        object.metadata().name(), object.metadata().uid(), object.apiVersion(), object.metadata().resourceVersion(), null);
    String source = client.component() + "\u0000" + (host == null ? "" : host);
    String spamKey = String.join("\u0000", source, object.kind(), namespace,
        String.valueOf(object.metadata().name()), String.valueOf(object.metadata().uid()), object.apiVersion());
    String aggregateKey = String.join("\u0000", spamKey, type, reason);
    String eventKey = String.join("\u0000", aggregateKey, message);
    Instant now = api.nowSeconds();
    EventCorrelator.Decision d = api.eventIndex().correlator(source)
        .correlate(eventKey, aggregateKey, spamKey, message, now, api.engine().nowMicros());
    if (d.skip()) {
      return;
    }
    ObjectKey objectKey = ObjectKey.of(object);
    api.engine().trace().record(client.component(), "Event", objectKey.ref(),
        type + " " + reason + " " + objectKey.ref() + ": " + d.message(),
        TraceEntry.attrs("reason", reason, "eventType", type, "node", host,
            roleOf(object.kind()), object.metadata().name()));
    try {
      Optional<KubeObject> existing = d.existingName() == null ? Optional.empty()
          : api.get(ObjectKey.namespaced("Event", namespace, d.existingName()));
      if (existing.isPresent()) {
        Event e = (Event) existing.get();
        client.update(new Event(e.metadata(), e.involvedObject(), e.reason(), d.message(), e.source(),
            e.firstTimestamp(), now, d.count(), e.type(), e.eventTime(), e.action(), e.related(),
            e.reportingComponent(), e.reportingInstance()));
        return;
      }
      String name = uniqueName(api, namespace, object.metadata().name(), now);
      Event e = new Event(ObjectMeta.named(namespace, name), involved, reason, d.message(),
          new EventSource(client.component(), host), d.firstTimestamp(), now, d.count(), type, null, null, null,
          client.component(), host);
      Event created = client.create(e);
      api.eventIndex().correlator(source).created(d.cacheKey(), created.metadata().name());
    } catch (ApiException ex) {
      // Events are best effort, as in Kubernetes: a refused event is dropped.
    }
  }

  private static String roleOf(String kind) {
    return switch (kind) {
      case "Pod" -> "pod";
      case "PersistentVolumeClaim" -> "claim";
      case "PersistentVolume" -> "volume";
      case "Node" -> "node";
      default -> "object";
    };
  }

  private static String uniqueName(ApiServer api, String namespace, String objectName, Instant now) {
    long nanos = api.engine().wallTime().getEpochSecond() * 1_000_000_000L + api.engine().wallTime().getNano();
    String base = objectName == null ? "event" : objectName;
    // Many events can share one virtual instant; the next free nanosecond keeps names unique.
    while (api.get(ObjectKey.namespaced("Event", namespace, base + "." + Long.toHexString(nanos))).isPresent()) {
      nanos++;
    }
    return base + "." + Long.toHexString(nanos);
  }
}
