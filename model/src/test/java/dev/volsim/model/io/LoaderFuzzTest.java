package dev.volsim.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mutates valid manifests 10,000 times (byte flips, truncation, duplicated, deleted and swapped
 * lines, inserted YAML punctuation) and checks that the loader never throws, never hangs and
 * reports every problem on one line naming the file.
 *
 * <p>Deterministic: the seed is {@value #DEFAULT_SEED} unless {@code -Dvolsim.fuzz.seed=N} says
 * otherwise; a failure prints the seed, the mutant's number and the mutant itself, and the same
 * seed replays the same mutants. {@code -Dvolsim.fuzz.count=N} changes the number of mutants.
 */
class LoaderFuzzTest {
  private static final long DEFAULT_SEED = 20_240_611L;
  private static final int DEFAULT_COUNT = 10_000;
  private static final String FILE = "mutant.yaml";
  private static final String[] TOKENS = {
      ":", ": ", "-", "- ", "[", "]", "{", "}", "&a ", "*a", "\t", "\"", "'", "? ", "<<: *a\n",
      "---\n", "...\n", "!!binary ", "!!map ", "%YAML 1.1\n", "|", ">", "#", ",", "\\", "\u0000",
      "\uFEFF", "0x", "1e400", "~", "&a [*a]", "\n  ", "\n"};

  private static final List<String> INLINE = List.of("""
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        labels:
          app: web
      data:
        mode: "0644"
        list: |
          one
          two
      """, """
      {"apiVersion": "v1", "kind": "ConfigMap",
       "metadata": {"name": "json", "annotations": {"a": "b"}},
       "data": {"k": "v", "n": "1"}}
      """, """
      apiVersion: v1
      kind: List
      items:
      - apiVersion: v1
        kind: Namespace
        metadata:
          name: team-a
      - apiVersion: v1
        kind: ConfigMap
        metadata: &meta
          name: shared
          namespace: team-a
        data: {x: y}
      """, """
      apiVersion: v1
      kind: Pod
      metadata:
        name: shared-cache
      spec:
        containers:
        - name: writer
          image: busybox
          command: ["sh", "-c", "date > /cache/now; sleep 3600"]
          volumeMounts:
          - name: cache
            mountPath: /cache
        - name: reader
          image: busybox
          volumeMounts:
          - {name: cache, mountPath: /data, readOnly: true}
        volumes:
        - name: cache
          emptyDir: {medium: Memory, sizeLimit: 64Mi}
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 1Gi
      """);

  private volatile String current = "";

  @Test
  void theLoaderSurvivesMutatedManifests() throws IOException {
    long seed = Long.getLong("volsim.fuzz.seed", DEFAULT_SEED);
    int count = Integer.getInteger("volsim.fuzz.count", DEFAULT_COUNT);
    List<String> corpus = corpus();
    ManifestLoader strict = ManifestLoader.strict();
    ManifestLoader lenient = ManifestLoader.lenient();
    try {
      assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
          String original = corpus.get(random.nextInt(corpus.size()));
          byte[] mutant = mutate(original, random);
          current = "mutant #" + i + ":\n" + show(mutant);
          ManifestLoader loader = (i & 1) == 0 ? strict : lenient;
          LoadResult result;
          try {
            result = loader.parse(FILE, mutant);
          } catch (Throwable t) {
            throw new AssertionError("the loader threw " + t, t);
          }
          for (Problem p : result.problems()) {
            String line = p.toString();
            if (!line.startsWith(FILE + ":") || line.contains("\n") || line.contains("\r")) {
              throw new AssertionError("not a one-line problem: " + line);
            }
          }
        }
      });
    } catch (AssertionError e) {
      fail("fuzzing failed (replay with -Dvolsim.fuzz.seed=" + seed + "): " + e.getMessage()
          + "\n" + current, e);
    }
  }

  /** The seed chapter's manifests (when the examples are next door) and the inline ones. */
  private static List<String> corpus() throws IOException {
    List<String> corpus = new ArrayList<>(INLINE);
    Path seeds = Path.of("..", "examples", "manifests", "seed");
    if (Files.isDirectory(seeds)) {
      try (Stream<Path> files = Files.list(seeds)) {
        for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
          corpus.add(Files.readString(f, StandardCharsets.UTF_8));
        }
      }
    }
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(INLINE.size());
    return corpus;
  }

  /** One to three random mutations of the text. */
  static byte[] mutate(String original, SplittableRandom random) {
    String text = original;
    byte[] bytes = null;
    int rounds = 1 + random.nextInt(3);
    for (int r = 0; r < rounds; r++) {
      int kind = random.nextInt(7);
      if (kind == 0) {
        bytes = bytes == null ? text.getBytes(StandardCharsets.UTF_8) : bytes;
        if (bytes.length > 0) {
          int at = random.nextInt(bytes.length);
          bytes[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (bytes[at] ^ (1 << random.nextInt(8)));
        }
        continue;
      }
      if (bytes != null) {
        text = new String(bytes, StandardCharsets.ISO_8859_1);
        bytes = null;
      }
      text = switch (kind) {
        case 1 -> text.substring(0, random.nextInt(text.length() + 1));
        case 2 -> duplicateLine(text, random);
        case 3 -> deleteLine(text, random);
        case 4, 5 -> insert(text, TOKENS[random.nextInt(TOKENS.length)], random);
        default -> swapSubtrees(text, random);
      };
    }
    return bytes != null ? bytes : text.getBytes(StandardCharsets.UTF_8);
  }

  private static String insert(String text, String token, SplittableRandom random) {
    int at = random.nextInt(text.length() + 1);
    return text.substring(0, at) + token + text.substring(at);
  }

  private static String duplicateLine(String text, SplittableRandom random) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int i = random.nextInt(lines.size());
    lines.add(i, lines.get(i));
    return String.join("\n", lines);
  }

  private static String deleteLine(String text, SplittableRandom random) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    lines.remove(random.nextInt(lines.size()));
    return String.join("\n", lines);
  }

  /** Swaps two blocks: a line with everything indented deeper below it. */
  private static String swapSubtrees(String text, SplittableRandom random) {
    List<String> lines = List.of(text.split("\n", -1));
    int a = random.nextInt(lines.size());
    int b = random.nextInt(lines.size());
    int aEnd = blockEnd(lines, a);
    int bEnd = blockEnd(lines, b);
    if (a > b) {
      int t = a; a = b; b = t;
      t = aEnd; aEnd = bEnd; bEnd = t;
    }
    if (aEnd > b) {
      return text; // overlapping blocks
    }
    List<String> out = new ArrayList<>(lines.subList(0, a));
    out.addAll(lines.subList(b, bEnd));
    out.addAll(lines.subList(aEnd, b));
    out.addAll(lines.subList(a, aEnd));
    out.addAll(lines.subList(bEnd, lines.size()));
    return String.join("\n", out);
  }

  private static int blockEnd(List<String> lines, int start) {
    int indent = indent(lines.get(start));
    int end = start + 1;
    while (end < lines.size() && (lines.get(end).isBlank() || indent(lines.get(end)) > indent)) {
      end++;
    }
    return end;
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '-')) {
      i++;
    }
    return i;
  }

  /** The mutant as readable text, control characters escaped, cut at 4,000 characters. */
  private static String show(byte[] mutant) {
    String s = new String(mutant, StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && sb.length() < 4000; i++) {
      char c = s.charAt(i);
      sb.append(c < 0x20 && c != '\n' || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
    }
    return sb.toString();
  }
}
