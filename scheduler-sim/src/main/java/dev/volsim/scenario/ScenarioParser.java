package dev.volsim.scenario;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.core.engine.Latencies;
import dev.volsim.core.engine.LatencyModel;
import dev.volsim.model.io.Location;
import dev.volsim.model.io.ManifestException;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.model.io.Trees;
import dev.volsim.model.io.YNode;
import dev.volsim.model.io.YNode.Entry;
import dev.volsim.model.io.YNode.ScalarKind;
import dev.volsim.model.io.YNode.YList;
import dev.volsim.model.io.YNode.YMap;
import dev.volsim.model.io.YNode.YScalar;
import dev.volsim.sim.ClusterNode;
import dev.volsim.core.cluster.ComponentConfig;
import dev.volsim.core.cluster.KubernetesVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Reads a scenario file ({@code apiVersion: volsim.dev/v1alpha1}, {@code kind: Scenario}, UTF-8
 * YAML) into a {@link Scenario}, reporting every problem at its {@code file:line:col}: unknown
 * keys, wrong types, bad durations and versions, unknown feature gates, config keys and timing
 * operations, unreadable files and {@code file:} paths outside the scenario's folder, invalid
 * manifests, and keys of the contract this version does not support yet.
 */
public final class ScenarioParser {
  /** The apiVersion of scenario files this version reads. */
  public static final String API_VERSION = "volsim.dev/v1alpha1";
  /** The kind of scenario files. */
  public static final String KIND = "Scenario";

  private static final List<String> ROOT_KEYS = List.of("apiVersion", "kind", "metadata", "spec");
  private static final List<String> METADATA_KEYS = List.of("name", "description");
  private static final List<String> SPEC_KEYS = List.of("seed", "kubernetes", "cluster", "timing", "objects", "steps",
      "images", "behaviors");
  private static final List<String> SPEC_LATER = List.of();
  private static final List<String> KUBERNETES_KEYS = List.of("version", "featureGates", "config");

  private final Path file;
  private final ScenarioErrors errors = new ScenarioErrors();

  private ScenarioParser(Path file) {
    this.file = file;
  }

  /**
   * Reads and checks a scenario file.
   *
   * @throws InvalidScenarioException with every problem found (also when the file cannot be read)
   */
  public static Scenario parse(Path file) throws InvalidScenarioException {
    return new ScenarioParser(file).read();
  }

  private Scenario read() throws InvalidScenarioException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw invalid(Location.startOf(file.toString()), "cannot read scenario: no such file");
    } catch (IOException e) {
      throw invalid(Location.startOf(file.toString()), "cannot read scenario: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
    List<YNode> documents;
    try {
      documents = ManifestLoader.strict().readTrees(file.toString(), bytes);
    } catch (ManifestException e) {
      throw invalid(e.location(), e.getMessage());
    }
    documents = documents.stream().filter(d -> !(d instanceof YScalar s && s.kind() == ScalarKind.NULL)).toList();
    if (documents.isEmpty()) {
      throw invalid(Location.startOf(file.toString()), "the file holds no scenario");
    }
    if (documents.size() > 1) {
      throw invalid(documents.get(1).location(), "a scenario file holds one document; this is a second one");
    }
    Scenario scenario = root(documents.get(0));
    if (!errors.isEmpty() || scenario == null) {
      throw new InvalidScenarioException(inFileOrder(errors.list()));
    }
    return scenario;
  }

  /**
   * The errors of each file by line and column, files in the order their first error was found
   * (the scenario first, then the files it names).
   */
  private static List<ScenarioError> inFileOrder(List<ScenarioError> found) {
    List<String> files = found.stream().map(e -> e.location().file()).distinct().toList();
    return found.stream().sorted(java.util.Comparator
        .<ScenarioError>comparingInt(e -> files.indexOf(e.location().file()))
        .thenComparingInt(e -> e.location().line())
        .thenComparingInt(e -> e.location().column())).toList();
  }

  private InvalidScenarioException invalid(Location at, String message) {
    return new InvalidScenarioException(List.of(new ScenarioError(at, message)));
  }

  private Scenario root(YNode doc) {
    YMap root = Nodes.map(doc, "a scenario", errors);
    if (root == null) {
      return null;
    }
    Map<String, Entry> e = Nodes.entries(root, "the scenario", ROOT_KEYS, errors);
    fixedString(e, root, "apiVersion", API_VERSION);
    fixedString(e, root, "kind", KIND);
    ScenarioMetadata metadata = e.containsKey("metadata") ? metadata(e.get("metadata").value())
        : new ScenarioMetadata(null, null);
    if (!Nodes.require(e, "spec", root, "the scenario", errors)) {
      return null;
    }
    YMap spec = Nodes.map(e.get("spec").value(), "spec", errors);
    if (spec == null) {
      return null;
    }
    Map<String, Entry> s = Nodes.entries(spec, "spec", SPEC_KEYS, SPEC_LATER, errors);
    OptionalLong seed = OptionalLong.empty();
    if (s.containsKey("seed")) {
      Long v = Nodes.integer(s.get("seed").value(), "spec.seed", Long.MIN_VALUE, Long.MAX_VALUE, errors);
      seed = v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }
    KubernetesSettings kubernetes = s.containsKey("kubernetes") ? kubernetes(s.get("kubernetes").value())
        : KubernetesSettings.defaults();
    ClusterParser.Parsed cluster = s.containsKey("cluster") ? new ClusterParser(errors).parse(s.get("cluster").value()) : null;
    Optional<ImmutableList<ClusterNode>> nodes = cluster == null ? Optional.empty() : Optional.of(cluster.nodes());
    Map<String, LatencyModel> timing = s.containsKey("timing") ? timing(s.get("timing").value()) : Map.of();
    ManifestReader manifests = new ManifestReader(file, folder(), errors);
    List<ScenarioManifest> objects = new ArrayList<>();
    if (s.containsKey("objects")) {
      YList list = Nodes.list(s.get("objects").value(), "spec.objects", errors);
      if (list != null) {
        for (int i = 0; i < list.items().size(); i++) {
          objects.addAll(manifests.read(list.items().get(i), "spec.objects[" + i + "]"));
        }
      }
    }
    List<Step> steps = s.containsKey("steps") ? new StepParser(errors, manifests).parse(s.get("steps").value())
        : List.of();
    ContainersParser containerParser = new ContainersParser(errors);
    ScenarioBehaviors containers = new ScenarioBehaviors(
        s.containsKey("images") ? containerParser.images(s.get("images").value()) : ImmutableSortedMap.of(),
        s.containsKey("behaviors") ? containerParser.behaviors(s.get("behaviors").value()) : ImmutableList.of());
    return new Scenario(file, metadata, seed, kubernetes == null ? KubernetesSettings.defaults() : kubernetes,
        nodes, cluster == null ? ImmutableList.of() : cluster.csiDrivers(), ImmutableSortedMap.copyOf(timing), ImmutableList.copyOf(objects), ImmutableList.copyOf(steps),
        containers, cluster == null ? dev.volsim.sim.WorldSpec.EMPTY : cluster.world());
  }

  /** The scenario's folder with symbolic links resolved, or null when it cannot be resolved. */
  private Path folder() {
    try {
      Path parent = file.toAbsolutePath().getParent();
      return parent == null ? null : parent.toRealPath();
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  private void fixedString(Map<String, Entry> e, YMap root, String key, String wanted) {
    if (!e.containsKey(key)) {
      errors.add(root, key + " is required: " + key + ": " + wanted);
      return;
    }
    YNode v = e.get(key).value();
    String text = Nodes.string(v, key, errors);
    if (text != null && !text.equals(wanted)) {
      errors.add(v, key + " must be \"" + wanted + "\", got \"" + text + "\"");
    }
  }

  private ScenarioMetadata metadata(YNode node) {
    YMap map = Nodes.map(node, "metadata", errors);
    if (map == null) {
      return new ScenarioMetadata(null, null);
    }
    Map<String, Entry> e = Nodes.entries(map, "metadata", METADATA_KEYS, errors);
    String name = e.containsKey("name") ? Nodes.string(e.get("name").value(), "metadata.name", errors) : null;
    String description = e.containsKey("description")
        ? Nodes.string(e.get("description").value(), "metadata.description", errors) : null;
    return new ScenarioMetadata(name, description);
  }

  private KubernetesSettings kubernetes(YNode node) {
    YMap map = Nodes.map(node, "spec.kubernetes", errors);
    if (map == null) {
      return null;
    }
    Map<String, Entry> e = Nodes.entries(map, "spec.kubernetes", KUBERNETES_KEYS, errors);
    KubernetesVersion version = KubernetesVersion.DEFAULT;
    if (e.containsKey("version")) {
      YNode v = e.get("version").value();
      String text = Nodes.string(v, "spec.kubernetes.version", errors);
      if (text != null) {
        try {
          version = KubernetesVersion.parse(text);
        } catch (IllegalArgumentException ex) {
          errors.add(v, ex.getMessage());
        }
      }
    }
    Map<String, Boolean> gates = new TreeMap<>();
    if (e.containsKey("featureGates")) {
      YMap g = Nodes.map(e.get("featureGates").value(), "spec.kubernetes.featureGates", errors);
      for (Entry ge : g == null ? List.<Entry>of() : g.entries()) {
        if (!KubernetesVersion.knownFeatureGates().contains(ge.key())) {
          errors.add(ge.keyLocation(), "unknown feature gate \"" + ge.key() + "\" (known: "
              + String.join(", ", KubernetesVersion.knownFeatureGates()) + ")");
          continue;
        }
        Boolean on = Nodes.bool(ge.value(), "spec.kubernetes.featureGates." + ge.key(), errors);
        if (on != null) {
          gates.put(ge.key(), on);
        }
      }
    }
    Map<String, Object> config = new TreeMap<>();
    if (e.containsKey("config")) {
      YMap c = Nodes.map(e.get("config").value(), "spec.kubernetes.config", errors);
      if (c != null) {
        config(c, "", config);
      }
    }
    return new KubernetesSettings(version, ImmutableSortedMap.copyOf(gates), ImmutableSortedMap.copyOf(config));
  }

  /** Config keys, nested maps ({@code scheduler: {bindTimeoutSeconds}}) flattened with dots. */
  private void config(YMap map, String prefix, Map<String, Object> out) {
    List<String> known = ComponentConfig.DEFAULTS.keySet().stream()
        .filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length()))
        .map(k -> k.contains(".") ? k.substring(0, k.indexOf('.')) : k).distinct().toList();
    String where = "spec.kubernetes.config" + (prefix.isEmpty() ? "" : "." + prefix.substring(0, prefix.length() - 1));
    for (Entry ce : Nodes.entries(map, where, known, errors).values()) {
      String key = prefix + ce.key();
      if (!ComponentConfig.DEFAULTS.containsKey(key)) {
        YMap nested = Nodes.map(ce.value(), where + "." + ce.key(), errors);
        if (nested != null) {
          config(nested, key + ".", out);
        }
        continue;
      }
      Object value = Trees.toPlain(ce.value());
      try {
        ComponentConfig.defaults().with(Map.of(key, value == null ? "" : value));
        out.put(key, value instanceof Number n ? (Object) n.longValue() : value);
      } catch (IllegalArgumentException ex) {
        errors.add(ce.value(), "bad value for " + where + "." + ce.key() + ": " + ex.getMessage());
      }
    }
  }

  private Map<String, LatencyModel> timing(YNode node) {
    Map<String, LatencyModel> out = new TreeMap<>();
    YMap map = Nodes.map(node, "spec.timing", errors);
    if (map == null) {
      return out;
    }
    for (Entry te : map.entries()) {
      String where = "spec.timing." + te.key();
      if (!Latencies.DEFAULTS.containsKey(te.key())) {
        errors.add(te.keyLocation(), "unknown timing operation \"" + te.key() + "\" (known: "
            + String.join(", ", Latencies.DEFAULTS.keySet()) + ")");
        continue;
      }
      LatencyModel model = latency(te.value(), where);
      if (model != null) {
        out.put(te.key(), model);
      }
    }
    return out;
  }

  private LatencyModel latency(YNode node, String where) {
    if (node instanceof YScalar) {
      Duration d = Nodes.duration(node, where, errors);
      return d == null ? null : LatencyModel.fixed(d);
    }
    YMap m = Nodes.map(node, where, errors);
    if (m == null) {
      return null;
    }
    Map<String, Entry> e = Nodes.entries(m, where, List.of("uniform", "exponential"), errors);
    if (e.size() != 1) {
      if (e.size() > 1 || m.entries().isEmpty()) {
        errors.add(m, where + " takes a duration, {uniform: [min, max]} or {exponential: mean}");
      }
      return null;
    }
    if (e.containsKey("exponential")) {
      Duration mean = Nodes.duration(e.get("exponential").value(), where + ".exponential", errors);
      return mean == null ? null : LatencyModel.exponential(mean);
    }
    YNode u = e.get("uniform").value();
    YList bounds = Nodes.list(u, where + ".uniform", errors);
    if (bounds == null) {
      return null;
    }
    if (bounds.items().size() != 2) {
      errors.add(u, where + ".uniform takes two durations [min, max], got " + bounds.items().size());
      return null;
    }
    Duration min = Nodes.duration(bounds.items().get(0), where + ".uniform[0]", errors);
    Duration max = Nodes.duration(bounds.items().get(1), where + ".uniform[1]", errors);
    if (min == null || max == null) {
      return null;
    }
    if (max.compareTo(min) < 0) {
      errors.add(u, where + ".uniform: the maximum is below the minimum");
      return null;
    }
    return LatencyModel.uniform(min, max);
  }
}
