package dev.volsim.core.api;

import dev.volsim.core.engine.Engine;
import java.util.function.Consumer;

/**
 * One subscription to changes of a kind. Deliveries are engine events of the subscriber, each
 * at least the watch latency after the change and never before an earlier change's delivery, so
 * a watcher sees changes in order, late.
 */
public final class Watch {
  private final ApiServer server;
  private final String kind;
  private final String subscriber;
  private final Consumer<WatchEvent> handler;
  private long lastDeliveryMicros;
  private boolean stopped;

  Watch(ApiServer server, String kind, String subscriber, Consumer<WatchEvent> handler) {
    this.server = server;
    this.kind = kind;
    this.subscriber = subscriber;
    this.handler = handler;
  }

  public String kind() {
    return kind;
  }

  public String subscriber() {
    return subscriber;
  }

  void deliverAfter(long latencyMicros, WatchEvent event) {
    Engine engine = server.engine();
    long at = Math.max(engine.nowMicros() + latencyMicros, lastDeliveryMicros);
    lastDeliveryMicros = at;
    engine.scheduleAtMicros(at, subscriber, "watch", () -> {
      if (!stopped) {
        handler.accept(event);
      }
    });
  }

  /** Stops deliveries, including those already on their way. */
  public void stop() {
    stopped = true;
    server.stopWatch(this);
  }

  public boolean isStopped() {
    return stopped;
  }
}
