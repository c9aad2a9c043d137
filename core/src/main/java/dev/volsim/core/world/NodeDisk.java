package dev.volsim.core.world;

import static java.util.Objects.requireNonNull;

/**
 * A node's own disk: its root file system, kept across crashes and reboots (unlike its tmpfs mounts).
 * It starts with the top directories of a Linux host, the kubelet's root directory, and the files the
 * scenario declares for the node.
 */
public final class NodeDisk {
  /** The kubelet's {@code --root-dir}. */
  public static final String KUBELET_ROOT = "/var/lib/kubelet";

  private final String nodeName;
  private final FileTree root;

  private NodeDisk(String nodeName, FileTree root) {
    this.nodeName = nodeName;
    this.root = root;
  }

  /**
   * The disk of {@code nodeName}: {@code /etc}, {@code /root} (0700), {@code /run}, {@code /tmp}
   * (1777), {@code /usr}, {@code /var/log}, {@code /var/lib/kubelet} with {@code pods} and
   * {@code plugins} (0750, as the kubelet's {@code setupDataDirs} makes them), then {@code files}.
   *
   * @param capacityBytes its ephemeral-storage capacity, or {@link FileTree#UNLIMITED}
   */
  public static NodeDisk create(String nodeName, long capacityBytes, Iterable<FileSpec> files) {
    requireNonNull(nodeName, "nodeName is null");
    FileTree root = FileTree.create("ext4", capacityBytes, 0755, 0, 0);
    for (String directory : new String[] {"/etc", "/run", "/usr", "/var/log"}) {
      root.mkdirs(directory, Credentials.ROOT);
    }
    root.mkdir("/root", 0700, Credentials.ROOT);
    root.mkdir("/tmp", 01777, Credentials.ROOT);
    root.mkdirs("/var/lib", Credentials.ROOT);
    root.mkdir(KUBELET_ROOT, 0750, Credentials.ROOT);
    root.mkdir(KUBELET_ROOT + "/pods", 0750, Credentials.ROOT);
    root.mkdir(KUBELET_ROOT + "/plugins", 0750, Credentials.ROOT);
    root.populate(files);
    return new NodeDisk(nodeName, root);
  }

  /** The node's name. */
  public String nodeName() {
    return nodeName;
  }

  /** The node's root file system. */
  public FileTree root() {
    return root;
  }

  /** {@code /var/lib/kubelet/pods/<uid>}: a Pod's directory on its node. */
  public static String podDirectory(String podUid) {
    return KUBELET_ROOT + "/pods/" + requireNonNull(podUid, "podUid is null");
  }

  /**
   * {@code /var/lib/kubelet/pods/<uid>/volumes/<plugin>/<volume>}, the plugin name escaped as the
   * kubelet escapes it ({@code kubernetes.io/empty-dir} becomes {@code kubernetes.io~empty-dir}).
   */
  public static String podVolumeDirectory(String podUid, String pluginName, String volumeName) {
    return podDirectory(podUid) + "/volumes/" + pluginName.replace('/', '~') + "/" + volumeName;
  }
}
