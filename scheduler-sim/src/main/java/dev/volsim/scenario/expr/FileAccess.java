package dev.volsim.scenario.expr;

import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileSystemView;

/**
 * The file systems a scenario may look at: a running container's view and a node's disk. The
 * runner implements it over its simulation.
 */
public interface FileAccess {
  /**
   * A file system as one process sees it.
   *
   * @param fs the file system view
   * @param as the credentials the process acts with
   * @param where the view in words ({@code pod default/web container app on node-1})
   */
  record View(FileSystemView fs, Credentials as, String where) {}

  /**
   * The view of container {@code container} (null: the Pod's only container) of Pod {@code pod}
   * ({@code NAME} or {@code NAMESPACE/NAME}), acting as the container's user.
   *
   * @throws ExprException when the Pod or container is unknown or not running on a node with a kubelet
   */
  View container(String pod, String container) throws ExprException;

  /** The disk of node {@code node}, as root. */
  View node(String node) throws ExprException;
}
