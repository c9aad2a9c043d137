package dev.volsim.scenario;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.model.Quantity;
import dev.volsim.model.core.Taint;
import dev.volsim.model.core.TaintEffect;
import dev.volsim.model.io.YNode;
import dev.volsim.model.io.YNode.Entry;
import dev.volsim.model.io.YNode.YList;
import dev.volsim.model.io.YNode.YMap;
import dev.volsim.sim.ClusterNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads {@code spec.cluster}: the cluster's nodes (as Node objects; the packages are recorded), its
 * CSI drivers, and through {@link WorldParser} the world outside the API (node files, NFS servers and
 * exports, git repositories, URLs, backing storage).
 */
final class ClusterParser {
  private static final List<String> CLUSTER_KEYS = List.of("nodes", "csiDrivers", "nfsServers", "gitRepositories",
      "urls", "storage");
  private static final List<String> CLUSTER_LATER = List.of();
  private static final List<String> NODE_KEYS = List.of(
      "name", "zone", "labels", "address", "packages", "capacity", "taints", "unschedulable", "files", "nfsExports");
  private static final List<String> NODE_LATER = List.of();
  private static final List<String> TAINT_KEYS = List.of("key", "value", "effect");

  private final ScenarioErrors errors;
  private final dev.volsim.sim.WorldSpec.Builder world = dev.volsim.sim.WorldSpec.builder();
  private final WorldParser worldParser;

  ClusterParser(ScenarioErrors errors) {
    this.errors = errors;
    this.worldParser = new WorldParser(errors, world);
  }

  /**
   * What {@code cluster} declares: nodes and CSI drivers, each empty when not given, and the world
   * outside the API (node files, NFS, git, URLs, storage).
   */
  record Parsed(ImmutableList<ClusterNode> nodes, ImmutableList<dev.volsim.core.cluster.CsiDriverProfile> csiDrivers,
      dev.volsim.sim.WorldSpec world) {
    Parsed(ImmutableList<ClusterNode> nodes, ImmutableList<dev.volsim.core.cluster.CsiDriverProfile> csiDrivers) {
      this(nodes, csiDrivers, dev.volsim.sim.WorldSpec.EMPTY);
    }
  }

  /** The nodes and CSI drivers of {@code cluster}. */
  Parsed parse(YNode node) {
    YMap map = Nodes.map(node, "spec.cluster", errors);
    if (map == null) {
      return new Parsed(ImmutableList.of(), ImmutableList.of());
    }
    Map<String, Entry> e = Nodes.entries(map, "spec.cluster", CLUSTER_KEYS, CLUSTER_LATER, errors);
    List<ClusterNode> nodes = new ArrayList<>();
    if (e.containsKey("nodes")) {
      YList list = Nodes.list(e.get("nodes").value(), "spec.cluster.nodes", errors);
      if (list != null) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.items().size(); i++) {
          ClusterNode n = node(list.items().get(i), "spec.cluster.nodes[" + i + "]");
          if (n != null && !names.add(n.name())) {
            errors.add(list.items().get(i), "duplicate node name \"" + n.name() + "\"");
          } else if (n != null) {
            nodes.add(n);
          }
        }
      }
    }
    ImmutableList<dev.volsim.core.cluster.CsiDriverProfile> drivers = e.containsKey("csiDrivers")
        ? new CsiDriverParser(errors).parse(e.get("csiDrivers").value()) : ImmutableList.of();
    if (e.containsKey("nfsServers")) {
      worldParser.nfsServers(e.get("nfsServers").value(), "spec.cluster.nfsServers");
    }
    if (e.containsKey("gitRepositories")) {
      worldParser.gitRepositories(e.get("gitRepositories").value(), "spec.cluster.gitRepositories");
    }
    if (e.containsKey("urls")) {
      worldParser.urls(e.get("urls").value(), "spec.cluster.urls");
    }
    if (e.containsKey("storage")) {
      worldParser.storage(e.get("storage").value(), "spec.cluster.storage");
    }
    return new Parsed(ImmutableList.copyOf(nodes), drivers, world.build());
  }

  private ClusterNode node(YNode node, String where) {
    YMap map = Nodes.map(node, where, errors);
    if (map == null) {
      return null;
    }
    Map<String, Entry> e = Nodes.entries(map, where, NODE_KEYS, NODE_LATER, errors);
    if (!Nodes.require(e, "name", map, where, errors)) {
      return null;
    }
    String name = Nodes.nonEmptyString(e.get("name").value(), where + ".name", errors);
    String zone = e.containsKey("zone") ? Nodes.nonEmptyString(e.get("zone").value(), where + ".zone", errors) : null;
    String address = e.containsKey("address") ? Nodes.nonEmptyString(e.get("address").value(), where + ".address", errors) : null;
    Map<String, String> labels = new TreeMap<>();
    if (e.containsKey("labels")) {
      YMap l = Nodes.map(e.get("labels").value(), where + ".labels", errors);
      if (l != null) {
        for (Entry le : l.entries()) {
          String v = Nodes.string(le.value(), where + ".labels." + le.key(), errors);
          if (v != null) {
            labels.put(le.key(), v);
          }
        }
      }
    }
    List<String> packages = e.containsKey("packages")
        ? Nodes.strings(e.get("packages").value(), where + ".packages", errors) : List.of();
    Map<String, Quantity> capacity = new TreeMap<>();
    if (e.containsKey("capacity")) {
      YMap c = Nodes.map(e.get("capacity").value(), where + ".capacity", errors);
      if (c != null) {
        for (Entry ce : c.entries()) {
          String v = Nodes.string(ce.value(), where + ".capacity." + ce.key(), errors);
          var q = v == null ? java.util.Optional.<Quantity>empty() : Quantity.tryParse(v);
          if (v != null && q.isEmpty()) {
            errors.add(ce.value(), where + ".capacity." + ce.key() + ": quantities must match the regular "
                + "expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$', got \"" + v + "\"");
          }
          q.ifPresent(quantity -> capacity.put(ce.key(), quantity));
        }
      }
    }
    List<Taint> taints = new ArrayList<>();
    if (e.containsKey("taints")) {
      YList t = Nodes.list(e.get("taints").value(), where + ".taints", errors);
      if (t != null) {
        for (int i = 0; i < t.items().size(); i++) {
          Taint taint = taint(t.items().get(i), where + ".taints[" + i + "]");
          if (taint != null) {
            taints.add(taint);
          }
        }
      }
    }
    Boolean unschedulable = e.containsKey("unschedulable")
        ? Nodes.bool(e.get("unschedulable").value(), where + ".unschedulable", errors) : Boolean.FALSE;
    if (name != null && e.containsKey("files")) {
      worldParser.nodeFiles(name, e.get("files").value(), where + ".files");
    }
    if (name != null && e.containsKey("nfsExports")) {
      worldParser.nodeExports(name, e.get("nfsExports").value(), where + ".nfsExports");
    }
    if (name == null || packages == null || unschedulable == null) {
      return null;
    }
    return new ClusterNode(name, zone, ImmutableSortedMap.copyOf(labels), address, ImmutableList.copyOf(packages),
        ImmutableSortedMap.copyOf(capacity), ImmutableList.copyOf(taints), unschedulable);
  }

  private Taint taint(YNode node, String where) {
    YMap map = Nodes.map(node, where, errors);
    if (map == null) {
      return null;
    }
    Map<String, Entry> e = Nodes.entries(map, where, TAINT_KEYS, errors);
    boolean ok = Nodes.require(e, "key", map, where, errors) & Nodes.require(e, "effect", map, where, errors);
    if (!ok) {
      return null;
    }
    String key = Nodes.nonEmptyString(e.get("key").value(), where + ".key", errors);
    String value = e.containsKey("value") ? Nodes.string(e.get("value").value(), where + ".value", errors) : null;
    String effectText = Nodes.string(e.get("effect").value(), where + ".effect", errors);
    TaintEffect effect = null;
    if (effectText != null) {
      for (TaintEffect t : TaintEffect.values()) {
        if (t.wire().equals(effectText)) {
          effect = t;
        }
      }
      if (effect == null) {
        errors.add(e.get("effect").value(), where + ".effect: Unsupported value: \"" + effectText
            + "\": supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"");
      }
    }
    return key == null || effect == null ? null : new Taint(key, value, effect, null);
  }
}
