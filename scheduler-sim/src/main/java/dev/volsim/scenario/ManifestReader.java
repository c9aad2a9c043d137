package dev.volsim.scenario;

import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.Manifest;
import dev.volsim.model.io.ManifestException;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.model.io.Problem;
import dev.volsim.model.io.Trees;
import dev.volsim.model.io.YNode;
import dev.volsim.model.io.YNode.Entry;
import dev.volsim.model.io.YNode.ScalarKind;
import dev.volsim.model.io.YNode.YList;
import dev.volsim.model.io.YNode.YMap;
import dev.volsim.model.io.YNode.YScalar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the manifests of {@code objects} items and {@code apply} steps: {@code file:} (confined
 * to the scenario's folder, symbolic links resolved; several documents and {@code kind: List}),
 * {@code manifest:} and {@code manifests:}. Manifests without run-time references are decoded and
 * validated now, their problems reported at their place in the scenario or the file.
 */
final class ManifestReader {
  static final List<String> KEYS = List.of("file", "manifest", "manifests");

  private final Path scenarioFile;
  private final Path folder;
  private final ScenarioErrors errors;
  private final ManifestLoader loader = ManifestLoader.strict();

  /**
   * @param scenarioFile the scenario file as the user named it
   * @param folder the scenario's folder, symbolic links resolved, or null when it cannot be
   *     resolved (then every {@code file:} is reported unreadable)
   */
  ManifestReader(Path scenarioFile, Path folder, ScenarioErrors errors) {
    this.scenarioFile = scenarioFile;
    this.folder = folder;
    this.errors = errors;
  }

  /**
   * Whether an object that fails to decode or validate is kept for its step to fail on (an
   * {@code apply} with {@code expectError}: the API server's rejection is what the step expects)
   * instead of making the scenario invalid.
   */
  private boolean rejectionExpected;

  /**
   * The manifests of an {@code apply} step that says {@code expectError}: an object the API server
   * would refuse does not make the scenario invalid; the step fails when it runs, with the
   * validation message, and so passes if that is the error it expects.
   */
  List<ScenarioManifest> readExpectingRejection(YNode node, String where) {
    rejectionExpected = true;
    try {
      return read(node, where);
    } finally {
      rejectionExpected = false;
    }
  }

  /** The manifests of one {@code {file|manifest|manifests}} mapping; nothing on errors. */
  List<ScenarioManifest> read(YNode node, String where) {
    List<ScenarioManifest> out = new ArrayList<>();
    YMap map = Nodes.map(node, where, errors);
    if (map == null) {
      return out;
    }
    Map<String, Entry> e = Nodes.entries(map, where, KEYS, errors);
    if (e.isEmpty() && map.entries().isEmpty()) {
      errors.add(map, where + " needs one of file, manifest, manifests");
    }
    if (e.containsKey("file")) {
      YNode f = e.get("file").value();
      String name = Nodes.nonEmptyString(f, where + ".file", errors);
      if (name != null) {
        readFile(f, name, out);
      }
    }
    if (e.containsKey("manifest")) {
      decode(e.get("manifest").value(), out);
    }
    if (e.containsKey("manifests")) {
      YList list = Nodes.list(e.get("manifests").value(), where + ".manifests", errors);
      if (list != null) {
        for (YNode item : list.items()) {
          decode(item, out);
        }
      }
    }
    return out;
  }

  private void readFile(YNode at, String name, List<ScenarioManifest> out) {
    if (name.contains("${")) {
      errors.add(at, "file \"" + name + "\": a file name cannot hold run-time references");
      return;
    }
    Path relative;
    try {
      relative = Path.of(name);
    } catch (InvalidPathException e) {
      errors.add(at, "file \"" + name + "\" is not a valid path: " + e.getReason());
      return;
    }
    if (folder == null) {
      errors.add(at, "cannot read file \"" + name + "\": the scenario's folder cannot be read");
      return;
    }
    Path target = folder.resolve(relative).normalize();
    if (!target.startsWith(folder)) {
      errors.add(at, "file \"" + name + "\" is outside the scenario's folder");
      return;
    }
    byte[] bytes;
    try {
      Path real = target.toRealPath();
      if (!real.startsWith(folder)) {
        errors.add(at, "file \"" + name + "\" is outside the scenario's folder (through a symbolic link)");
        return;
      }
      if (Files.isDirectory(real)) {
        errors.add(at, "cannot read file \"" + name + "\": it is a folder");
        return;
      }
      bytes = Files.readAllBytes(real);
    } catch (NoSuchFileException e) {
      errors.add(at, "cannot read file \"" + name + "\": no such file");
      return;
    } catch (IOException | SecurityException e) {
      errors.add(at, "cannot read file \"" + name + "\": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      return;
    }
    String shown = scenarioFile.resolveSibling(relative).normalize().toString();
    List<YNode> documents;
    try {
      documents = loader.readTrees(shown, bytes);
    } catch (ManifestException e) {
      errors.add(e.location(), e.getMessage());
      return;
    }
    int before = out.size();
    boolean any = false;
    for (YNode doc : documents) {
      if (doc instanceof YScalar s && s.kind() == ScalarKind.NULL) {
        continue; // an empty document, as between two "---"
      }
      any = true;
      decode(doc, out);
    }
    if (!any && out.size() == before) {
      errors.add(at, "file \"" + name + "\" holds no objects");
    }
  }

  private void decode(YNode doc, List<ScenarioManifest> out) {
    if (Nodes.hasReference(doc)) {
      if (doc instanceof YMap) {
        Templates.checkTree(doc, errors);
        out.add(ScenarioManifest.deferred(doc.location(), Trees.toPlain(doc)));
      } else {
        errors.add(doc, "expected a Kubernetes object (a mapping with apiVersion and kind), got "
            + Nodes.describe(doc));
      }
      return;
    }
    LoadResult r = loader.decode(doc);
    if (rejectionExpected && !r.ok() && doc instanceof YMap) {
      out.add(ScenarioManifest.deferred(doc.location(), Trees.toPlain(doc)));
      return;
    }
    for (Problem p : r.problems()) {
      if (p.isError()) {
        errors.add(p.location(), p.message());
      }
    }
    if (r.ok()) {
      for (Manifest m : r.manifests()) {
        out.add(ScenarioManifest.decoded(m.location(), m.object()));
      }
    }
  }
}
