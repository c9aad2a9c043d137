package dev.volsim.scenario;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.cluster.CsiDriverProfile;
import dev.volsim.model.Quantity;
import dev.volsim.model.core.PersistentVolumeAccessMode;
import dev.volsim.model.core.PersistentVolumeMode;
import dev.volsim.model.io.YNode;
import dev.volsim.model.io.YNode.Entry;
import dev.volsim.model.io.YNode.YList;
import dev.volsim.model.io.YNode.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads {@code cluster.csiDrivers}: one {@link CsiDriverProfile} per entry, the format's defaults for what is left out. */
final class CsiDriverParser {
  private static final List<String> KEYS = List.of("name", "attachRequired", "stageUnstage", "podInfoOnMount",
      "volumeLifecycleModes", "fsGroupPolicy", "accessModes", "volumeModes", "topologyKey", "zones",
      "maxVolumesPerNode", "capacity", "nodes", "replication", "shareManager", "volumes", "allocationUnit");
  private static final List<String> VOLUME_KEYS = List.of("handle", "capacity", "zone", "files");
  private static final List<String> VOLUME_LATER = List.of();
  private static final List<String> LIFECYCLE_MODES = List.of("Persistent", "Ephemeral");
  private static final List<String> FS_GROUP_POLICIES = List.of("ReadWriteOnceWithFSType", "File", "None");

  private final ScenarioErrors errors;

  CsiDriverParser(ScenarioErrors errors) {
    this.errors = errors;
  }

  ImmutableList<CsiDriverProfile> parse(YNode node) {
    YList list = Nodes.list(node, "spec.cluster.csiDrivers", errors);
    List<CsiDriverProfile> out = new ArrayList<>();
    if (list == null) {
      return ImmutableList.of();
    }
    for (int i = 0; i < list.items().size(); i++) {
      CsiDriverProfile p = driver(list.items().get(i), "spec.cluster.csiDrivers[" + i + "]");
      if (p != null) {
        if (out.stream().anyMatch(d -> d.name().equals(p.name()))) {
          errors.add(list.items().get(i), "duplicate CSI driver name \"" + p.name() + "\"");
        } else {
          out.add(p);
        }
      }
    }
    return ImmutableList.copyOf(out);
  }

  private CsiDriverProfile driver(YNode node, String where) {
    YMap map = Nodes.map(node, where, errors);
    if (map == null) {
      return null;
    }
    int before = errors.list().size();
    Map<String, Entry> e = Nodes.entries(map, where, KEYS, errors);
    if (!Nodes.require(e, "name", map, where, errors)) {
      return null;
    }
    String name = Nodes.nonEmptyString(e.get("name").value(), where + ".name", errors);
    boolean attachRequired = bool(e, "attachRequired", where, true);
    boolean stageUnstage = bool(e, "stageUnstage", where, true);
    boolean podInfoOnMount = bool(e, "podInfoOnMount", where, false);
    boolean shareManager = bool(e, "shareManager", where, false);
    List<String> lifecycle = oneOf(e, "volumeLifecycleModes", where, LIFECYCLE_MODES);
    String fsGroupPolicy = null;
    if (e.containsKey("fsGroupPolicy")) {
      fsGroupPolicy = Nodes.string(e.get("fsGroupPolicy").value(), where + ".fsGroupPolicy", errors);
      if (fsGroupPolicy != null && !FS_GROUP_POLICIES.contains(fsGroupPolicy)) {
        errors.add(e.get("fsGroupPolicy").value(), where + ".fsGroupPolicy must be one of "
            + String.join(", ", FS_GROUP_POLICIES) + ", got \"" + fsGroupPolicy + "\"");
      }
    }
    List<PersistentVolumeAccessMode> accessModes = new ArrayList<>();
    for (String m : oneOf(e, "accessModes", where, wires(PersistentVolumeAccessMode.values()))) {
      for (PersistentVolumeAccessMode a : PersistentVolumeAccessMode.values()) {
        if (a.wire().equals(m)) {
          accessModes.add(a);
        }
      }
    }
    List<PersistentVolumeMode> volumeModes = new ArrayList<>();
    for (String m : oneOf(e, "volumeModes", where, wires(PersistentVolumeMode.values()))) {
      for (PersistentVolumeMode v : PersistentVolumeMode.values()) {
        if (v.wire().equals(m)) {
          volumeModes.add(v);
        }
      }
    }
    String topologyKey = e.containsKey("topologyKey")
        ? Nodes.nonEmptyString(e.get("topologyKey").value(), where + ".topologyKey", errors) : null;
    List<String> zones = e.containsKey("zones") ? Nodes.strings(e.get("zones").value(), where + ".zones", errors) : List.of();
    if (!zones.isEmpty() && topologyKey == null) {
      topologyKey = "topology.kubernetes.io/zone";
    }
    List<String> nodes = e.containsKey("nodes") ? Nodes.strings(e.get("nodes").value(), where + ".nodes", errors) : List.of();
    Integer maxVolumes = null;
    if (e.containsKey("maxVolumesPerNode")) {
      Long n = Nodes.integer(e.get("maxVolumesPerNode").value(), where + ".maxVolumesPerNode", 0, Integer.MAX_VALUE, errors);
      maxVolumes = n == null ? null : n.intValue();
    }
    Quantity capacity = quantity(e, "capacity", where);
    Quantity allocationUnit = quantity(e, "allocationUnit", where);
    String replicasParameter = null;
    int defaultReplicas = 1;
    if (e.containsKey("replication")) {
      YMap r = Nodes.map(e.get("replication").value(), where + ".replication", errors);
      if (r != null) {
        Map<String, Entry> re = Nodes.entries(r, where + ".replication", List.of("replicasParameter", "default"), errors);
        if (re.containsKey("replicasParameter")) {
          replicasParameter = Nodes.nonEmptyString(re.get("replicasParameter").value(), where + ".replication.replicasParameter", errors);
        }
        if (re.containsKey("default")) {
          Long n = Nodes.integer(re.get("default").value(), where + ".replication.default", 1, 100, errors);
          defaultReplicas = n == null ? 1 : n.intValue();
        } else {
          defaultReplicas = 3;
        }
      }
    }
    List<CsiDriverProfile.ExistingVolume> volumes = new ArrayList<>();
    if (e.containsKey("volumes")) {
      YList vl = Nodes.list(e.get("volumes").value(), where + ".volumes", errors);
      for (int i = 0; vl != null && i < vl.items().size(); i++) {
        String vw = where + ".volumes[" + i + "]";
        YMap vm = Nodes.map(vl.items().get(i), vw, errors);
        if (vm == null) {
          continue;
        }
        Map<String, Entry> ve = Nodes.entries(vm, vw, VOLUME_KEYS, VOLUME_LATER, errors);
        if (Nodes.require(ve, "handle", vm, vw, errors)) {
          String handle = Nodes.nonEmptyString(ve.get("handle").value(), vw + ".handle", errors);
          Quantity size = quantity(ve, "capacity", vw);
          String zone = ve.containsKey("zone") ? Nodes.nonEmptyString(ve.get("zone").value(), vw + ".zone", errors) : null;
          // The volume's own file system: paths are relative to its root (a leading "/" is allowed too).
          ImmutableList<dev.volsim.core.world.FileSpec> files = ve.containsKey("files")
              ? new FilesParser(errors).parse(ve.get("files").value(), vw + ".files", FilesParser.Paths.EITHER)
              : null;
          volumes.add(new CsiDriverProfile.ExistingVolume(handle, size, zone, files));
        }
      }
    }
    if (errors.list().size() > before || name == null) {
      return null;
    }
    return new CsiDriverProfile(name, attachRequired, stageUnstage, podInfoOnMount, ImmutableList.copyOf(lifecycle),
        fsGroupPolicy, ImmutableList.copyOf(accessModes), ImmutableList.copyOf(volumeModes), topologyKey,
        ImmutableList.copyOf(zones), maxVolumes, capacity, ImmutableList.copyOf(nodes), replicasParameter,
        defaultReplicas, shareManager, allocationUnit, ImmutableList.copyOf(volumes));
  }

  private boolean bool(Map<String, Entry> e, String key, String where, boolean def) {
    if (!e.containsKey(key)) {
      return def;
    }
    Boolean b = Nodes.bool(e.get(key).value(), where + "." + key, errors);
    return b == null ? def : b;
  }

  private List<String> oneOf(Map<String, Entry> e, String key, String where, List<String> allowed) {
    if (!e.containsKey(key)) {
      return List.of();
    }
    List<String> values = Nodes.strings(e.get(key).value(), where + "." + key, errors);
    if (values == null) {
      return List.of();
    }
    for (String v : values) {
      if (!allowed.contains(v)) {
        errors.add(e.get(key).value(), where + "." + key + ": Unsupported value: \"" + v + "\": supported values: "
            + String.join(", ", allowed.stream().map(a -> "\"" + a + "\"").toList()));
      }
    }
    return values;
  }

  private Quantity quantity(Map<String, Entry> e, String key, String where) {
    if (!e.containsKey(key)) {
      return null;
    }
    YNode v = e.get(key).value();
    String text = v instanceof YNode.YScalar s ? s.text() : null;
    var q = text == null ? java.util.Optional.<Quantity>empty() : Quantity.tryParse(text);
    if (q.isEmpty()) {
      errors.add(v, where + "." + key + ": quantities must match the regular expression "
          + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$', got " + Nodes.describe(v));
      return null;
    }
    return q.get();
  }

  private static List<String> wires(dev.volsim.model.WireEnum[] values) {
    List<String> out = new ArrayList<>();
    for (dev.volsim.model.WireEnum w : values) {
      out.add(w.wire());
    }
    return out;
  }
}
