package dev.volsim.scenario;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.world.BlockDevice;
import dev.volsim.core.world.ClusterWorld;
import dev.volsim.core.world.ClusterWorld.UrlResponse;
import dev.volsim.core.world.FileSpec;
import dev.volsim.core.world.GitCommit;
import dev.volsim.core.world.NfsExport;
import dev.volsim.model.io.YNode;
import dev.volsim.model.io.YNode.Entry;
import dev.volsim.model.io.YNode.YList;
import dev.volsim.model.io.YNode.YMap;
import dev.volsim.sim.WorldSpec;
import dev.volsim.sim.WorldSpec.BlockDeviceSpec;
import dev.volsim.sim.WorldSpec.GitRepositorySpec;
import dev.volsim.sim.WorldSpec.NfsServerSpec;
import dev.volsim.sim.WorldSpec.SharedFileSystemSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads the world keys of {@code spec.cluster}: {@code nfsServers}, a node's {@code nfsExports},
 * {@code gitRepositories}, {@code urls} and {@code storage}, into a {@link WorldSpec.Builder}.
 */
final class WorldParser {
  private static final List<String> SERVER_KEYS = List.of("name", "address", "exports");
  private static final List<String> EXPORT_KEYS = List.of("path", "clients", "options", "owner", "gid", "mode", "files");
  private static final List<String> REPO_KEYS = List.of("url", "defaultBranch", "commits");
  private static final List<String> COMMIT_KEYS = List.of("id", "branch", "files", "parent");
  private static final List<String> URL_KEYS = List.of("content", "status");
  private static final List<String> STORAGE_KEYS = List.of("strict", "cloudDisks", "ceph", "glusterfs", "iscsi");
  private static final List<String> DISK_KEYS = List.of("id", "zone", "size", "files");
  private static final List<String> CEPH_KEYS = List.of("monitors", "users", "images", "filesystems");
  private static final List<String> IMAGE_KEYS = List.of("pool", "name", "size", "files");
  private static final List<String> CEPHFS_KEYS = List.of("name", "files");
  private static final List<String> GLUSTER_KEYS = List.of("endpoints", "volumes");
  private static final List<String> ISCSI_KEYS = List.of("portal", "iqn", "luns", "size");

  private final ScenarioErrors errors;
  private final FilesParser files;
  private final WorldSpec.Builder world;
  private final TreeSet<String> backends = new TreeSet<>();

  WorldParser(ScenarioErrors errors, WorldSpec.Builder world) {
    this.errors = errors;
    this.files = new FilesParser(errors);
    this.world = world;
  }

  /** A node's own files ({@code cluster.nodes[].files}), absolute paths. */
  void nodeFiles(String node, YNode value, String where) {
    world.nodeFiles(node, files.parse(value, where, FilesParser.Paths.ABSOLUTE));
  }

  /** A node's exports ({@code cluster.nodes[].nfsExports}): the node serves NFS itself. */
  void nodeExports(String node, YNode value, String where) {
    world.nodeExports(node, exports(value, where));
  }

  /** {@code cluster.nfsServers}. */
  void nfsServers(YNode value, String where) {
    YList list = Nodes.list(value, where, errors);
    if (list == null) {
      return;
    }
    TreeSet<String> names = new TreeSet<>();
    for (int i = 0; i < list.items().size(); i++) {
      String w = where + "[" + i + "]";
      YMap map = Nodes.map(list.items().get(i), w, errors);
      if (map == null) {
        continue;
      }
      Map<String, Entry> e = Nodes.entries(map, w, SERVER_KEYS, errors);
      if (!Nodes.require(e, "name", map, w, errors)) {
        continue;
      }
      String name = Nodes.nonEmptyString(e.get("name").value(), w + ".name", errors);
      String address = e.containsKey("address") ? Nodes.nonEmptyString(e.get("address").value(), w + ".address", errors)
          : name;
      ImmutableList<NfsExport> exports = e.containsKey("exports") ? exports(e.get("exports").value(), w + ".exports")
          : ImmutableList.of();
      if (name == null || address == null) {
        continue;
      }
      if (!names.add(name)) {
        errors.add(e.get("name").value(), w + ".name: Duplicate value: \"" + name + "\"");
        continue;
      }
      world.nfsServer(new NfsServerSpec(name, address, exports));
    }
  }

  private ImmutableList<NfsExport> exports(YNode value, String where) {
    YList list = Nodes.list(value, where, errors);
    if (list == null) {
      return ImmutableList.of();
    }
    List<NfsExport> out = new ArrayList<>();
    TreeSet<String> paths = new TreeSet<>();
    for (int i = 0; i < list.items().size(); i++) {
      NfsExport x = export(list.items().get(i), where + "[" + i + "]");
      if (x != null && !paths.add(x.path())) {
        errors.add(list.items().get(i), where + "[" + i + "].path: Duplicate value: \"" + x.path() + "\"");
      } else if (x != null) {
        out.add(x);
      }
    }
    return ImmutableList.copyOf(out);
  }

  private NfsExport export(YNode node, String where) {
    YMap map = Nodes.map(node, where, errors);
    if (map == null) {
      return null;
    }
    int before = errors.list().size();
    Map<String, Entry> e = Nodes.entries(map, where, EXPORT_KEYS, errors);
    if (!Nodes.require(e, "path", map, where, errors)) {
      return null;
    }
    String path = Nodes.nonEmptyString(e.get("path").value(), where + ".path", errors);
    if (path != null && !path.startsWith("/")) {
      errors.add(e.get("path").value(), where + ".path: must be an absolute path, got \"" + path + "\"");
    }
    // exports(5): a line without a client list exports to everyone.
    List<String> clients = e.containsKey("clients") ? Nodes.strings(e.get("clients").value(), where + ".clients", errors)
        : List.of("*");
    List<String> options = e.containsKey("options") ? Nodes.strings(e.get("options").value(), where + ".options", errors)
        : List.of();
    Long owner = e.containsKey("owner") ? Nodes.integer(e.get("owner").value(), where + ".owner", 0, Integer.MAX_VALUE, errors) : 0L;
    Long gid = e.containsKey("gid") ? Nodes.integer(e.get("gid").value(), where + ".gid", 0, Integer.MAX_VALUE, errors) : 0L;
    int mode = e.containsKey("mode") ? FilesParser.mode(e.get("mode").value(), where + ".mode", errors) : 0755;
    ImmutableList<FileSpec> declared = e.containsKey("files")
        ? files.parse(e.get("files").value(), where + ".files", FilesParser.Paths.RELATIVE) : ImmutableList.of();
    if (errors.list().size() > before || path == null || clients == null || options == null || owner == null
        || gid == null) {
      return null;
    }
    try {
      return new NfsExport(path, ImmutableList.copyOf(clients), ImmutableList.copyOf(options), owner.intValue(),
          gid.intValue(), mode, declared);
    } catch (IllegalArgumentException ex) {
      // NfsExport's own checks (an option exports(5) does not know) become the scenario's error.
      errors.add(e.containsKey("options") ? e.get("options").value() : map, where + ".options: " + ex.getMessage());
      return null;
    }
  }

  /** {@code cluster.gitRepositories}. */
  void gitRepositories(YNode value, String where) {
    YList list = Nodes.list(value, where, errors);
    if (list == null) {
      return;
    }
    TreeSet<String> urls = new TreeSet<>();
    for (int i = 0; i < list.items().size(); i++) {
      String w = where + "[" + i + "]";
      YMap map = Nodes.map(list.items().get(i), w, errors);
      if (map == null) {
        continue;
      }
      int before = errors.list().size();
      Map<String, Entry> e = Nodes.entries(map, w, REPO_KEYS, errors);
      if (!Nodes.require(e, "url", map, w, errors)) {
        continue;
      }
      String url = Nodes.nonEmptyString(e.get("url").value(), w + ".url", errors);
      String branch = e.containsKey("defaultBranch")
          ? Nodes.nonEmptyString(e.get("defaultBranch").value(), w + ".defaultBranch", errors) : "main";
      List<GitCommit> commits = new ArrayList<>();
      if (e.containsKey("commits") && branch != null) {
        YList cl = Nodes.list(e.get("commits").value(), w + ".commits", errors);
        if (cl != null) {
          for (int j = 0; j < cl.items().size(); j++) {
            GitCommit c = commit(cl.items().get(j), w + ".commits[" + j + "]", branch, commits);
            if (c != null) {
              commits.add(c);
            }
          }
        }
      }
      if (url == null || branch == null || errors.list().size() > before) {
        continue;
      }
      if (!urls.add(url)) {
        errors.add(e.get("url").value(), w + ".url: Duplicate value: \"" + url + "\"");
        continue;
      }
      world.gitRepository(new GitRepositorySpec(url, branch, ImmutableList.copyOf(commits)));
    }
  }

  /**
   * One commit: {@code {id, branch, files, parent}}; {@code branch} defaults to {@code defaultBranch},
   * {@code parent} must name an earlier commit of {@code earlier}.
   */
  GitCommit commit(YNode node, String where, String defaultBranch, List<GitCommit> earlier) {
    YMap map = Nodes.map(node, where, errors);
    if (map == null) {
      return null;
    }
    int before = errors.list().size();
    Map<String, Entry> e = Nodes.entries(map, where, COMMIT_KEYS, errors);
    if (!Nodes.require(e, "id", map, where, errors)) {
      return null;
    }
    String id = Nodes.nonEmptyString(e.get("id").value(), where + ".id", errors);
    String branch = e.containsKey("branch") ? Nodes.nonEmptyString(e.get("branch").value(), where + ".branch", errors)
        : defaultBranch;
    String parent = e.containsKey("parent") ? Nodes.nonEmptyString(e.get("parent").value(), where + ".parent", errors)
        : null;
    ImmutableList<FileSpec> tree = e.containsKey("files")
        ? files.parse(e.get("files").value(), where + ".files", FilesParser.Paths.RELATIVE) : ImmutableList.of();
    if (id != null && earlier.stream().anyMatch(c -> c.id().equals(id))) {
      errors.add(e.get("id").value(), where + ".id: Duplicate value: \"" + id + "\"");
    }
    if (parent != null && earlier.stream().noneMatch(c -> c.id().equals(parent))) {
      errors.add(e.get("parent").value(), where + ".parent: no earlier commit has id \"" + parent + "\"");
    }
    return errors.list().size() > before || id == null || branch == null ? null
        : new GitCommit(id, branch, parent, tree);
  }

  /** {@code cluster.urls}: {@code "<url>": {content: T}} or {@code {status: 404}}. */
  void urls(YNode value, String where) {
    YMap map = Nodes.map(value, where, errors);
    if (map == null) {
      return;
    }
    for (Entry u : map.entries()) {
      String w = where + "[\"" + u.key() + "\"]";
      YMap m = Nodes.map(u.value(), w, errors);
      if (m == null) {
        continue;
      }
      int before = errors.list().size();
      Map<String, Entry> e = Nodes.entries(m, w, URL_KEYS, errors);
      String content = e.containsKey("content") ? Nodes.string(e.get("content").value(), w + ".content", errors) : null;
      Long status = e.containsKey("status") ? Nodes.integer(e.get("status").value(), w + ".status", 100, 599, errors)
          : 200L;
      if (!e.containsKey("content") && !e.containsKey("status")) {
        errors.add(m, w + " needs content or status");
      }
      if (errors.list().size() == before && status != null) {
        world.url(u.key(), new UrlResponse(status.intValue(), content));
      }
    }
  }

  /** {@code cluster.storage}. */
  void storage(YNode value, String where) {
    YMap map = Nodes.map(value, where, errors);
    if (map == null) {
      return;
    }
    Map<String, Entry> e = Nodes.entries(map, where, STORAGE_KEYS, errors);
    if (e.containsKey("strict")) {
      Boolean strict = Nodes.bool(e.get("strict").value(), where + ".strict", errors);
      world.strict(strict != null && strict);
    }
    if (e.containsKey("cloudDisks")) {
      each(e.get("cloudDisks").value(), where + ".cloudDisks", DISK_KEYS, "id", (d, w) -> {
        String id = Nodes.nonEmptyString(d.get("id").value(), w + ".id", errors);
        String zone = d.containsKey("zone") ? Nodes.nonEmptyString(d.get("zone").value(), w + ".zone", errors) : null;
        device(d, w, "cloudDisk:" + id, BlockDevice.Kind.CLOUD_DISK, id, zone, d.get("id"));
      });
    }
    if (e.containsKey("ceph")) {
      ceph(e.get("ceph").value(), where + ".ceph");
    }
    if (e.containsKey("glusterfs")) {
      each(e.get("glusterfs").value(), where + ".glusterfs", GLUSTER_KEYS, "endpoints", (g, w) -> {
        String endpoints = Nodes.nonEmptyString(g.get("endpoints").value(), w + ".endpoints", errors);
        if (endpoints != null) {
          world.glusterEndpoints(endpoints);
        }
        List<String> volumes = g.containsKey("volumes") ? Nodes.strings(g.get("volumes").value(), w + ".volumes", errors)
            : List.of();
        for (String v : volumes == null ? List.<String>of() : volumes) {
          if (backend("glusterfs:" + v, g.get("volumes"), w + ".volumes")) {
            world.sharedFileSystem(new SharedFileSystemSpec("glusterfs:" + v, "fuse.glusterfs", null));
          }
        }
      });
    }
    if (e.containsKey("iscsi")) {
      each(e.get("iscsi").value(), where + ".iscsi", ISCSI_KEYS, "portal", (t, w) -> {
        String portal = Nodes.nonEmptyString(t.get("portal").value(), w + ".portal", errors);
        String iqn = Nodes.require(t, "iqn", t.get("portal").value(), w, errors)
            ? Nodes.nonEmptyString(t.get("iqn").value(), w + ".iqn", errors) : null;
        long size = t.containsKey("size") ? FilesParser.bytes(t.get("size").value(), w + ".size", errors)
            .orElse(ClusterWorld.DEFAULT_DEVICE_BYTES) : ClusterWorld.DEFAULT_DEVICE_BYTES;
        List<Long> luns = new ArrayList<>();
        if (t.containsKey("luns")) {
          YList l = Nodes.list(t.get("luns").value(), w + ".luns", errors);
          for (int i = 0; l != null && i < l.items().size(); i++) {
            Long lun = Nodes.integer(l.items().get(i), w + ".luns[" + i + "]", 0, 16383, errors);
            if (lun != null) {
              luns.add(lun);
            }
          }
        } else {
          errors.add(t.get("portal").value(), w + ".luns is required");
        }
        if (portal == null || iqn == null || size <= 0) {
          return;
        }
        for (long lun : luns) {
          String id = portal + "/" + iqn + ":" + lun;
          if (backend("iscsi:" + id, t.get("luns"), w + ".luns")) {
            world.blockDevice(new BlockDeviceSpec("iscsi:" + id, BlockDevice.Kind.ISCSI_LUN, id, size, null, null));
          }
        }
      });
    }
  }

  private void ceph(YNode value, String where) {
    YMap map = Nodes.map(value, where, errors);
    if (map == null) {
      return;
    }
    Map<String, Entry> e = Nodes.entries(map, where, CEPH_KEYS, errors);
    List<String> monitors = e.containsKey("monitors") ? Nodes.strings(e.get("monitors").value(), where + ".monitors", errors)
        : List.of();
    List<String> users = e.containsKey("users") ? Nodes.strings(e.get("users").value(), where + ".users", errors)
        : List.of();
    world.ceph(monitors == null ? List.of() : monitors, users == null ? List.of() : users);
    if (e.containsKey("images")) {
      each(e.get("images").value(), where + ".images", IMAGE_KEYS, "name", (i, w) -> {
        String pool = i.containsKey("pool") ? Nodes.nonEmptyString(i.get("pool").value(), w + ".pool", errors) : "rbd";
        String name = Nodes.nonEmptyString(i.get("name").value(), w + ".name", errors);
        if (pool != null && name != null) {
          device(i, w, "rbd:" + pool + "/" + name, BlockDevice.Kind.RBD_IMAGE, pool + "/" + name, null, i.get("name"));
        }
      });
    }
    if (e.containsKey("filesystems")) {
      each(e.get("filesystems").value(), where + ".filesystems", CEPHFS_KEYS, "name", (f, w) -> {
        String name = Nodes.nonEmptyString(f.get("name").value(), w + ".name", errors);
        ImmutableList<FileSpec> declared = f.containsKey("files")
            ? files.parse(f.get("files").value(), w + ".files", FilesParser.Paths.EITHER) : ImmutableList.of();
        if (name != null && backend("cephfs:" + name, f.get("name"), w + ".name")) {
          world.sharedFileSystem(new SharedFileSystemSpec("cephfs:" + name, "ceph", declared));
        }
      });
    }
  }

  /** A block device entry's {@code size} and {@code files}; {@code files} makes it formatted ext4. */
  private void device(Map<String, Entry> d, String w, String backend, BlockDevice.Kind kind, String id, String zone,
      Entry nameEntry) {
    long size = d.containsKey("size")
        ? FilesParser.bytes(d.get("size").value(), w + ".size", errors).orElse(-1L) : ClusterWorld.DEFAULT_DEVICE_BYTES;
    if (d.containsKey("size") && size == 0) {
      errors.add(d.get("size").value(), w + ".size must be more than 0");
    }
    ImmutableList<FileSpec> declared = d.containsKey("files")
        ? files.parse(d.get("files").value(), w + ".files", FilesParser.Paths.EITHER) : null;
    if (id != null && size > 0 && backend(backend, nameEntry, w + "." + nameEntry.key())) {
      world.blockDevice(new BlockDeviceSpec(backend, kind, id, size, zone, declared));
    }
  }

  /** Claims a backend name; a second declaration is an error. */
  private boolean backend(String name, Entry at, String where) {
    if (backends.add(name)) {
      return true;
    }
    errors.add(at.value(), where + ": Duplicate value: backend \"" + name + "\" is declared twice");
    return false;
  }

  private interface Item {
    void read(Map<String, Entry> entries, String where);
  }

  /** Each mapping of a list, with its known keys and one required key. */
  private void each(YNode value, String where, List<String> keys, String required, Item item) {
    YList list = Nodes.list(value, where, errors);
    if (list == null) {
      return;
    }
    for (int i = 0; i < list.items().size(); i++) {
      String w = where + "[" + i + "]";
      YMap map = Nodes.map(list.items().get(i), w, errors);
      if (map == null) {
        continue;
      }
      Map<String, Entry> e = Nodes.entries(map, w, keys, errors);
      if (Nodes.require(e, required, map, w, errors)) {
        item.read(e, w);
      }
    }
  }
}
