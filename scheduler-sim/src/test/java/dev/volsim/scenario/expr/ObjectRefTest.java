package dev.volsim.scenario.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.volsim.core.api.ApiServer;
import dev.volsim.core.api.ObjectKey;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ObjectRefTest {
  private final ApiServer api = Fixtures.api();

  static Stream<Arguments> canonical() {
    return Stream.of(
        Arguments.of("pvc/data", "persistentvolumeclaim/default/data"),
        Arguments.of("persistentvolumeclaims/default/data", "persistentvolumeclaim/default/data"),
        Arguments.of("PersistentVolumeClaim/data", "persistentvolumeclaim/default/data"),
        Arguments.of("po/db/redis-0", "pod/db/redis-0"),
        Arguments.of("pv/pvc-1.2", "persistentvolume/pvc-1.2"),
        Arguments.of("no/node-1", "node/node-1"),
        Arguments.of("sc/standard", "storageclass/standard"),
        Arguments.of("cm/conf", "configmap/default/conf"),
        Arguments.of("sts/web", "statefulset/default/web"),
        Arguments.of("pod?app=web", "pod/default?app=web"),
        Arguments.of("pods/db?app==redis, role!=replica", "pod/db?app=redis,role!=replica"),
        Arguments.of("pod/db?app in (redis, web),!canary,tier notin (x)", "pod/db?app in (redis,web),!canary,tier notin (x)"),
        Arguments.of("pv?tier", "persistentvolume?tier"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("canonical")
  void parsesToCanonicalText(String text, String canonical) throws ExprException {
    ObjectRef ref = ObjectRef.parse(text);
    assertThat(ref).hasToString(canonical);
    assertThat(ObjectRef.parse(canonical)).isEqualTo(ref);
  }

  @Test
  void namespaceDefaultsForNamespacedKindsOnly() throws ExprException {
    assertThat(ObjectRef.parse("pvc/data").key()).isEqualTo(ObjectKey.namespaced("PersistentVolumeClaim", "default", "data"));
    assertThat(ObjectRef.parse("pv/pv-1").key()).isEqualTo(ObjectKey.cluster("PersistentVolume", "pv-1"));
    assertThat(ObjectRef.parse("pod?app=web").namespace()).isEqualTo("default");
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("foo/bar", "the server doesn't have a resource type \"foo\""),
        Arguments.of("pv/default/pv-1", "bad object reference \"pv/default/pv-1\": persistentvolumes are cluster-scoped and take no namespace"),
        Arguments.of("node/x?a=b", "bad object reference \"node/x?a=b\": nodes are cluster-scoped and take no namespace"),
        Arguments.of("pvc", "bad object reference \"pvc\": expected kind/name, kind/namespace/name or kind?selector"),
        Arguments.of("pvc/a/b/c", "bad object reference \"pvc/a/b/c\": expected kind/name, kind/namespace/name or kind?selector"),
        Arguments.of("pvc//data", "bad object reference \"pvc//data\": empty name or namespace"),
        Arguments.of("pod?", "empty label selector"),
        Arguments.of("pod?a in (x", "bad label selector \"a in (x\": unbalanced \"(\""),
        Arguments.of("pod?a=b c", "bad label selector \"a=b c\": invalid label value \"b c\""),
        Arguments.of("pod?a,,b", "bad label selector \"a,,b\": empty requirement"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("errors")
  void rejectsBadReferencesInKubectlWords(String text, String message) {
    assertThatThrownBy(() -> ObjectRef.parse(text)).isInstanceOf(ExprException.class).hasMessage(message);
  }

  @Test
  void resolvesByName() throws ExprException {
    assertThat(ObjectRef.parse("pvc/data").resolve(api).metadata().name()).isEqualTo("data");
    assertThat(ObjectRef.parse("pv/pvc-1.2").resolve(api).kind()).isEqualTo("PersistentVolume");
    assertThat(ObjectRef.parse("pvc/gone").find(api)).isEmpty();
    assertThatThrownBy(() -> ObjectRef.parse("pvc/gone").resolve(api))
        .hasMessage("persistentvolumeclaims \"gone\" not found");
    assertThatThrownBy(() -> ObjectRef.parse("pvc/db/data").resolve(api))
        .hasMessage("persistentvolumeclaims \"data\" not found");
  }

  @Test
  void resolvesTheOneObjectASelectorMatches() throws ExprException {
    assertThat(ObjectRef.parse("pod/db?app=redis,role=primary").resolve(api).metadata().name()).isEqualTo("redis-0");
    assertThat(ObjectRef.parse("pod/db?role notin (primary)").resolve(api).metadata().name()).isEqualTo("redis-1");
    assertThat(ObjectRef.parse("pod/db?app,!role").find(api)).isEmpty();
    assertThat(ObjectRef.parse("pv?tier in (db)").resolve(api).metadata().name()).isEqualTo("pvc-1.2");
    assertThat(ObjectRef.parse("node?topology.kubernetes.io/zone=zone-a").resolve(api).metadata().name()).isEqualTo("node-1");
  }

  @Test
  void selectorMatchingNoneOrSeveralIsAnError() {
    assertThatThrownBy(() -> ObjectRef.parse("pod?app=redis").resolve(api))
        .hasMessage("no pods in namespace \"default\" match the selector \"app=redis\"");
    assertThatThrownBy(() -> ObjectRef.parse("pod/db?app=redis").resolve(api))
        .hasMessage("2 pods in namespace \"db\" match the selector \"app=redis\" (redis-0, redis-1); expected exactly one");
    assertThatThrownBy(() -> ObjectRef.parse("pod/db?app=redis").find(api))
        .hasMessageStartingWith("2 pods in namespace \"db\"");
    assertThatThrownBy(() -> ObjectRef.parse("pv?tier").resolve(api))
        .hasMessage("2 persistentvolumes match the selector \"tier\" (pv-2, pvc-1.2); expected exactly one");
  }

  @Test
  void notEqualsAndNotInMatchObjectsWithoutTheLabel() throws ExprException {
    LabelSelectorExpr s = LabelSelectorExpr.parse("a!=x,b notin (y)");
    assertThat(s.matches(java.util.Map.of())).isTrue();
    assertThat(s.matches(java.util.Map.of("a", "x"))).isFalse();
    assertThat(s.matches(java.util.Map.of("b", "y"))).isFalse();
    assertThat(LabelSelectorExpr.parse("a in (x,y)").matches(java.util.Map.of())).isFalse();
  }
}
