package dev.volsim.core.world;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The world outside the API of one simulated cluster, as its {@code cluster} section declares it:
 * the nodes' disks, NFS servers (including nodes serving NFS themselves), the git server, what URLs
 * answer, and backing storage (cloud disks, RBD images, iSCSI and FC LUNs, CSI volumes, CephFS and
 * GlusterFS volumes).
 *
 * <p>With {@code strict} off (the scenario format's default), backing storage that a volume names
 * but nothing declared comes into existence, empty, on first use: an NFS export so made is
 * {@code rw}, {@code root_squash}, owned by root with mode 0755; a block device is blank, 1 GiB.
 * With {@code strict} on, only declared storage exists and using anything else fails as it would
 * for real. Storage is materialised lazily, so volumes nobody touches cost nothing.
 *
 * <p>Backends are named as the scenario format's {@code backend:} references name them:
 * {@code cloudDisk:vol-0abc}, {@code rbd:rbd/foo}, {@code cephfs:cephfs}, {@code glusterfs:kube_vol},
 * {@code iscsi:10.0.0.60:3260/iqn...:0}, {@code fc:<wwn>:<lun>}, {@code csi:<driver>/<handle>}.
 * Iteration is in name order throughout.
 */
public final class ClusterWorld {
  /** The size of a block device that comes into existence on first use (strict off). */
  public static final long DEFAULT_DEVICE_BYTES = 1L << 30;

  private final boolean strict;
  private final TreeMap<String, NodeDisk> nodeDisks = new TreeMap<>();
  private final TreeMap<String, String> nodeAddresses = new TreeMap<>();
  private final List<NfsServer> nfsServers = new java.util.ArrayList<>();
  private final TreeMap<String, NfsServer> nodeNfsServers = new TreeMap<>();
  private final GitServer git = new GitServer();
  private final TreeMap<String, UrlResponse> urls = new TreeMap<>();
  private final TreeMap<String, BlockDevice> blockDevices = new TreeMap<>();
  private final TreeMap<String, FileTree> sharedFileSystems = new TreeMap<>();
  private final java.util.TreeSet<String> cephMonitors = new java.util.TreeSet<>();
  private final java.util.TreeSet<String> cephUsers = new java.util.TreeSet<>();
  private final java.util.TreeSet<String> glusterEndpoints = new java.util.TreeSet<>();
  private final ReplicatedVolumes replicatedVolumes = new ReplicatedVolumes();
  private final CsiNodePlugins csiNodePlugins = new CsiNodePlugins();

  /** What a URL answers to a download: an HTTP status and, for 200, a body. */
  public record UrlResponse(int status, String content) {
    public UrlResponse {
      checkArgument(status >= 100 && status <= 599, "status is %s", status);
      content = content == null ? "" : content;
    }
  }

  /** An empty world; {@code strict} says whether undeclared storage is refused. */
  public ClusterWorld(boolean strict) {
    this.strict = strict;
  }

  /** Whether only declared backing storage exists. */
  public boolean strict() {
    return strict;
  }

  // ---- nodes -------------------------------------------------------------------------------

  /** Registers a node's disk and InternalIP. */
  public void addNode(String name, String address, NodeDisk disk) {
    requireNonNull(name, "name is null");
    nodeDisks.put(name, requireNonNull(disk, "disk is null"));
    nodeAddresses.put(name, requireNonNull(address, "address is null"));
  }

  /** The disk of a node, if the cluster has it. */
  public Optional<NodeDisk> nodeDisk(String node) {
    return Optional.ofNullable(nodeDisks.get(node));
  }

  /** The node names, sorted. */
  public ImmutableList<String> nodes() {
    return ImmutableList.copyOf(nodeDisks.keySet());
  }

  /** The InternalIP of a node, if the cluster has it. */
  public Optional<String> nodeAddress(String node) {
    return Optional.ofNullable(nodeAddresses.get(node));
  }

  // ---- NFS ---------------------------------------------------------------------------------

  /** Adds an NFS server outside the nodes. */
  public void addNfsServer(NfsServer server) {
    checkArgument(findNfs(server.name()).isEmpty(), "NFS server %s exists", server.name());
    nfsServers.add(server);
  }

  /** Makes {@code node} serve NFS itself with this server (named after the node, at its address). */
  public void setNodeNfsServer(String node, NfsServer server) {
    nodeNfsServers.put(requireNonNull(node, "node is null"), requireNonNull(server, "server is null"));
  }

  /** The declared NFS servers outside the nodes, in declaration order. */
  public List<NfsServer> nfsServers() {
    return List.copyOf(nfsServers);
  }

  /** The NFS server a node runs itself, if any. */
  public Optional<NfsServer> nodeNfsServer(String node) {
    return Optional.ofNullable(nodeNfsServers.get(node));
  }

  /**
   * The NFS server a volume's {@code server:} names, as the Pod's node resolves it: {@code localhost}
   * and {@code 127.0.0.1} are the node itself; otherwise a server by name or address, or a node by
   * name or address. With strict off an unknown name (or a node not serving NFS) gets a server made on
   * first use; with strict on it is empty (the mount fails to resolve the host).
   *
   * @param podNode the node the mount happens on
   */
  public Optional<NfsServer> resolveNfsServer(String server, String podNode) {
    requireNonNull(server, "server is null");
    if (server.equals("localhost") || server.equals("127.0.0.1")) {
      return nodeServer(podNode);
    }
    Optional<NfsServer> found = findNfs(server);
    if (found.isPresent()) {
      return found;
    }
    for (var e : nodeAddresses.entrySet()) {
      if (e.getKey().equals(server) || e.getValue().equals(server)) {
        return nodeServer(e.getKey());
      }
    }
    if (strict) {
      return Optional.empty();
    }
    NfsServer made = NfsServer.create(server, server, List.of());
    nfsServers.add(made);
    return Optional.of(made);
  }

  private Optional<NfsServer> nodeServer(String node) {
    NfsServer s = nodeNfsServers.get(node);
    if (s != null || strict || !nodeAddresses.containsKey(node)) {
      return Optional.ofNullable(s);
    }
    NfsServer made = NfsServer.create(node, nodeAddresses.get(node), List.of());
    nodeNfsServers.put(node, made);
    return Optional.of(made);
  }

  private Optional<NfsServer> findNfs(String nameOrAddress) {
    for (NfsServer s : nfsServers) {
      if (s.name().equals(nameOrAddress) || s.address().equals(nameOrAddress)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * With strict off, exports {@code path} of {@code server} ({@code *}, {@code rw}, root_squash,
   * root-owned 0755) when no export covers it yet; with strict on, does nothing.
   */
  public void ensureExport(NfsServer server, String path) {
    if (!strict && server.exportFor(path).isEmpty()) {
      server.addExport(new NfsExport(path, ImmutableList.of("*"), ImmutableList.of("rw", "root_squash"), 0, 0, 0755,
          ImmutableList.of()));
    }
  }

  // ---- git and URLs ------------------------------------------------------------------------

  /** The git server hosting every declared repository. */
  public GitServer git() {
    return git;
  }

  /**
   * The repository at {@code url}: declared, or with strict off an empty one made on first use.
   */
  public Optional<GitRepository> gitRepository(String url) {
    Optional<GitRepository> r = git.repository(url);
    if (r.isPresent() || strict) {
      return r;
    }
    GitRepository made = new GitRepository(url, "main");
    git.addRepository(made);
    return Optional.of(made);
  }

  /** Declares what {@code url} answers. */
  public void addUrl(String url, UrlResponse response) {
    urls.put(requireNonNull(url, "url is null"), requireNonNull(response, "response is null"));
  }

  /**
   * What a download of {@code url} gets: as declared; else, with strict off, an empty 200 body; with
   * strict on, empty (the host does not resolve).
   */
  public Optional<UrlResponse> url(String url) {
    UrlResponse r = urls.get(url);
    if (r != null || strict) {
      return Optional.ofNullable(r);
    }
    return Optional.of(new UrlResponse(200, ""));
  }

  // ---- block devices -----------------------------------------------------------------------

  /** Declares a block device under its backend name ({@code cloudDisk:vol-0abc}). */
  public void addBlockDevice(String backend, BlockDevice device) {
    checkArgument(!blockDevices.containsKey(backend), "backend %s exists", backend);
    blockDevices.put(backend, requireNonNull(device, "device is null"));
  }

  /** The block device of this backend name if it exists now, without making one. */
  public Optional<BlockDevice> existingBlockDevice(String backend) {
    return Optional.ofNullable(blockDevices.get(backend));
  }

  /**
   * The block device of this backend name: declared or made earlier, else with strict off made now
   * by {@code blank}, else empty.
   */
  public Optional<BlockDevice> blockDevice(String backend, Supplier<BlockDevice> blank) {
    BlockDevice d = blockDevices.get(backend);
    if (d != null || strict) {
      return Optional.ofNullable(d);
    }
    d = blank.get();
    blockDevices.put(backend, d);
    return Optional.of(d);
  }

  /** Removes a block device (a deleted cloud or CSI volume); its data is gone. */
  public void removeBlockDevice(String backend) {
    blockDevices.remove(backend);
  }

  // ---- shared file systems -----------------------------------------------------------------

  /** Declares a shared file system ({@code cephfs:cephfs}, {@code glusterfs:kube_vol}). */
  public void addSharedFileSystem(String backend, FileTree tree) {
    checkArgument(!sharedFileSystems.containsKey(backend), "backend %s exists", backend);
    sharedFileSystems.put(backend, requireNonNull(tree, "tree is null"));
  }

  /**
   * The shared file system of this backend name: declared or made earlier, else with strict off an
   * empty one made now ({@code fsType} as mount shows it), else empty.
   */
  public Optional<FileTree> sharedFileSystem(String backend, String fsType) {
    FileTree t = sharedFileSystems.get(backend);
    if (t != null || strict) {
      return Optional.ofNullable(t);
    }
    t = FileTree.create(fsType, FileTree.UNLIMITED, 0755, 0, 0);
    sharedFileSystems.put(backend, t);
    return Optional.of(t);
  }

  /** Declares Ceph monitors and users ({@code storage.ceph}). */
  public void addCeph(List<String> monitors, List<String> users) {
    cephMonitors.addAll(monitors);
    cephUsers.addAll(users);
  }

  /** Whether a Ceph monitor answers at {@code address}: declared, or any with strict off. */
  public boolean cephMonitor(String address) {
    return !strict || cephMonitors.contains(address);
  }

  /** Whether the Ceph cluster knows {@code user}: declared, or any with strict off. */
  public boolean cephUser(String user) {
    return !strict || cephUsers.contains(user);
  }

  /** Declares a GlusterFS endpoints name ({@code storage.glusterfs[].endpoints}). */
  public void addGlusterEndpoints(String endpoints) {
    glusterEndpoints.add(endpoints);
  }

  /** Whether GlusterFS servers answer behind the {@code endpoints} name: declared, or any with strict off. */
  public boolean glusterEndpoints(String endpoints) {
    return !strict || glusterEndpoints.contains(endpoints);
  }

  // ---- backends as administrators see them --------------------------------------------------

  /**
   * The file system of a backend as an administrator on the storage side sees it ({@code admin:
   * {backend: B}}, {@code file: {backend: B}}): a block device's file system (empty while it is
   * unformatted), a shared file system's tree; {@code cephfs:<fs>:<path>} names a path inside a
   * CephFS. Nothing is made: a backend not used or declared yet is empty.
   */
  public Optional<FileTree> backendFileSystem(String backend) {
    BlockDevice d = blockDevices.get(backend);
    if (d != null) {
      return d.isFormatted() ? Optional.of(d.fileSystem()) : Optional.empty();
    }
    FileTree t = sharedFileSystems.get(backend);
    if (t != null) {
      return Optional.of(t);
    }
    if (backend.startsWith("cephfs:")) {
      int second = backend.indexOf(':', "cephfs:".length());
      if (second > 0) {
        return Optional.ofNullable(sharedFileSystems.get(backend.substring(0, second)));
      }
    }
    return Optional.empty();
  }

  /** Every backend name that exists now, sorted. */
  public ImmutableList<String> backends() {
    TreeMap<String, Object> all = new TreeMap<>(blockDevices);
    all.putAll(sharedFileSystems);
    return ImmutableList.copyOf(all.keySet());
  }

  // ---- replicated CSI volumes ---------------------------------------------------------------

  /** The replicas of replicated (Longhorn-like) CSI volumes and which nodes are down for them. */
  public ReplicatedVolumes replicatedVolumes() {
    return replicatedVolumes;
  }

  /** The CSI node plugins that have stopped answering. */
  public CsiNodePlugins csiNodePlugins() {
    return csiNodePlugins;
  }
}
