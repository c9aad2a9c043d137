package dev.volsim.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.model.Quantity;
import dev.volsim.model.core.LabelSelectorOperator;
import dev.volsim.model.core.PersistentVolumeAccessMode;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.PersistentVolumeClaimPhase;
import dev.volsim.model.core.PersistentVolumeMode;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.model.io.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PersistentVolumeClaims: storage class unset versus "", defaults, spec rules. */
class PersistentVolumeClaimValidationTest {

  static String pvc(String spec) {
    return "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n  namespace: default\nspec:\n" + spec;
  }

  static final String BASIC = "  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 5Gi}}\n";

  static LoadResult load(String yaml) {
    return ManifestLoader.strict().parse("t.yaml", yaml);
  }

  static List<String> problems(String yaml) {
    return load(yaml).problems().stream().filter(Problem::isError).map(Problem::message).toList();
  }

  static PersistentVolumeClaim claim(String yaml) {
    LoadResult r = load(yaml);
    assertThat(r.problems()).isEmpty();
    return (PersistentVolumeClaim) r.objects().get(0);
  }

  @Test
  void storageClassUnsetIsNullAndExplicitlyEmptyIsEmpty() {
    assertThat(claim(pvc(BASIC)).spec().storageClassName()).isNull();
    assertThat(claim(pvc(BASIC + "  storageClassName: \"\"\n")).spec().storageClassName()).isEqualTo("");
    assertThat(claim(pvc(BASIC + "  storageClassName: fast\n")).spec().storageClassName()).isEqualTo("fast");
  }

  @Test
  void defaultsAreApplied() {
    PersistentVolumeClaim c = claim(pvc(BASIC));
    assertThat(c.spec().volumeMode()).isEqualTo(PersistentVolumeMode.FILESYSTEM);
    assertThat(c.status().phase()).isEqualTo(PersistentVolumeClaimPhase.PENDING);
    assertThat(c.spec().accessModes()).containsExactly(PersistentVolumeAccessMode.READ_WRITE_ONCE);
    assertThat(c.spec().resources().requests().get("storage")).isEqualTo(Quantity.parse("5Gi"));
  }

  @Test
  void selectorAndDataSourceLoad() {
    PersistentVolumeClaim c = claim(pvc(BASIC + "  volumeMode: Block\n  selector:\n    matchLabels: {tier: gold}\n"
        + "    matchExpressions: [{key: zone, operator: NotIn, values: [a]}]\n"
        + "  dataSource: {apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: snap}\n"
        + "  dataSourceRef: {apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: snap}\n"));
    assertThat(c.spec().selector().matchExpressions().get(0).operator()).isEqualTo(LabelSelectorOperator.NOT_IN);
    assertThat(c.spec().volumeMode()).isEqualTo(PersistentVolumeMode.BLOCK);
  }

  @Test
  void specRules() {
    assertThat(problems(pvc("  resources: {requests: {storage: 1Gi}}\n")))
        .containsExactly("spec.accessModes: Required value: at least 1 access mode is required");
    assertThat(problems(pvc("  accessModes: [ReadWriteOnce]\n")))
        .containsExactly("spec.resources[storage]: Required value");
    assertThat(problems(pvc("  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: '0'}}\n")))
        .containsExactly("spec.resources[storage]: Invalid value: \"0\": must be greater than zero");
    assertThat(problems(pvc("  accessModes: [ReadWriteOncePod, ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n")))
        .containsExactly("spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes");
    assertThat(problems(pvc(BASIC + "  storageClassName: Fast_1\n")))
        .containsExactly("spec.storageClassName: Invalid value: \"Fast_1\": " + Names.dns1123Subdomain("Fast_1").get(0));
    assertThat(problems(pvc(BASIC + "  accessModes: [Everyone]\n").replace("  accessModes: [ReadWriteOnce]\n", "")))
        .contains("spec.accessModes[0]: Unsupported value: \"Everyone\": supported values: "
            + "\"ReadOnlyMany\", \"ReadWriteMany\", \"ReadWriteOnce\", \"ReadWriteOncePod\"");
  }

  @Test
  void selectorRules() {
    assertThat(problems(pvc(BASIC + "  selector:\n    matchExpressions: [{key: zone, operator: Exists, values: [a]}]\n")))
        .containsExactly("spec.selector.matchExpressions[0].values: Forbidden: "
            + "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
    assertThat(problems(pvc(BASIC + "  selector:\n    matchExpressions: [{key: zone, operator: In}]\n")))
        .containsExactly("spec.selector.matchExpressions[0].values: Required value: "
            + "must be specified when `operator` is 'In' or 'NotIn'");
  }

  @Test
  void dataSourceRules() {
    assertThat(problems(pvc(BASIC + "  dataSource: {kind: VolumeSnapshot, name: s}\n")))
        .containsExactly("spec.dataSource: Invalid value: \"VolumeSnapshot\": "
            + "must be 'PersistentVolumeClaim' when referencing the default apiGroup");
    assertThat(problems(pvc(BASIC + "  dataSource: {kind: PersistentVolumeClaim, name: a}\n"
        + "  dataSourceRef: {kind: PersistentVolumeClaim, name: b}\n")))
        .containsExactly("spec: Invalid value: spec.dataSource: must match dataSourceRef");
  }
}
