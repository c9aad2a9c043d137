package dev.volsim.scenario.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.volsim.core.api.ApiServer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpolatorTest {
  private final ApiServer api = Fixtures.api();
  private final Map<String, Object> captures = new HashMap<>(Map.of("oldUid", "u-1"));
  private final Interpolator in = Interpolator.of(api, captures);

  @Test
  void replacesFieldReferencesWhenCalled() throws ExprException {
    assertThat(in.interpolate("persistentvolume/${pvc/data.spec.volumeName}")).isEqualTo("persistentvolume/pvc-1.2");
    assertThat(in.interpolate("${pod/db/redis-0.status.containerStatuses[name=redis].restartCount} restarts"))
        .isEqualTo("2 restarts");
    assertThat(in.interpolate("${pod/db?role=primary.spec.nodeName}")).isEqualTo("node-1");
    assertThat(in.interpolate("${pvc/data.metadata.annotations[\"pv.kubernetes.io/bind-completed\"]}")).isEqualTo("yes");
  }

  @Test
  void referenceEndsAtTheFirstDotBeforeATopLevelField() throws ExprException {
    assertThat(in.interpolate("${pv/pvc-1.2.spec.claimRef.name}")).isEqualTo("data");
    assertThat(in.interpolate("${persistentvolume/pvc-1.2.metadata.name}")).isEqualTo("pvc-1.2");
    assertThat(in.interpolate("${pv?tier=db.metadata.name}")).isEqualTo("pvc-1.2");
    assertThat(in.interpolate("${node?topology.kubernetes.io/zone=zone-a.metadata.name}")).isEqualTo("node-1");
    assertThat(in.interpolate("${cm/conf.data[key.with.dots]}")).isEqualTo("v1");
  }

  @Test
  void topLevelFieldsComeFromEveryKind() {
    assertThat(Interpolator.topLevelFields()).contains("metadata", "spec", "status", "data", "provisioner",
        "reclaimPolicy", "involvedObject", "reason", "driver", "nodeName", "subsets", "items", "apiVersion", "kind");
  }

  @Test
  void capturesAndEscapes() throws ExprException {
    assertThat(in.interpolate("uid ${oldUid}, literal $${oldUid}")).isEqualTo("uid u-1, literal ${oldUid}");
    captures.put("later", "x");
    assertThat(in.interpolate("${later}")).isEqualTo("x");
    assertThat(in.interpolate("no references, $ and { alone")).isEqualTo("no references, $ and { alone");
    assertThat(Interpolator.hasReferences("a $${b}")).isFalse();
    assertThat(Interpolator.hasReferences("a ${b}")).isTrue();
  }

  @Test
  void failuresSayWhatIsMissing() {
    assertThatThrownBy(() -> in.interpolate("${nope}"))
        .isInstanceOf(ExprException.class)
        .hasMessage("no value was captured as \"nope\" (captured so far: oldUid)");
    assertThatThrownBy(() -> in.interpolate("${pvc/data.spec.nope}"))
        .hasMessage("${pvc/data.spec.nope}: persistentvolumeclaim/default/data has no field spec.nope");
    assertThatThrownBy(() -> in.interpolate("${pvc/gone.spec.volumeName}"))
        .hasMessage("${pvc/gone.spec.volumeName}: persistentvolumeclaims \"gone\" not found");
    assertThatThrownBy(() -> in.interpolate("${pod/db?app=redis.metadata.name}"))
        .hasMessageContaining("2 pods in namespace \"db\" match the selector \"app=redis\"");
    assertThatThrownBy(() -> in.interpolate("x ${pvc/data.spec"))
        .hasMessage("unterminated \"${\" in \"x ${pvc/data.spec\"");
  }

  @Test
  void checkFindsSyntaxErrorsWithoutEvaluating() throws ExprException {
    Interpolator.check("${pvc/gone.spec.volumeName} and ${anyCapture}");
    assertThatThrownBy(() -> Interpolator.check("${pvc/data}"))
        .hasMessage("\"${pvc/data}\" has no field path: write <object reference>.<field path>, as ${pvc/data.spec.volumeName}");
    assertThatThrownBy(() -> Interpolator.check("${foo/x.spec.a}"))
        .hasMessage("the server doesn't have a resource type \"foo\"");
    assertThatThrownBy(() -> Interpolator.check("${pvc/x.spec..a}"))
        .hasMessage("bad field path \"spec..a\": empty field name at offset 6");
    assertThatThrownBy(() -> Interpolator.check("${a b}"))
        .hasMessage("\"${a b}\" is neither a captured value's name nor <object reference>.<field path>");
    assertThatThrownBy(() -> Interpolator.check("${}")).hasMessage("empty \"${}\" in \"${}\"");
  }

  @Test
  void treesKeepTypesOfWholeReferences() throws ExprException {
    captures.put("replicas", 3L);
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("name", "${pvc/data.spec.volumeName}-copy");
    tree.put("replicas", "${replicas}");
    tree.put("restarts", "${pod/db/redis-0.status.containerStatuses[0].restartCount}");
    tree.put("capacity", "${pvc/data.status.capacity}");
    tree.put("list", List.of("${oldUid}", 1L, true));
    tree.put("${oldUid}", "key interpolated");
    Object out = in.interpolateTree(tree);
    assertThat(out).isEqualTo(Map.of(
        "name", "pvc-1.2-copy",
        "replicas", 3L,
        "restarts", 2,
        "capacity", Map.of("storage", "1Gi"),
        "list", List.of("u-1", 1L, true),
        "u-1", "key interpolated"));
    assertThat(tree.get("name")).isEqualTo("${pvc/data.spec.volumeName}-copy");
    assertThat(in.interpolate("${pvc/data.status.capacity}")).isEqualTo("{\"storage\":\"1Gi\"}");
  }

  @Test
  void escapeAppliesToInsertedValuesOnly() throws ExprException {
    assertThat(in.interpolate("^${pvc/data.spec.volumeName}$", java.util.regex.Pattern::quote))
        .isEqualTo("^\\Qpvc-1.2\\E$");
  }
}
