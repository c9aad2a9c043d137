package dev.volsim.scenario.expr;

import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileSystemView;

/**
 * The file systems a scenario may look at: a running container's view, a node's disk, an NFS
 * server's disk and a backend's file system. The runner implements it over its simulation.
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
   * The disk of NFS server {@code server} (a declared server's name or address, or a node serving
   * NFS), as root on the server; paths are server-absolute.
   *
   * @throws ExprException when no such server exists
   */
  default View nfs(String server) throws ExprException {
    throw new ExprException("NFS servers are not reachable here");
  }

  /**
   * The file system of backend {@code backend} ({@code cloudDisk:vol-0abc}, {@code cephfs:fs:/path}),
   * as an administrator on the storage side.
   *
   * @throws ExprException when the backend does not exist or holds no file system
   */
  default View backend(String backend) throws ExprException {
    throw new ExprException("backends are not reachable here");
  }

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
