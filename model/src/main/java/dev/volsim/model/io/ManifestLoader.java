package dev.volsim.model.io;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.KindInfo;
import dev.volsim.model.Kinds;
import dev.volsim.model.KubeObject;
import dev.volsim.model.io.YNode.Entry;
import dev.volsim.model.io.YNode.ScalarKind;
import dev.volsim.model.io.YNode.YList;
import dev.volsim.model.io.YNode.YMap;
import dev.volsim.model.io.YNode.YScalar;
import dev.volsim.model.validation.ErrorType;
import dev.volsim.model.validation.FieldError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads manifests as {@code kubectl apply -f} does: files or folders (their {@code .yaml},
 * {@code .yml} and {@code .json} files, in name order), YAML streams of {@code ---}-separated
 * documents or JSON, {@code kind: List} expanded; each object dispatched on apiVersion and kind,
 * decoded strictly (unknown or duplicate fields are errors, or warnings when lenient), defaulted,
 * then validated as the API server would.
 *
 * <p>Never throws for bad input: every problem is a {@link Problem} naming file, line and column.
 * Instances are immutable and may be shared.
 */
public final class ManifestLoader {
  private static final String[] EXTENSIONS = {".yaml", ".yml", ".json"};

  private final boolean strict;
  private final boolean validate;
  private final ReadLimits limits;

  private ManifestLoader(boolean strict, boolean validate, ReadLimits limits) {
    this.strict = strict;
    this.validate = validate;
    this.limits = limits;
  }

  /** Unknown and duplicate fields are errors (kubectl's default, {@code --validate=strict}). */
  public static ManifestLoader strict() {
    return new ManifestLoader(true, true, ReadLimits.DEFAULT);
  }

  /** Unknown and duplicate fields are warnings ({@code --validate=warn}). */
  public static ManifestLoader lenient() {
    return new ManifestLoader(false, true, ReadLimits.DEFAULT);
  }

  /** The same loader with other limits. */
  public ManifestLoader withLimits(ReadLimits newLimits) {
    return new ManifestLoader(strict, validate, newLimits);
  }

  /** The same loader without API validation (decoding problems are still reported). */
  public ManifestLoader withoutValidation() {
    return new ManifestLoader(strict, false, limits);
  }

  /** Loads files and folders, in the order given. */
  public LoadResult load(List<Path> paths) {
    List<Manifest> manifests = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path p : paths) {
      for (Path file : expand(p, problems)) {
        byte[] bytes;
        try {
          long size = Files.size(file);
          if (size > limits.maxFileBytes()) {
            problems.add(Problem.error(Location.startOf(file.toString()), "file is " + size
                + " bytes, more than the limit of " + limits.maxFileBytes() + " bytes"));
            continue;
          }
          bytes = Files.readAllBytes(file);
        } catch (IOException e) {
          problems.add(Problem.error(Location.startOf(file.toString()), "cannot read file: " + describe(e)));
          continue;
        }
        parseInto(file.toString(), bytes, manifests, problems);
      }
    }
    return new LoadResult(ImmutableList.copyOf(manifests), ImmutableList.copyOf(problems));
  }

  /** Loads one file or folder. */
  public LoadResult load(Path path) {
    return load(List.of(path));
  }

  /** Reads manifests from text, naming it {@code fileName} in problems. */
  public LoadResult parse(String fileName, String text) {
    return parse(fileName, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Reads manifests from bytes, naming them {@code fileName} in problems. */
  public LoadResult parse(String fileName, byte[] bytes) {
    List<Manifest> manifests = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    parseInto(fileName, bytes, manifests, problems);
    return new LoadResult(ImmutableList.copyOf(manifests), ImmutableList.copyOf(problems));
  }

  /**
   * Reads a file's documents as located trees without decoding them, for formats that embed
   * manifests (scenario files).
   *
   * @throws ManifestException if the text is not readable YAML or JSON within the limits
   */
  public List<YNode> readTrees(String fileName, byte[] bytes) throws ManifestException {
    return new TreeReader(limits).read(fileName, bytes);
  }

  /**
   * Decodes and validates one document tree (a manifest embedded in another file, or a plain
   * tree made with {@link Trees#fromPlain}) exactly as a document of a file would be.
   */
  public LoadResult decode(YNode document) {
    List<Manifest> manifests = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    decodeDocument(document, manifests, problems, 0);
    return new LoadResult(ImmutableList.copyOf(manifests), ImmutableList.copyOf(problems));
  }

  private List<Path> expand(Path p, List<Problem> problems) {
    if (!Files.exists(p)) {
      problems.add(Problem.error(Location.startOf(p.toString()), "the path \"" + p + "\" does not exist"));
      return List.of();
    }
    if (!Files.isDirectory(p)) {
      return List.of(p);
    }
    try (Stream<Path> files = Files.list(p)) {
      return files.filter(f -> Files.isRegularFile(f) && hasManifestExtension(f))
          .sorted()
          .toList();
    } catch (IOException e) {
      problems.add(Problem.error(Location.startOf(p.toString()), "cannot read folder: " + describe(e)));
      return List.of();
    }
  }

  private static boolean hasManifestExtension(Path f) {
    String name = f.getFileName().toString();
    for (String ext : EXTENSIONS) {
      if (name.endsWith(ext)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private void parseInto(String file, byte[] bytes, List<Manifest> manifests, List<Problem> problems) {
    List<YNode> documents;
    try {
      documents = new TreeReader(limits).read(file, bytes);
    } catch (ManifestException e) {
      problems.add(Problem.error(e.location(), e.getMessage()));
      return;
    }
    for (YNode doc : documents) {
      decodeDocument(doc, manifests, problems, 0);
    }
  }

  private void decodeDocument(YNode doc, List<Manifest> manifests, List<Problem> problems, int listDepth) {
    if (!(doc instanceof YMap map)) {
      problems.add(Problem.error(doc.location(), "expected a Kubernetes object (a mapping with "
          + "apiVersion and kind), got " + doc.typeName()));
      return;
    }
    String apiVersion = stringField(map, "apiVersion");
    String kind = stringField(map, "kind");
    if (apiVersion == null || kind == null) {
      List<String> missing = new ArrayList<>();
      if (apiVersion == null) {
        missing.add("apiVersion not set");
      }
      if (kind == null) {
        missing.add("kind not set");
      }
      problems.add(Problem.error(map.location(), "error validating data: " + String.join(", ", missing)));
      return;
    }
    if (kind.endsWith("List") && apiVersion.equals("v1") && listDepth == 0
        && Kinds.lookup(apiVersion, kind).isEmpty()) {
      expandList(map, manifests, problems);
      return;
    }
    var info = Kinds.lookup(apiVersion, kind);
    if (info.isEmpty()) {
      problems.add(Problem.error(map.location(),
          "no matches for kind \"" + kind + "\" in version \"" + apiVersion + "\""));
      return;
    }
    decodeObject(map, info.get(), manifests, problems);
  }

  private void expandList(YMap list, List<Manifest> manifests, List<Problem> problems) {
    for (Entry e : list.entries()) {
      switch (e.key()) {
        case "apiVersion", "kind", "metadata" -> { }
        case "items" -> {
          if (e.value() instanceof YList items) {
            for (YNode item : items.items()) {
              decodeDocument(item, manifests, problems, 1);
            }
          } else if (!(e.value() instanceof YScalar s && s.kind() == ScalarKind.NULL)) {
            problems.add(Problem.error(e.value().location(), "items: Invalid type: expected an array"));
          }
        }
        default -> problems.add(strict
            ? Problem.error(e.keyLocation(), "unknown field \"" + e.key() + "\"")
            : Problem.warning(e.keyLocation(), "unknown field \"" + e.key() + "\""));
      }
    }
  }

  private <T extends KubeObject> void decodeObject(
      YMap map, KindInfo<T> info, List<Manifest> manifests, List<Problem> problems) {
    List<FieldError> decodeErrors = new ArrayList<>();
    SourceMap sourceMap = new SourceMap(map.location());
    T object = Codec.decodeObject(map, info.type(), decodeErrors, sourceMap);
    boolean rejected = object == null;
    List<FieldError> reported = new ArrayList<>();
    for (FieldError err : decodeErrors) {
      boolean warnOnly = !strict && (err.type() == ErrorType.UNKNOWN_FIELD || err.type() == ErrorType.DUPLICATE_FIELD);
      Location at = sourceMap.locate(err);
      if (warnOnly) {
        problems.add(Problem.warning(at, err.toString()));
      } else {
        problems.add(Problem.error(at, err.toString()));
        reported.add(err);
        rejected = true;
      }
    }
    boolean fatal = object == null || reported.stream().anyMatch(e -> e.type().isDecodeError());
    if (validate && !fatal) {
      for (FieldError err : info.validate(object)) {
        if (overlapsReported(err, reported)) {
          continue;
        }
        problems.add(Problem.error(sourceMap.locate(err), err.toString()));
        rejected = true;
      }
    }
    if (!rejected) {
      manifests.add(new Manifest(object, sourceMap));
    }
  }

  /** A validation error on a field whose value the decoder already rejected says nothing new. */
  private static boolean overlapsReported(FieldError err, List<FieldError> reported) {
    String path = err.field().toString();
    for (FieldError r : reported) {
      String rp = r.field().toString();
      if (path.equals(rp) || rp.startsWith(path + ".") || rp.startsWith(path + "[")) {
        return true;
      }
    }
    return false;
  }

  private static String stringField(YMap map, String key) {
    for (Entry e : map.entries()) {
      if (e.key().equals(key) && e.value() instanceof YScalar s && s.kind() == ScalarKind.STRING
          && !s.text().isEmpty()) {
        return s.text();
      }
    }
    return null;
  }
}
