package dev.volsim.scenario.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.volsim.core.api.ApiServer;
import dev.volsim.model.KubeObject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FieldPathExprTest {
  private static final ApiServer API = Fixtures.api();

  static Stream<Arguments> paths() {
    return Stream.of(
        Arguments.of("pvc/data", "status.phase", "Bound"),
        Arguments.of("pvc/data", ".status.phase", "Bound"),
        Arguments.of("pvc/data", "spec.volumeName", "pvc-1.2"),
        Arguments.of("pvc/data", "metadata.annotations[\"pv.kubernetes.io/bind-completed\"]", "yes"),
        Arguments.of("pvc/data", "metadata.annotations['pv.kubernetes.io/bind-completed']", "yes"),
        Arguments.of("pvc/data", "metadata.annotations[pv.kubernetes.io/bind-completed]", "yes"),
        Arguments.of("pvc/data", "status.capacity.storage", "1Gi"),
        Arguments.of("pvc/data", "status.conditions[type=Resizing].status", "False"),
        Arguments.of("pod/db/redis-0", "spec.containers[0].name", "redis"),
        Arguments.of("pod/db/redis-0", "spec.containers[1].image", "busybox"),
        Arguments.of("pod/db/redis-0", "status.conditions[type=Ready].status", "True"),
        Arguments.of("pod/db/redis-0", "status.conditions[type==Ready].status", "True"),
        Arguments.of("pod/db/redis-0", "status.containerStatuses[name=redis].restartCount", 2),
        Arguments.of("pod/db/redis-0", "status.containerStatuses[name=\"sidecar\"].image", "busybox"),
        Arguments.of("pod/db/redis-0", "spec.tolerations[key=node.kubernetes.io/out-of-service].effect", "NoExecute"),
        Arguments.of("node/node-1", "spec.taints[key=node.kubernetes.io/out-of-service].value", "nodeshutdown"),
        Arguments.of("node/node-1", "metadata.labels[\"topology.kubernetes.io/zone\"]", "zone-a"),
        Arguments.of("cm/conf", "data.plain", "p"),
        Arguments.of("cm/conf", "data[key.with.dots]", "v1"),
        Arguments.of("pv/pvc-1.2", "spec.claimRef.name", "data"),
        Arguments.of("pv/pvc-1.2", "spec.nfs.server", "nfs.ilinux.io"),
        Arguments.of("pv/pvc-1.2", "kind", "PersistentVolume"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("paths")
  void evaluatesOnTheSerializedObject(String ref, String path, Object expected) throws ExprException {
    KubeObject o = ObjectRef.parse(ref).resolve(API);
    assertThat(FieldPathExpr.parse(path).evaluate(o)).contains(expected);
  }

  @Test
  void missingStepsGiveEmpty() throws ExprException {
    KubeObject pod = ObjectRef.parse("pod/db/redis-0").resolve(API);
    for (String path : List.of("status.nope", "spec.containers[7].name", "status.conditions[type=Nope].status",
        "spec.containers.name", "metadata.name[0]", "status.phase.deeper", "metadata.annotations[\"x\"]")) {
      assertThat(FieldPathExpr.parse(path).evaluate(pod)).as(path).isEmpty();
    }
  }

  @Test
  void mapsAndListsAreReturnedWhole() throws ExprException {
    KubeObject pvc = ObjectRef.parse("pvc/data").resolve(API);
    Object capacity = FieldPathExpr.parse("status.capacity").evaluate(pvc).orElseThrow();
    assertThat(FieldPathExpr.text(capacity)).isEqualTo("{\"storage\":\"1Gi\"}");
    assertThat(FieldPathExpr.text(FieldPathExpr.parse("spec.accessModes").evaluate(pvc).orElseThrow()))
        .isEqualTo("[\"ReadWriteOnce\"]");
  }

  @Test
  void textIsTheSerializedText() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", 1L);
    m.put("a", List.of("x\"y", true));
    m.put("n", null);
    assertThat(FieldPathExpr.text("1")).isEqualTo("1");
    assertThat(FieldPathExpr.text(1L)).isEqualTo("1");
    assertThat(FieldPathExpr.text(new BigDecimal("1.50"))).isEqualTo("1.50");
    assertThat(FieldPathExpr.text(true)).isEqualTo("true");
    assertThat(FieldPathExpr.text(m)).isEqualTo("{\"b\":1,\"a\":[\"x\\\"y\",true],\"n\":null}");
  }

  static Stream<Arguments> canonical() {
    return Stream.of(
        Arguments.of("status.phase", "status.phase"),
        Arguments.of("metadata.annotations['a.b/c']", "metadata.annotations[\"a.b/c\"]"),
        Arguments.of("data[key.with.dots]", "data[\"key.with.dots\"]"),
        Arguments.of("spec.taints[key=node.kubernetes.io/out-of-service].effect",
            "spec.taints[key=node.kubernetes.io/out-of-service].effect"),
        Arguments.of("a[k=\"x]y\"].b", "a[k=\"x]y\"].b"),
        Arguments.of("spec.containers[0].name", "spec.containers[0].name"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("canonical")
  void printsCanonicallyAndReparses(String text, String canonical) throws ExprException {
    FieldPathExpr p = FieldPathExpr.parse(text);
    assertThat(p).hasToString(canonical);
    assertThat(FieldPathExpr.parse(canonical)).isEqualTo(p);
  }

  @Test
  void quotedSelectorValueMayHoldABracket() throws ExprException {
    Map<String, Object> tree = Map.of("a", List.of(Map.of("k", "x]y", "b", "found")));
    assertThat(FieldPathExpr.parse("a[k=\"x]y\"].b").evaluate(tree)).contains("found");
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("", "empty field path"),
        Arguments.of("a..b", "bad field path \"a..b\": empty field name at offset 3"),
        Arguments.of("a.", "bad field path \"a.\": ends with \".\""),
        Arguments.of("a[0", "bad field path \"a[0\": \"[\" at offset 2 is never closed"),
        Arguments.of("a[]", "bad field path \"a[]\": empty [] at offset 2"),
        Arguments.of("a[\"x].b", "bad field path \"a[\"x].b\": unterminated quote at offset 3"),
        Arguments.of("a[0]b", "bad field path \"a[0]b\": unexpected \"b\" at offset 5"),
        Arguments.of("a[=x]", "bad field path \"a[=x]\": empty key in [=x]"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("errors")
  void rejectsBadPaths(String text, String message) {
    assertThatThrownBy(() -> FieldPathExpr.parse(text)).isInstanceOf(ExprException.class).hasMessage(message);
  }
}
