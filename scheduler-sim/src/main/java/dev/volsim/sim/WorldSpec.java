package dev.volsim.sim;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.core.world.BlockDevice;
import dev.volsim.core.world.ClusterWorld;
import dev.volsim.core.world.ClusterWorld.UrlResponse;
import dev.volsim.core.world.FileSpec;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.GitCommit;
import dev.volsim.core.world.GitRepository;
import dev.volsim.core.world.NfsExport;
import dev.volsim.core.world.NfsServer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a scenario's {@code cluster} section declares about the world outside the API, as an
 * immutable description: files on the nodes' disks, NFS servers (and nodes serving NFS), git
 * repositories, URLs and backing storage. A {@link Simulation} builds a fresh {@link ClusterWorld}
 * from it, so one description can start any number of runs.
 *
 * @param strict whether only declared backing storage exists ({@code storage.strict})
 * @param nodeFiles the files each node's disk starts with, by node name
 * @param nodeExports the exports of nodes serving NFS themselves, by node name
 * @param nfsServers NFS servers outside the nodes, in declaration order
 * @param gitRepositories git repositories, in declaration order
 * @param urls what each URL answers
 * @param blockDevices cloud disks, RBD images and iSCSI LUNs
 * @param sharedFileSystems CephFS file systems and GlusterFS volumes
 * @param cephMonitors Ceph monitor addresses
 * @param cephUsers Ceph users
 * @param glusterEndpoints GlusterFS endpoints names
 */
public record WorldSpec(boolean strict, ImmutableSortedMap<String, ImmutableList<FileSpec>> nodeFiles,
    ImmutableSortedMap<String, ImmutableList<NfsExport>> nodeExports, ImmutableList<NfsServerSpec> nfsServers,
    ImmutableList<GitRepositorySpec> gitRepositories, ImmutableSortedMap<String, UrlResponse> urls,
    ImmutableList<BlockDeviceSpec> blockDevices, ImmutableList<SharedFileSystemSpec> sharedFileSystems,
    ImmutableList<String> cephMonitors, ImmutableList<String> cephUsers, ImmutableList<String> glusterEndpoints) {

  /** The world of a cluster that declares nothing outside the API: not strict, empty. */
  public static final WorldSpec EMPTY = builder().build();

  /** An NFS server outside the nodes ({@code cluster.nfsServers[]}). */
  public record NfsServerSpec(String name, String address, ImmutableList<NfsExport> exports) {
    public NfsServerSpec {
      requireNonNull(name, "name is null");
      requireNonNull(address, "address is null");
      exports = exports == null ? ImmutableList.of() : exports;
    }
  }

  /** A git repository ({@code cluster.gitRepositories[]}), its commits oldest first. */
  public record GitRepositorySpec(String url, String defaultBranch, ImmutableList<GitCommit> commits) {
    public GitRepositorySpec {
      requireNonNull(url, "url is null");
      requireNonNull(defaultBranch, "defaultBranch is null");
      commits = commits == null ? ImmutableList.of() : commits;
    }
  }

  /**
   * A block device under its backend name ({@code cloudDisk:vol-0abc}).
   *
   * @param zone its zone, or null
   * @param files null for a blank device; else it is formatted ext4 and holds these files
   */
  public record BlockDeviceSpec(String backend, BlockDevice.Kind kind, String id, long sizeBytes, String zone,
      ImmutableList<FileSpec> files) {
    public BlockDeviceSpec {
      requireNonNull(backend, "backend is null");
      requireNonNull(kind, "kind is null");
      requireNonNull(id, "id is null");
      checkArgument(sizeBytes > 0, "size of %s is %s", backend, sizeBytes);
    }

    BlockDevice create() {
      return files == null ? BlockDevice.create(kind, id, sizeBytes, zone)
          : BlockDevice.formatted(kind, id, sizeBytes, zone, "ext4", files);
    }
  }

  /** A shared file system under its backend name ({@code cephfs:cephfs}), as mount shows its type. */
  public record SharedFileSystemSpec(String backend, String fsType, ImmutableList<FileSpec> files) {
    public SharedFileSystemSpec {
      requireNonNull(backend, "backend is null");
      requireNonNull(fsType, "fsType is null");
      files = files == null ? ImmutableList.of() : files;
    }

    FileTree create() {
      FileTree tree = FileTree.create(fsType, FileTree.UNLIMITED, 0755, 0, 0);
      tree.populate(files);
      return tree;
    }
  }

  public WorldSpec {
    nodeFiles = ImmutableSortedMap.copyOf(nodeFiles);
    nodeExports = ImmutableSortedMap.copyOf(nodeExports);
    nfsServers = ImmutableList.copyOf(nfsServers);
    gitRepositories = ImmutableList.copyOf(gitRepositories);
    urls = ImmutableSortedMap.copyOf(urls);
    blockDevices = ImmutableList.copyOf(blockDevices);
    sharedFileSystems = ImmutableList.copyOf(sharedFileSystems);
    cephMonitors = ImmutableList.copyOf(cephMonitors);
    cephUsers = ImmutableList.copyOf(cephUsers);
    glusterEndpoints = ImmutableList.copyOf(glusterEndpoints);
  }

  /** A builder of an empty, lax world. */
  public static Builder builder() {
    return new Builder();
  }

  /** The files node {@code node}'s disk starts with (none unless declared). */
  public ImmutableList<FileSpec> nodeFiles(String node) {
    return nodeFiles.getOrDefault(node, ImmutableList.of());
  }

  /**
   * Puts everything but the nodes' disks into {@code world}, whose nodes must be registered already
   * (a node serving NFS does so at its address).
   *
   * @throws IllegalArgumentException for exports of a node the world does not have
   */
  public void applyTo(ClusterWorld world) {
    for (Map.Entry<String, ImmutableList<NfsExport>> e : nodeExports.entrySet()) {
      String address = world.nodeAddress(e.getKey())
          .orElseThrow(() -> new IllegalArgumentException("NFS exports of unknown node " + e.getKey()));
      world.setNodeNfsServer(e.getKey(), NfsServer.create(e.getKey(), address, e.getValue()));
    }
    for (NfsServerSpec s : nfsServers) {
      world.addNfsServer(NfsServer.create(s.name(), s.address(), s.exports()));
    }
    for (GitRepositorySpec r : gitRepositories) {
      GitRepository repository = new GitRepository(r.url(), r.defaultBranch());
      r.commits().forEach(repository::push);
      world.git().addRepository(repository);
    }
    urls.forEach(world::addUrl);
    for (BlockDeviceSpec d : blockDevices) {
      world.addBlockDevice(d.backend(), d.create());
    }
    for (SharedFileSystemSpec f : sharedFileSystems) {
      world.addSharedFileSystem(f.backend(), f.create());
    }
    if (!cephMonitors.isEmpty() || !cephUsers.isEmpty()) {
      world.addCeph(cephMonitors, cephUsers);
    }
    glusterEndpoints.forEach(world::addGlusterEndpoints);
  }

  /** Collects a {@link WorldSpec}; the parser of {@code cluster} fills one. */
  public static final class Builder {
    private boolean strict;
    private final TreeMap<String, ImmutableList<FileSpec>> nodeFiles = new TreeMap<>();
    private final TreeMap<String, ImmutableList<NfsExport>> nodeExports = new TreeMap<>();
    private final List<NfsServerSpec> nfsServers = new ArrayList<>();
    private final List<GitRepositorySpec> gitRepositories = new ArrayList<>();
    private final TreeMap<String, UrlResponse> urls = new TreeMap<>();
    private final List<BlockDeviceSpec> blockDevices = new ArrayList<>();
    private final List<SharedFileSystemSpec> sharedFileSystems = new ArrayList<>();
    private final LinkedHashSet<String> cephMonitors = new LinkedHashSet<>();
    private final LinkedHashSet<String> cephUsers = new LinkedHashSet<>();
    private final LinkedHashSet<String> glusterEndpoints = new LinkedHashSet<>();

    private Builder() {}

    /** Whether only declared backing storage exists. */
    public Builder strict(boolean s) {
      strict = s;
      return this;
    }

    /** The files node {@code node}'s disk starts with. */
    public Builder nodeFiles(String node, List<FileSpec> files) {
      nodeFiles.put(requireNonNull(node, "node is null"), ImmutableList.copyOf(files));
      return this;
    }

    /** Makes {@code node} serve NFS itself with these exports. */
    public Builder nodeExports(String node, List<NfsExport> exports) {
      nodeExports.put(requireNonNull(node, "node is null"), ImmutableList.copyOf(exports));
      return this;
    }

    public Builder nfsServer(NfsServerSpec server) {
      nfsServers.add(requireNonNull(server, "server is null"));
      return this;
    }

    public Builder gitRepository(GitRepositorySpec repository) {
      gitRepositories.add(requireNonNull(repository, "repository is null"));
      return this;
    }

    public Builder url(String url, UrlResponse response) {
      urls.put(requireNonNull(url, "url is null"), requireNonNull(response, "response is null"));
      return this;
    }

    public Builder blockDevice(BlockDeviceSpec device) {
      blockDevices.add(requireNonNull(device, "device is null"));
      return this;
    }

    public Builder sharedFileSystem(SharedFileSystemSpec fileSystem) {
      sharedFileSystems.add(requireNonNull(fileSystem, "fileSystem is null"));
      return this;
    }

    /** Ceph monitors and users ({@code storage.ceph}). */
    public Builder ceph(List<String> monitors, List<String> users) {
      cephMonitors.addAll(monitors);
      cephUsers.addAll(users);
      return this;
    }

    /** A GlusterFS endpoints name. */
    public Builder glusterEndpoints(String endpoints) {
      glusterEndpoints.add(requireNonNull(endpoints, "endpoints is null"));
      return this;
    }

    public WorldSpec build() {
      return new WorldSpec(strict, ImmutableSortedMap.copyOf(nodeFiles), ImmutableSortedMap.copyOf(nodeExports),
          ImmutableList.copyOf(nfsServers), ImmutableList.copyOf(gitRepositories), ImmutableSortedMap.copyOf(urls),
          ImmutableList.copyOf(blockDevices), ImmutableList.copyOf(sharedFileSystems),
          ImmutableList.copyOf(cephMonitors), ImmutableList.copyOf(cephUsers), ImmutableList.copyOf(glusterEndpoints));
    }
  }
}
