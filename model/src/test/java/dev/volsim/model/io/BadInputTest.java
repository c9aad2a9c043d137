package dev.volsim.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.volsim.model.Kinds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken input: each gives one (or a few) one-line problems naming the file, line and
 * column, quickly and in bounded memory, and never an exception. The timeouts only guard against
 * hangs (10 s for what takes milliseconds); speed itself is not asserted.
 */
class BadInputTest {
  private static final Duration GUARD = Duration.ofSeconds(10);
  private static final String FILE = "bad.yaml";

  private static LoadResult load(String text) {
    return load(text.getBytes(StandardCharsets.UTF_8));
  }

  private static LoadResult load(byte[] bytes) {
    return assertTimeoutPreemptively(GUARD, () -> ManifestLoader.strict().parse(FILE, bytes));
  }

  /** The single problem, an error on one line that starts with {@code bad.yaml:line:col: }. */
  private static Problem onlyError(LoadResult result) {
    assertThat(result.manifests()).isEmpty();
    assertThat(result.problems()).hasSize(1);
    Problem p = result.problems().get(0);
    assertThat(p.isError()).isTrue();
    assertOneLine(p);
    return p;
  }

  private static void assertOneLine(Problem p) {
    assertThat(p.toString()).matches(Pattern.quote(FILE) + ":[1-9][0-9]*:[1-9][0-9]*: \\S.*")
        .doesNotContain("\n").doesNotContain("\r");
  }

  // ------------------------------------------------------------ syntax

  @Test
  void malformedYaml() {
    Problem p = onlyError(load("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n data: y\n"));
    assertThat(p.location().line()).isEqualTo(5);
    assertThat(p.message()).startsWith("yaml: ");
  }

  @Test
  void unclosedFlowSequence() {
    Problem p = onlyError(load("apiVersion: v1\nkind: ConfigMap\nmetadata: [\n"));
    assertThat(p.message()).startsWith("yaml: ");
  }

  @Test
  void tabIndentation() {
    Problem p = onlyError(load("apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n"));
    assertThat(p.location().line()).isEqualTo(4);
    assertThat(p.message()).startsWith("yaml: ");
  }

  @Test
  void jsonWithASyntaxError() {
    Problem p = onlyError(load("{\"apiVersion\": \"v1\",\n \"kind\": \"ConfigMap\",,\n \"metadata\": {}}"));
    assertThat(p.location().line()).isEqualTo(2);
    assertThat(p.message()).startsWith("json: ");
  }

  @Test
  void truncatedJson() {
    Problem p = onlyError(load("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\""));
    assertThat(p.message()).startsWith("json: ");
  }

  @Test
  void controlCharacters() {
    Problem p = onlyError(load("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\u0000y\n"));
    assertThat(p.location().line()).isEqualTo(4);
  }

  @Test
  void aNonStringKey() {
    Problem p = onlyError(load("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  ? [a, b]\n  : x\n"));
    assertThat(p.message()).contains("key");
  }

  // ------------------------------------------------------------ types and fields

  @Test
  void wrongTypeInAConfigMap() {
    Problem p = onlyError(load("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: [1]\n"));
    assertThat(p.toString()).startsWith(FILE + ":6:3: data[a]: ").contains("array");
  }

  @Test
  void wrongTypeForAnEmptyDirSizeLimit() {
    assumeTrue(Kinds.lookup("v1", "Pod").isPresent(), "the Pod kind is not there yet");
    Problem p = onlyError(load("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: c
            image: busybox
          volumes:
          - name: cache
            emptyDir:
              sizeLimit: [1]
        """));
    assertThat(p.toString()).startsWith(FILE + ":12:7: spec.volumes[0].emptyDir.sizeLimit: ")
        .contains("array");
  }

  @Test
  void duplicateKeys() {
    Problem p = onlyError(load("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n"));
    assertThat(p.toString()).isEqualTo(FILE + ":5:3: duplicate field \"metadata.name\"");
  }

  @Test
  void anUnknownKind() {
    Problem p = onlyError(load("apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n"));
    assertThat(p.toString()).isEqualTo(FILE + ":1:1: no matches for kind \"Foo\" in version \"v1\"");
  }

  @Test
  void missingKindAndApiVersion() {
    Problem p = onlyError(load("metadata:\n  name: x\n"));
    assertThat(p.message()).contains("apiVersion not set").contains("kind not set");
  }

  @Test
  void missingKind() {
    Problem p = onlyError(load("apiVersion: v1\nmetadata:\n  name: x\n"));
    assertThat(p.message()).contains("kind not set").doesNotContain("apiVersion");
  }

  @Test
  void aScalarDocument() {
    Problem p = onlyError(load("just a string\n"));
    assertThat(p.message()).contains("expected a Kubernetes object");
  }

  // ------------------------------------------------------------ encoding and emptiness

  @Test
  void notUtf8() {
    byte[] bytes = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf\u00e9\n"
        .getBytes(StandardCharsets.ISO_8859_1);
    Problem p = onlyError(load(bytes));
    assertThat(p.location().line()).isEqualTo(4);
    assertThat(p.message()).startsWith("invalid UTF-8");
  }

  @Test
  void binaryGarbage() {
    byte[] bytes = new byte[4096];
    new java.util.SplittableRandom(7).nextBytes(bytes);
    onlyError(load(bytes));
  }

  /**
   * An empty file holds no objects and no problem: the loader says nothing, and it is {@code volsim
   * validate} that, like {@code kubectl apply} ("no objects passed to apply"), fails when all its
   * inputs together hold no object.
   */
  @Test
  void anEmptyFileHasNoObjectsAndNoProblem() {
    for (String text : new String[] {"", "\n", "---\n", "# only a comment\n", "---\n---\n...\n"}) {
      LoadResult r = load(text);
      assertThat(r.manifests()).as("%s", text).isEmpty();
      assertThat(r.problems()).as("%s", text).isEmpty();
    }
  }

  @Test
  void manyEmptyDocuments() {
    LoadResult r = load("---\n".repeat(200_000));
    assertThat(r.problems()).isEmpty();
    assertThat(r.manifests()).isEmpty();
  }

  // ------------------------------------------------------------ resource exhaustion

  /** "Billion laughs": 9 levels of 9 aliases would expand to 9^9 values. */
  @Test
  void aliasBomb() {
    StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
    sb.append("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char prev = (char) (c - 1);
      sb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        sb.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      sb.append("]\n");
    }
    Problem p = onlyError(load(sb.toString()));
    assertThat(p.message()).contains("excessive aliasing");
  }

  @Test
  void aliasBombThroughMergeKeys() {
    StringBuilder sb = new StringBuilder("a0: &a0 {k: v}\n");
    for (int level = 1; level <= 9; level++) {
      sb.append("a").append(level).append(": &a").append(level).append(" {<<: [");
      for (int i = 0; i < 9; i++) {
        sb.append(i == 0 ? "" : ", ").append("*a").append(level - 1);
      }
      sb.append("]}\n");
    }
    onlyError(load(sb.toString()));
  }

  @Test
  void aRecursiveAlias() {
    Problem p = onlyError(load("apiVersion: v1\nkind: ConfigMap\nmetadata: &m\n  name: x\n  self: *m\n"));
    assertThat(p.message()).startsWith("yaml: ");
  }

  @Test
  void deepFlowNestingInYaml() {
    String text = "apiVersion: v1\nkind: ConfigMap\ndata: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    Problem p = onlyError(load(text));
    assertThat(p.message()).contains("nested too deeply");
  }

  @Test
  void deepFlowMappingNestingInYaml() {
    String text = "a: " + "{a: ".repeat(10_000) + "x" + "}".repeat(10_000) + "\n";
    Problem p = onlyError(load(text));
    assertThat(p.message()).contains("nested too deeply");
  }

  @Test
  void deepNestingInJson() {
    Problem p = onlyError(load("[".repeat(10_000) + "]".repeat(10_000)));
    assertThat(p.message()).startsWith("json: ").contains("nesting depth");
  }

  @Test
  void deepUnclosedNestingInJson() {
    onlyError(load("{\"a\":".repeat(10_000)));
  }

  @Test
  void deepBlockNesting() {
    Problem p = onlyError(load("- ".repeat(10_000) + "x\n"));
    assertThat(p.message()).contains("nested too deeply");
  }

  @Test
  void deepIndentedBlockNesting() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 2_000; i++) {
      sb.append(" ".repeat(i)).append("k").append(":\n");
    }
    Problem p = onlyError(load(sb.toString()));
    assertThat(p.message()).contains("nested too deeply");
  }

  @Test
  void aFiftyMebibyteYamlDocument() {
    byte[] bytes = new byte[50 << 20];
    Arrays.fill(bytes, (byte) 'a');
    byte[] head = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  big: ".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(head, 0, bytes, 0, head.length);
    Problem p = onlyError(load(bytes));
    assertThat(p.message()).contains("size limit");
  }

  @Test
  void aFiftyMebibyteJsonDocument() {
    byte[] bytes = new byte[50 << 20];
    Arrays.fill(bytes, (byte) ' ');
    byte[] head = "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"data\": {\"big\": \"".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[bytes.length - 2] = '"';
    bytes[bytes.length - 1] = '}';
    Problem p = onlyError(load(bytes));
    assertThat(p.message()).startsWith("json: ");
  }

  @Test
  void aFileOverTheFileLimit() {
    ManifestLoader tight = ManifestLoader.strict().withLimits(new ReadLimits(1024, 1024, 100, 1000, 10));
    LoadResult r = assertTimeoutPreemptively(GUARD, () -> tight.parse(FILE, new byte[4096]));
    Problem p = onlyError(r);
    assertThat(p.message()).contains("more than the limit");
  }

  @Test
  void manyLongKeys() {
    StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n");
    for (int i = 0; i < 20_000; i++) {
      sb.append("  k").append(i).append(": v\n");
    }
    LoadResult r = load(sb.toString());
    assertThat(r.problems()).allSatisfy(BadInputTest::assertOneLine);
  }
}
