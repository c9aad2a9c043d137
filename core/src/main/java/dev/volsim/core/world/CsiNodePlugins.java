package dev.volsim.core.world;

import static java.util.Objects.requireNonNull;

import java.util.TreeSet;

/**
 * Which CSI node plugins (the driver's DaemonSet Pod on a node) have stopped answering: the
 * scenario step {@code fail: {csiDriver: D, part: node, node: N}}. A stopped plugin stays
 * registered with the kubelet (its socket is there), so the kubelet's calls reach it and time out
 * instead of failing with "not found in the list of registered CSI drivers".
 */
public final class CsiNodePlugins {
  private final TreeSet<String> stopped = new TreeSet<>();

  /** The plugin of {@code driver} on {@code node} stops answering; false if it already had. */
  public boolean stop(String driver, String node) {
    return stopped.add(key(driver, node));
  }

  /** The plugin answers again; false if it was answering. */
  public boolean resume(String driver, String node) {
    return stopped.remove(key(driver, node));
  }

  /** Whether the plugin of {@code driver} on {@code node} answers its gRPC calls. */
  public boolean answering(String driver, String node) {
    return !stopped.contains(key(driver, node));
  }

  private static String key(String driver, String node) {
    return requireNonNull(driver, "driver is null") + "\u0000" + requireNonNull(node, "node is null");
  }
}
