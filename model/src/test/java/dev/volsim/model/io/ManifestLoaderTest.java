package dev.volsim.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.model.Bytes;
import dev.volsim.model.core.ConfigMap;
import dev.volsim.model.core.Namespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading streams of documents as {@code kubectl apply -f} does, with exact problem texts. */
class ManifestLoaderTest {
  private static final ManifestLoader STRICT = ManifestLoader.strict();

  private static List<String> problems(LoadResult r) {
    return r.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void readsSeveralDocumentsSeparatedByDashes() {
    LoadResult r = STRICT.parse("two.yaml", """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        # a comment-only document is skipped
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cfg, namespace: shop}
        data: {a: "1"}
        """);
    assertThat(problems(r)).isEmpty();
    assertThat(r.objects()).hasSize(2);
    assertThat(r.objects().get(0)).isInstanceOf(Namespace.class);
    assertThat(((ConfigMap) r.objects().get(1)).data()).containsEntry("a", "1");
    assertThat(r.manifests().get(1).location()).isEqualTo(new Location("two.yaml", 7, 1));
  }

  @Test
  void expandsKindList() {
    LoadResult r = STRICT.parse("list.yaml", """
        apiVersion: v1
        kind: List
        items:
        - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}
        - {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}
        """);
    assertThat(problems(r)).isEmpty();
    assertThat(r.objects()).extracting(o -> o.metadata().name()).containsExactly("a", "b");
  }

  @Test
  void readsJsonStreams() {
    LoadResult r = STRICT.parse("cm.json", """
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}, "data": {"k": "v"}}
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "b"}}
        """);
    assertThat(problems(r)).isEmpty();
    assertThat(r.objects()).hasSize(2);
  }

  @Test
  void unknownFieldIsAnErrorWhenStrictAndAWarningWhenLenient() {
    String yaml = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cfg
          lables: {app: web}
        """;
    assertThat(problems(STRICT.parse("cm.yaml", yaml)))
        .containsExactly("cm.yaml:5:3: unknown field \"metadata.lables\"");
    LoadResult lenient = ManifestLoader.lenient().parse("cm.yaml", yaml);
    assertThat(problems(lenient)).containsExactly("cm.yaml:5:3: warning: unknown field \"metadata.lables\"");
    assertThat(lenient.ok()).isTrue();
    assertThat(lenient.objects()).hasSize(1);
  }

  @Test
  void duplicateFieldIsNamedByItsPath() {
    LoadResult r = STRICT.parse("cm.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: a
          name: b
        """);
    assertThat(problems(r)).containsExactly("cm.yaml:5:3: duplicate field \"metadata.name\"");
  }

  @Test
  void wrongTypeIsADecodeErrorAndStopsValidation() {
    LoadResult r = STRICT.parse("cm.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: BAD_NAME
        data:
          port: 8080
        """);
    assertThat(problems(r)).containsExactly(
        "cm.yaml:6:3: data[port]: Invalid type: cannot unmarshal number 8080 into a field of type string");
  }

  @Test
  void yaml11ScalarsResolveAsKubernetesReadsThem() {
    LoadResult r = STRICT.parse("cm.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: a}
        immutable: yes
        data: {mode: "0644", quoted: 'yes'}
        binaryData: {b: aGVsbG8=}
        """);
    assertThat(problems(r)).isEmpty();
    ConfigMap cm = (ConfigMap) r.objects().get(0);
    assertThat(cm.immutable()).isTrue();
    assertThat(cm.data()).containsEntry("mode", "0644").containsEntry("quoted", "yes");
    assertThat(cm.binaryData()).containsEntry("b", Bytes.utf8("hello"));
  }

  @Test
  void validationErrorsCarryTheFieldsLocation() {
    LoadResult r = STRICT.parse("cm.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: Not_A_Name
        data:
          "bad key": x
        """);
    assertThat(problems(r)).containsExactly(
        "cm.yaml:4:3: metadata.name: Invalid value: \"Not_A_Name\": a lowercase RFC 1123 subdomain must "
            + "consist of lower case alphanumeric characters, '-' or '.', and must start and end with an "
            + "alphanumeric character (e.g. 'example.com', regex used for validation is "
            + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        "cm.yaml:6:3: data[bad key]: Invalid value: \"bad key\": a valid config key must consist of "
            + "alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', "
            + "regex used for validation is '[-._a-zA-Z0-9]+')");
    assertThat(r.objects()).isEmpty();
  }

  @Test
  void missingKindAndUnknownKindAreNamed() {
    assertThat(problems(STRICT.parse("x.yaml", "metadata: {name: a}\n")))
        .containsExactly("x.yaml:1:1: error validating data: apiVersion not set, kind not set");
    assertThat(problems(STRICT.parse("x.yaml", "apiVersion: v1\nkind: Foo\nmetadata: {name: a}\n")))
        .containsExactly("x.yaml:1:1: no matches for kind \"Foo\" in version \"v1\"");
    assertThat(problems(STRICT.parse("x.yaml", "- a\n- b\n")))
        .containsExactly("x.yaml:1:1: expected a Kubernetes object (a mapping with apiVersion and kind), got array");
  }

  @Test
  void malformedYamlNamesLineAndColumn() {
    assertThat(problems(STRICT.parse("bad.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  x: [1, 2\n")))
        .singleElement().asString().startsWith("bad.yaml:").contains("yaml: ");
  }

  @Test
  void aliasesAndMergeKeysWork() {
    LoadResult r = STRICT.parse("a.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: a
          labels: &l {app: web}
          annotations:
            <<: *l
            extra: "1"
        """);
    assertThat(problems(r)).isEmpty();
    assertThat(r.objects().get(0).metadata().annotations()).containsEntry("app", "web").containsEntry("extra", "1");
  }

  @Test
  void loadsFoldersInNameOrderAndSkipsOtherFiles(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("b.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n");
    Files.writeString(dir.resolve("a.yml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
    Files.writeString(dir.resolve("c.json"), "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"}}");
    Files.writeString(dir.resolve("notes.txt"), "not a manifest");
    LoadResult r = STRICT.load(dir);
    assertThat(problems(r)).isEmpty();
    assertThat(r.objects()).extracting(o -> o.metadata().name()).containsExactly("a", "b", "c");
  }

  @Test
  void missingPathIsAProblemNotAnException(@TempDir Path dir) {
    LoadResult r = STRICT.load(dir.resolve("nope.yaml"));
    assertThat(r.ok()).isFalse();
    assertThat(r.problems().get(0).message()).contains("does not exist");
  }

  @Test
  void writerOutputIsCanonicalAndReadsBack() {
    LoadResult r = STRICT.parse("cm.yaml", """
        kind: ConfigMap
        apiVersion: v1
        data: {b: "2", a: "yes", multi: "line1\\nline2\\n"}
        metadata: {name: cfg}
        """);
    ConfigMap cm = (ConfigMap) r.objects().get(0);
    assertThat(ManifestWriter.toYaml(cm)).isEqualTo("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cfg
        data:
          a: "yes"
          b: "2"
          multi: |
            line1
            line2
        """);
    assertThat(ManifestWriter.toJson(cm)).isEqualTo(
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cfg\"},"
            + "\"data\":{\"a\":\"yes\",\"b\":\"2\",\"multi\":\"line1\\nline2\\n\"}}");
  }
}
