package dev.volsim.model.core;

import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;
import java.time.Instant;

/**
 * A core/v1 Event: a report that something happened to an object, as {@code kubectl describe}
 * lists them ({@code Warning  FailedMount  kubelet  MountVolume.SetUp failed ...}).
 *
 * @param metadata the object's metadata (name {@code <involved name>.<hex>}, the involved object's
 *     namespace)
 * @param involvedObject the object the event is about
 * @param reason a short CamelCase reason, as {@code FailedMount} or {@code ProvisioningSucceeded}
 * @param message a human-readable description
 * @param source the reporting component and host
 * @param firstTimestamp when the event was first seen
 * @param lastTimestamp when it was last seen
 * @param count how many times it has been seen
 * @param type {@code Normal} or {@code Warning}
 * @param eventTime when it was first observed, in events.k8s.io style (microseconds)
 * @param action what was done, or failed, about the object
 * @param related a second object involved, if any
 * @param reportingComponent the controller that emitted it, as {@code kubernetes.io/kubelet}
 * @param reportingInstance the instance of that controller, as {@code kubelet-node1}
 */
public record Event(
    ObjectMeta metadata,
    ObjectReference involvedObject,
    String reason,
    String message,
    EventSource source,
    Instant firstTimestamp,
    Instant lastTimestamp,
    Integer count,
    String type,
    Instant eventTime,
    String action,
    ObjectReference related,
    String reportingComponent,
    String reportingInstance) implements KubeObject {

  /** The type of an ordinary event. */
  public static final String TYPE_NORMAL = "Normal";
  /** The type of an event that reports a problem. */
  public static final String TYPE_WARNING = "Warning";

  public Event {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
  }

  /** A copy seen once more, at this time. */
  public Event seenAgain(Instant at) {
    return new Event(metadata, involvedObject, reason, message, source, firstTimestamp, at,
        count == null ? 2 : count + 1, type, eventTime, action, related, reportingComponent,
        reportingInstance);
  }

  @Override
  public String apiVersion() {
    return "v1";
  }

  @Override
  public String kind() {
    return "Event";
  }
}
