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

  /**
   * One entry of a container's mount table.
   *
   * @param path where it is mounted
   * @param volume the Pod volume mounted there (by the container's volumeMounts), or null
   * @param readOnly whether writes fail with {@code Read-only file system}
   * @param fsType the file-system type ({@code tmpfs}, {@code ext4}, {@code nfs4})
   * @param device the source the table shows
   * @param propagation the mount's propagation ({@code None}, {@code HostToContainer}, {@code Bidirectional})
   */
  record MountEntry(String path, String volume, boolean readOnly, String fsType, String device, String propagation) {
    @Override
    public String toString() {
      return device + " on " + path + " type " + fsType + " (" + (readOnly ? "ro" : "rw") + ")"
          + (volume == null ? "" : " volume " + volume);
    }
  }

  /**
   * The mount table of a running container, as {@link #container} finds it.
   *
   * @throws ExprException when the Pod or container is unknown or not running
   */
  default java.util.List<MountEntry> mounts(String pod, String container) throws ExprException {
    throw new ExprException("mount tables are not available here");
  }
}
